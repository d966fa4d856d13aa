#include "base/utf8.h"

#include <catch2/catch.hpp>

using namespace kiosk;

TEST_CASE("find_invalid_utf8 accepts well-formed text", "[utf8]") {
    CHECK_FALSE(find_invalid_utf8(""));
    CHECK_FALSE(find_invalid_utf8("plain ASCII"));
    CHECK_FALSE(find_invalid_utf8("吕梁 Lüliang"));
    CHECK_FALSE(find_invalid_utf8("\xF0\x9F\x8D\x8E"));        // U+1F34E, four bytes
    CHECK_FALSE(find_invalid_utf8("\xF4\x8F\xBF\xBF"));        // U+10FFFF, the last code point
    CHECK_FALSE(find_invalid_utf8(std::string_view("a\0b", 3)));   // NUL is a character
}

TEST_CASE("find_invalid_utf8 gives the offset of the first bad byte", "[utf8]") {
    CHECK(find_invalid_utf8("ab\xC3\x28") == 2u);             // lead byte without continuation
    CHECK(find_invalid_utf8("ok\x80") == 2u);                 // stray continuation byte
    CHECK(find_invalid_utf8("\xC0\xAF") == 0u);               // overlong "/"
    CHECK(find_invalid_utf8("\xE0\x80\xAF") == 0u);           // overlong, three bytes
    CHECK(find_invalid_utf8("x\xED\xA0\x80") == 1u);          // UTF-16 surrogate
    CHECK(find_invalid_utf8("\xF4\x90\x80\x80") == 0u);       // past U+10FFFF
    CHECK(find_invalid_utf8("\xF5\x80\x80\x80") == 0u);
    CHECK(find_invalid_utf8("吕梁\xE5\x90") == 6u);            // cut short at the end
    CHECK(find_invalid_utf8("\xCF\xE4") == 0u);               // 箱 in GBK
}

TEST_CASE("next_code_point decodes and always advances", "[utf8]") {
    const std::string_view text = "A吕\xFF\xF0\x9F\x8D\x8E";
    std::size_t pos = 0;
    CHECK(next_code_point(text, pos) == U'A');
    CHECK(pos == 1);
    CHECK(next_code_point(text, pos) == U'吕');
    CHECK(pos == 4);
    CHECK(next_code_point(text, pos) == 0xFFFD);   // a bad byte becomes U+FFFD, one byte at a time
    CHECK(pos == 5);
    CHECK(next_code_point(text, pos) == 0x1F34E);
    CHECK(pos == text.size());
}

TEST_CASE("decode_utf8, append_utf8 and count_code_points agree", "[utf8]") {
    const std::u32string points = decode_utf8("嗨购吕梁 ok");
    CHECK(points == U"嗨购吕梁 ok");
    std::string back;
    for (char32_t cp : points) append_utf8(back, cp);
    CHECK(back == "嗨购吕梁 ok");
    CHECK(count_code_points("嗨购吕梁 ok") == 7);
    CHECK(count_code_points("\xFF\xFE") == 2);

    std::string encoded;
    append_utf8(encoded, 0x7F);
    append_utf8(encoded, 0x7FF);
    append_utf8(encoded, 0xFFFF);
    append_utf8(encoded, 0x10FFFF);
    CHECK(encoded == "\x7F\xDF\xBF\xEF\xBF\xBF\xF4\x8F\xBF\xBF");
    CHECK_FALSE(find_invalid_utf8(encoded));

    std::string replaced;
    append_utf8(replaced, 0xD800);     // a surrogate cannot be encoded
    append_utf8(replaced, 0x110000);
    CHECK(replaced == "\xEF\xBF\xBD\xEF\xBF\xBD");
}
