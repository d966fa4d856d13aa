#include "images/qr_code.h"

#include "base/text.h"

#include <qrcodegen.hpp>

#include <algorithm>
#include <cctype>

namespace kiosk {

std::optional<QrMatrix> encode_qr(std::string_view text, std::string* error) {
    if (text.find('\0') != std::string_view::npos) {
        if (error) *error = "QR text contains a NUL byte";
        return std::nullopt;
    }
    try {
        // encodeText picks numeric/alphanumeric/byte segments; it needs a NUL-terminated copy.
        using qrcodegen::QrCode;
        const QrCode qr = QrCode::encodeText(std::string(text).c_str(), QrCode::Ecc::MEDIUM);
        QrMatrix m;
        m.size = qr.getSize() + 2 * QrMatrix::kQuietZone;
        m.dark.assign(static_cast<std::size_t>(m.size) * m.size, 0);
        for (int y = 0; y < qr.getSize(); ++y)
            for (int x = 0; x < qr.getSize(); ++x)
                m.dark[static_cast<std::size_t>(y + QrMatrix::kQuietZone) * m.size + x + QrMatrix::kQuietZone] =
                    qr.getModule(x, y) ? 1 : 0;
        return m;
    } catch (const qrcodegen::data_too_long&) {
        if (error)
            *error = "QR text is too long: " + std::to_string(text.size()) + " bytes (level M holds at most 2,331)";
        return std::nullopt;
    }
}


bool is_orderable_url(std::string_view url, bool allow_http, std::string* reason) {
    auto refuse = [&](std::string why) {
        if (reason) *reason = std::move(why);
        return false;
    };
    for (std::size_t i = 0; i < url.size(); ++i) {
        const auto c = static_cast<unsigned char>(url[i]);
        const std::string at = " at byte " + std::to_string(i + 1);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return refuse("order link contains whitespace" + at);
        if (c < 0x20 || c == 0x7f) return refuse("order link contains a control character" + at);
        if (c >= 0x80) return refuse("order link contains a non-ASCII byte" + at + " (percent-encode it)");
        if (std::string_view("\"<>\\^`{|}").find(static_cast<char>(c)) != std::string_view::npos)
            return refuse(std::string("order link contains '") + static_cast<char>(c) + "'" + at);
    }
    std::size_t host_start = 0;
    if (starts_with_nocase(url, "https://")) host_start = 8;
    else if (allow_http && starts_with_nocase(url, "http://")) host_start = 7;
    else return refuse(allow_http ? "order link must start with https:// or http://"
                                  : "order link must start with https://");
    const std::size_t host_end = std::min(url.find_first_of("/?#", host_start), url.size());
    const std::string_view authority = url.substr(host_start, host_end - host_start);
    if (authority.find('@') != std::string_view::npos) return refuse("order link carries user info before '@'");
    if (authority.empty() || authority.front() == ':' || authority.front() == '.')
        return refuse("order link has no host name");
    return true;
}

} // namespace kiosk
