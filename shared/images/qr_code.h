// QR codes for product order links (nayuki qrcodegen, error correction M).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

struct QrMatrix {
    static constexpr int kQuietZone = 4;   // light modules on each side, already included in `size`

    int size = 0;                          // modules per side, quiet zone included
    std::vector<std::uint8_t> dark;        // size * size, row-major, 1 = dark

    bool at(int x, int y) const {          // light outside the matrix
        return x >= 0 && y >= 0 && x < size && y < size && dark[static_cast<std::size_t>(y) * size + x] != 0;
    }
};

// nullopt with a reason in *error when the text does not fit a version-40 code
// (about 2,300 bytes at level M) or contains a NUL byte.
std::optional<QrMatrix> encode_qr(std::string_view text, std::string* error = nullptr);

// Whether a feed's order link may be shown as a QR code: https only (http when
// allowed), a host, no user info ("https://shop@evil"), and only printable
// ASCII without spaces or characters RFC 3986 forbids. Non-ASCII paths must
// be percent-encoded. *reason says what is wrong when false.
bool is_orderable_url(std::string_view url, bool allow_http, std::string* reason = nullptr);

} // namespace kiosk
