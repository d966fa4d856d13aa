#include "images/image_decode.h"

#include <stb_image.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <memory>
#include <string_view>

namespace kiosk {
namespace {

struct StbFree {
    void operator()(stbi_uc* p) const { stbi_image_free(p); }
};

std::string megabytes(std::size_t bytes) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
    return text;
}

// sRGB byte → linear light, built once.
const float* srgb_to_linear_table() {
    static const std::vector<float> table = [] {
        std::vector<float> t(256);
        for (int i = 0; i < 256; ++i) {
            const double c = i / 255.0;
            t[i] = static_cast<float>(c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4));
        }
        return t;
    }();
    return table.data();
}

std::uint8_t linear_to_srgb(float v) {
    const double c = std::clamp(static_cast<double>(v), 0.0, 1.0);
    const double s = c <= 0.0031308 ? c * 12.92 : 1.055 * std::pow(c, 1.0 / 2.4) - 0.055;
    return static_cast<std::uint8_t>(std::lround(s * 255.0));
}

// Which source pixels cover output pixel i, and by how much (weights sum to 1).
struct Taps {
    struct Tap {
        int source;
        float weight;
    };
    std::vector<std::size_t> begin;   // output i uses taps[begin[i] .. begin[i + 1])
    std::vector<Tap> taps;
};

Taps area_taps(int in, int out) {
    // Work in units of 1/out source pixel so every boundary is an integer.
    Taps t;
    for (int i = 0; i < out; ++i) {
        t.begin.push_back(t.taps.size());
        const std::int64_t lo = std::int64_t{i} * in, hi = std::int64_t{i + 1} * in;
        for (std::int64_t j = lo / out; j * out < hi; ++j) {
            const std::int64_t overlap = std::min(hi, (j + 1) * out) - std::max(lo, j * out);
            t.taps.push_back({static_cast<int>(j), static_cast<float>(overlap) / static_cast<float>(in)});
        }
    }
    t.begin.push_back(t.taps.size());
    return t;
}

// One source row → out_w pixels of alpha-premultiplied linear RGBA.
void shrink_row(const std::uint8_t* row, const Taps& x_taps, std::vector<float>& out) {
    const std::size_t out_w = x_taps.begin.size() - 1;
    out.assign(out_w * 4, 0.0f);
    const float* linear = srgb_to_linear_table();
    for (std::size_t ox = 0; ox < out_w; ++ox) {
        float* o = &out[ox * 4];
        for (std::size_t k = x_taps.begin[ox]; k < x_taps.begin[ox + 1]; ++k) {
            const std::uint8_t* p = row + static_cast<std::size_t>(x_taps.taps[k].source) * 4;
            const float a = p[3] / 255.0f * x_taps.taps[k].weight;
            o[0] += linear[p[0]] * a;
            o[1] += linear[p[1]] * a;
            o[2] += linear[p[2]] * a;
            o[3] += a;
        }
    }
}

DecodedImage shrink(const std::uint8_t* src, int w, int h, int out_w, int out_h) {
    const Taps x_taps = area_taps(w, out_w), y_taps = area_taps(h, out_h);
    DecodedImage img{out_w, out_h, std::vector<std::uint8_t>(static_cast<std::size_t>(out_w) * out_h * 4)};
    std::vector<float> sum, row;
    std::vector<float> cached;   // a source row on a boundary is shared by two output rows
    int cached_row = -1;
    for (int oy = 0; oy < out_h; ++oy) {
        sum.assign(static_cast<std::size_t>(out_w) * 4, 0.0f);
        for (std::size_t k = y_taps.begin[oy]; k < y_taps.begin[oy + 1]; ++k) {
            const int sy = y_taps.taps[k].source;
            if (sy != cached_row) {
                shrink_row(src + static_cast<std::size_t>(sy) * w * 4, x_taps, cached);
                cached_row = sy;
            }
            const float wy = y_taps.taps[k].weight;
            for (std::size_t i = 0; i < sum.size(); ++i) sum[i] += cached[i] * wy;
        }
        std::uint8_t* out = &img.rgba[static_cast<std::size_t>(oy) * out_w * 4];
        for (int ox = 0; ox < out_w; ++ox) {
            const float* s = &sum[static_cast<std::size_t>(ox) * 4];
            std::uint8_t* o = out + ox * 4;
            const float a = s[3];
            if (a <= 0.0f) { o[0] = o[1] = o[2] = o[3] = 0; continue; }
            o[0] = linear_to_srgb(s[0] / a);
            o[1] = linear_to_srgb(s[1] / a);
            o[2] = linear_to_srgb(s[2] / a);
            o[3] = static_cast<std::uint8_t>(std::lround(std::clamp(a, 0.0f, 1.0f) * 255.0f));
        }
    }
    return img;
}

