// Spreadsheet text to UTF-8: Excel and WPS write UTF-8 (often with a BOM) or,
// in Chinese Windows, GB18030/GBK. Converted with glibc's iconv.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

enum class TextEncoding { detect, utf8, gb18030 };

// "utf-8"/"utf8" or "gb18030"/"gbk"/"gb2312" (GBK and GB2312 are subsets); false when unknown.
bool parse_text_encoding(std::string_view name, TextEncoding& out);

struct DecodedText {
    std::string utf8;                    // without a BOM
    TextEncoding encoding = TextEncoding::utf8;   // what it was read as
    std::optional<std::size_t> bad_byte; // set when the bytes are not valid in that encoding
};

// detect: valid UTF-8 after an optional BOM is UTF-8, anything else GB18030.
DecodedText decode_to_utf8(std::string_view bytes, TextEncoding encoding);

// UTF-8 text in `encoding` (utf8 or gb18030; detect is utf8), converted with ICU's
// converter for what the organisers open in Chinese Excel. Nullopt with `error`
// when the text is not valid UTF-8.
std::optional<std::string> encode_from_utf8(std::string_view utf8, TextEncoding encoding, std::string& error);

} // namespace kiosk
