#include "import/text_encoding.h"

#include "base/utf8.h"

#include <cerrno>
#include <iconv.h>

#include <unicode/ucnv.h>

namespace kiosk {

std::optional<std::string> encode_from_utf8(std::string_view utf8, TextEncoding encoding, std::string& error) {
    if (encoding != TextEncoding::gb18030) return std::string(utf8);
    if (utf8.empty()) return std::string();
    UErrorCode status = U_ZERO_ERROR;
    UConverter* from = ucnv_open("UTF-8", &status);
    UConverter* to = ucnv_open("GB18030", &status);
    if (U_SUCCESS(status)) {   // a malformed byte is an error, not a substitute character
        ucnv_setToUCallBack(from, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
        ucnv_setFromUCallBack(to, UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    }
    std::string out(utf8.size() * 4 + 16, '\0');   // GB18030 needs at most 4 bytes per UTF-8 byte
    char* target = out.data();
    const char* source = utf8.data();
    if (U_SUCCESS(status))
        ucnv_convertEx(to, from, &target, out.data() + out.size(), &source, utf8.data() + utf8.size(), nullptr, nullptr,
                       nullptr, nullptr, true, true, &status);
    out.resize(static_cast<std::size_t>(target - out.data()));
    ucnv_close(from);
    ucnv_close(to);
    if (U_FAILURE(status)) {
        error = std::string("cannot convert to GB18030: ") + u_errorName(status);
        return std::nullopt;
    }
    return out;
}

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// GB18030 maps every Unicode code point, so a failure is a byte sequence
// that is not GB18030 at all; its offset is returned.
std::optional<std::size_t> gb18030_to_utf8(std::string_view in, std::string& out) {
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    if (cd == reinterpret_cast<iconv_t>(-1)) return 0;   // glibc without gconv modules: nothing converts
    out.clear();
    char* src = const_cast<char*>(in.data());
    std::size_t src_left = in.size();
    std::optional<std::size_t> bad;
    char buffer[4096];
    while (src_left > 0) {
        char* dst = buffer;
        std::size_t dst_left = sizeof buffer;
        const std::size_t r = iconv(cd, &src, &src_left, &dst, &dst_left);
        out.append(buffer, static_cast<std::size_t>(dst - buffer));
        if (r == static_cast<std::size_t>(-1) && errno != E2BIG) {   // EILSEQ or EINVAL (cut off at the end)
            bad = static_cast<std::size_t>(src - in.data());
            break;
        }
    }
    iconv_close(cd);
    return bad;
}

} // namespace

bool parse_text_encoding(std::string_view name, TextEncoding& out) {
    std::string lower;
    for (char c : name) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (lower == "utf-8" || lower == "utf8") out = TextEncoding::utf8;
    else if (lower == "gb18030" || lower == "gbk" || lower == "gb2312" || lower == "cp936") out = TextEncoding::gb18030;
    else return false;
    return true;
}

DecodedText decode_to_utf8(std::string_view bytes, TextEncoding encoding) {
    DecodedText result;
    const bool has_bom = bytes.substr(0, kBom.size()) == kBom;
    if (encoding == TextEncoding::detect)
        encoding = (has_bom || !find_invalid_utf8(bytes)) ? TextEncoding::utf8 : TextEncoding::gb18030;
    result.encoding = encoding;
    if (encoding == TextEncoding::utf8) {
        if (has_bom) bytes.remove_prefix(kBom.size());
        result.bad_byte = find_invalid_utf8(bytes);
        if (result.bad_byte && has_bom) *result.bad_byte += kBom.size();
        result.utf8 = std::string(bytes);
    } else {
        result.bad_byte = gb18030_to_utf8(bytes, result.utf8);
    }
    return result;
}

} // namespace kiosk