// stb reports only its last guess ("unknown image type") when every format
// refuses a header, so a PNG's real size is read here for a useful message.
bool png_header_size(std::span<const std::uint8_t> b, std::uint32_t& w, std::uint32_t& h) {
    static const std::uint8_t kSignature[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n',
                                              0, 0, 0, 13, 'I', 'H', 'D', 'R'};   // then width, height
    if (b.size() < 24 || !std::equal(std::begin(kSignature), std::end(kSignature), b.begin())) return false;
    auto be32 = [&](std::size_t at) {
        return std::uint32_t{b[at]} << 24 | std::uint32_t{b[at + 1]} << 16 | std::uint32_t{b[at + 2]} << 8 | b[at + 3];
    };
    w = be32(16);
    h = be32(20);
    return true;
}

// The formats the feed guide promises. stb also reads PSD, HDR, PIC, PNM and
// TGA, which nobody sends a kiosk and where its decoders have had memory bugs
// (a 16-bit PGM reads past its buffer in Debian 12's stb): they never reach it.
bool is_promised_format(std::span<const std::uint8_t> b) {
    auto starts_with = [&](std::string_view magic) {
        return b.size() >= magic.size() && std::equal(magic.begin(), magic.end(), b.begin(),
                                                      [](char m, std::uint8_t c) { return static_cast<std::uint8_t>(m) == c; });
    };
    return starts_with("\x89PNG\r\n\x1a\n") || starts_with("\xff\xd8\xff") || starts_with("GIF87a") ||
           starts_with("GIF89a") || starts_with("BM");
}

// Debian 12's stb builds a JPEG Huffman table without checking that its code
// counts add up to at most 256, and writes past the table when they do (in
// stbi_info too); and it decodes a scan with a table that was never defined,
// reading uninitialised memory as indexes (found by fuzz_image). Walks the
// segments as stb does; false for either.
bool jpeg_huffman_tables_sound(std::span<const std::uint8_t> b) {
    auto at = [&](std::size_t i) -> unsigned { return i < b.size() ? b[i] : 0u; };   // stb reads 0 past the end
    std::size_t i = 2;   // after SOI
    bool in_scan = false;
    bool progressive = false;
    bool defined[2][4] = {};   // [DC, AC][table id]
    while (i + 1 < b.size()) {
        const unsigned marker = b[i + 1];
        if (b[i] != 0xFF || marker == 0xFF || (in_scan && (marker == 0x00 || (marker >= 0xD0 && marker <= 0xD7)))) {
            ++i;   // entropy-coded data, stuffing, fill bytes and restarts
            continue;
        }
        if (marker == 0xD9) return true;   // EOI
        const std::size_t length = at(i + 2) << 8 | at(i + 3);
        const std::size_t end = i + 2 + length;
        if (marker == 0xC2) progressive = true;
        if (marker == 0xC4)
            for (std::size_t t = i + 4; t < end && t < b.size();) {
                std::size_t codes = 0;
                for (std::size_t k = 1; k <= 16; ++k) codes += at(t + k);
                if (codes > 256) return false;
                const unsigned table_class = at(t) >> 4, id = at(t) & 15;
                if (table_class <= 1 && id <= 3) defined[table_class][id] = true;   // stb refuses others
                t += 17 + codes;
            }
        if (marker == 0xDA) {   // each component's tables that this scan decodes with must exist
            const std::size_t components = at(i + 4);
            const std::size_t spectral = i + 5 + 2 * components;
            const unsigned first = at(spectral), approx_high = at(spectral + 2) >> 4;
            const bool dc = !progressive || (first == 0 && approx_high == 0);   // DC refinement reads raw bits
            const bool ac = !progressive || first > 0;
            for (std::size_t c = 0; c < components; ++c) {
                const unsigned tables = at(i + 6 + 2 * c), dc_id = tables >> 4, ac_id = tables & 15;
                if (dc && (dc_id > 3 || !defined[0][dc_id])) return false;
                if (ac && (ac_id > 3 || !defined[1][ac_id])) return false;
            }
        }
        in_scan = marker == 0xDA;   // SOS: entropy-coded data follows its header
        i = std::max(end, i + 2);
    }
    return true;
}

