// UTF-8 helpers: validation with a byte offset (for the feed validator) and
// code point decoding (for collecting the glyphs a font atlas needs).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

// Byte offset of the first byte that does not start a well-formed UTF-8
// sequence (overlong forms, surrogates and code points past U+10FFFF count as
// malformed); nullopt when the whole text is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

// Decodes the code point starting at `pos` and advances `pos` past it. A
// malformed sequence yields U+FFFD and advances one byte, so loops always end.
// Requires pos < text.size().
char32_t next_code_point(std::string_view text, std::size_t& pos);

// All code points of `text`, malformed bytes as U+FFFD.
std::u32string decode_utf8(std::string_view text);

// Appends `cp` encoded as UTF-8 (U+FFFD for surrogates and values past U+10FFFF).
void append_utf8(std::string& out, char32_t cp);

// Number of code points (what JSON Schema's maxLength counts).
std::size_t count_code_points(std::string_view text);

} // namespace kiosk
