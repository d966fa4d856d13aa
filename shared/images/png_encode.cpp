#include "images/png_encode.h"

#include <png.h>

#include <csetjmp>

namespace kiosk {

namespace {

struct WriteState {
    std::string out;
    std::string error;
};

void append_bytes(png_structp png, png_bytep data, png_size_t size) {
    static_cast<WriteState*>(png_get_io_ptr(png))->out.append(reinterpret_cast<const char*>(data), size);
}

void record_error(png_structp png, png_const_charp message) {
    static_cast<WriteState*>(png_get_error_ptr(png))->error = message;
    png_longjmp(png, 1);
}

void ignore_warning(png_structp, png_const_charp) {}

// libpng reports errors by longjmp: nothing with a destructor lives in this frame.
bool write_rows(png_structp png, png_infop info, const RgbaView& image, const PngEncodeOptions& options) {
    if (setjmp(png_jmpbuf(png))) return false;
    png_set_IHDR(png, info, static_cast<png_uint_32>(image.width), static_cast<png_uint_32>(image.height), 8,
                 options.opaque ? PNG_COLOR_TYPE_RGB : PNG_COLOR_TYPE_RGBA, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
                 PNG_FILTER_TYPE_DEFAULT);
    png_set_compression_level(png, options.zlib_level);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_UP);   // UI rows repeat the row above: best ratio for its speed
    png_write_info(png, info);
    if (options.opaque) png_set_filler(png, 0, PNG_FILLER_AFTER);   // on write: the 4th byte is dropped
    for (int y = 0; y < image.height; ++y)
        png_write_row(png, const_cast<png_bytep>(image.pixels + static_cast<std::ptrdiff_t>(y) * image.stride));
    png_write_end(png, nullptr);
    return true;
}

} // namespace

std::optional<std::string> encode_png(const RgbaView& image, const PngEncodeOptions& options, std::string* error) {
    const auto fail = [error](std::string why) -> std::optional<std::string> {
        if (error) *error = "PNG: " + std::move(why);
        return std::nullopt;
    };
    constexpr int kMaxSide = 1 << 15;   // far beyond any panel; keeps width × 4 within a row's int
    if (!image.pixels || image.width <= 0 || image.height <= 0 || image.width > kMaxSide || image.height > kMaxSide)
        return fail("no picture to encode (" + std::to_string(image.width) + "×" + std::to_string(image.height) + ")");
    const std::ptrdiff_t row_bytes = static_cast<std::ptrdiff_t>(image.width) * 4;
    if (image.stride < row_bytes && -image.stride < row_bytes) return fail("rows overlap (stride " + std::to_string(image.stride) + ")");
    WriteState state;
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &state, record_error, ignore_warning);
    if (!png) return fail("out of memory");
    png_infop info = png_create_info_struct(png);
    if (!info) {
        png_destroy_write_struct(&png, nullptr);
        return fail("out of memory");
    }
    png_set_write_fn(png, &state, append_bytes, nullptr);
    const bool written = write_rows(png, info, image, options);
    png_destroy_write_struct(&png, &info);
    if (!written) return fail(state.error.empty() ? "libpng failed" : state.error);
    return std::move(state.out);
}

} // namespace kiosk