std::string size_text(std::int64_t w, std::int64_t h) { return std::to_string(w) + "×" + std::to_string(h); }

} // namespace

bool safe_for_stb(std::span<const std::uint8_t> bytes) {
    if (!is_promised_format(bytes)) return false;
    return bytes[0] != 0xFF || jpeg_huffman_tables_sound(bytes);
}

std::optional<DecodedImage> decode_image(std::span<const std::uint8_t> bytes, int max_width, int max_height,
                                         std::string* error, const ImageLimits& limits) {
    auto fail = [&](std::string why) {
        if (error) *error = std::move(why);
        return std::nullopt;
    };
    if (max_width <= 0 || max_height <= 0)
        return fail("target size " + size_text(max_width, max_height) + " is not positive");
    if (bytes.empty()) return fail("not an image: the file is empty");
    if (bytes.size() > limits.max_input_bytes || bytes.size() > static_cast<std::size_t>(INT_MAX))
        return fail("image file of " + megabytes(bytes.size()) + " exceeds " + megabytes(limits.max_input_bytes));

    if (!is_promised_format(bytes)) return fail("not an image: only PNG, JPEG, GIF and BMP are shown");
    if (!safe_for_stb(bytes)) return fail("corrupt JPEG: a Huffman table is too large or missing");

    const int length = static_cast<int>(bytes.size());
    int w = 0, h = 0, channels = 0;
    if (!stbi_info_from_memory(bytes.data(), length, &w, &h, &channels)) {
        std::uint32_t png_w = 0, png_h = 0;
        if (png_header_size(bytes, png_w, png_h)) {
            if (std::max(png_w, png_h) > static_cast<std::uint32_t>(std::max(limits.max_side, 0)))
                return fail(size_text(png_w, png_h) + " exceeds " + std::to_string(limits.max_side) + " px");
            return fail("corrupt PNG header (" + size_text(png_w, png_h) + ")");
        }
        const char* reason = stbi_failure_reason();
        return fail(std::string("not an image: ") + (reason ? reason : "unknown format"));
    }
    if (w <= 0 || h <= 0) return fail("corrupt image: " + size_text(w, h) + " pixels");   // a BMP may say height 0
    if (w > limits.max_side || h > limits.max_side)
        return fail(size_text(w, h) + " exceeds " + std::to_string(limits.max_side) + " px");

    int dw = 0, dh = 0;
    std::unique_ptr<stbi_uc, StbFree> pixels(stbi_load_from_memory(bytes.data(), length, &dw, &dh, &channels, 4));
    if (!pixels) {
        const char* reason = stbi_failure_reason();
        return fail(std::string("truncated or corrupt image: ") + (reason ? reason : "decoder failed"));
    }
    if (dw != w || dh != h) return fail("corrupt image: header and data disagree on its size");

    if (w <= max_width && h <= max_height) {
        const std::size_t size = static_cast<std::size_t>(w) * h * 4;
        return DecodedImage{w, h, std::vector<std::uint8_t>(pixels.get(), pixels.get() + size)};
    }
    // Fit the binding side exactly; round the other, never below one pixel.
    const std::int64_t w64 = w, h64 = h;
    int out_w = max_width, out_h = max_height;
    if (w64 * max_height >= h64 * max_width)
        out_h = static_cast<int>(std::max<std::int64_t>(1, (2 * h64 * max_width + w64) / (2 * w64)));
    else
        out_w = static_cast<int>(std::max<std::int64_t>(1, (2 * w64 * max_height + h64) / (2 * h64)));
    return shrink(pixels.get(), w, h, out_w, out_h);
}

} // namespace kiosk
