#include "search/pinyin.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace kiosk;
using Words = std::vector<std::string>;

TEST_CASE("Chinese names read as toneless pinyin syllables: one word each") {
    PinyinReader reader;
    REQUIRE(reader.error().empty());
    CHECK(reader.read("交城骏枣").words == Words{"jiao", "cheng", "jun", "zao"});
    CHECK(reader.read("文水展厅 直播间").words == Words{"wen", "shui", "zhan", "ting", "zhi", "bo", "jian"});
    CHECK(reader.read("交城骏枣").v_words.empty());   // no ü: no second spelling
}

TEST_CASE("letters and digits around Chinese become lowercase ASCII words") {
    PinyinReader reader;
    CHECK(reader.read("清香型白酒 42度").words == Words{"qing", "xiang", "xing", "bai", "jiu", "42", "du"});
    CHECK(reader.read("Jiaocheng Junzao jujubes, gift box").words == Words{"jiaocheng", "junzao", "jujubes", "gift", "box"});
    CHECK(reader.read("Dried lion's mane").words == Words{"dried", "lion", "s", "mane"});
    CHECK(reader.read("Lüliang Speciality Food").words == Words{"luliang", "speciality", "food"});   // accents folded
    CHECK(reader.read("ＡＢＣ１２").words == Words{"abc12"});   // full-width forms
}

TEST_CASE("ü reads as u and a second spelling types it as v") {
    PinyinReader reader;
    const TypedWords lvliang = reader.read("吕梁");
    CHECK(lvliang.words == Words{"lu", "liang"});
    CHECK(lvliang.v_words == Words{"lv", "liang"});
}

TEST_CASE("ICU gives a polyphone one reading: the feed's search_terms give the others") {
    PinyinReader reader;
    CHECK(reader.read("银行").words == Words{"yin", "xing"});   // not yin hang
    CHECK(reader.read("长治").words == Words{"zhang", "zhi"});   // not chang zhi
}

TEST_CASE("empty text and text of only punctuation or malformed bytes read without failing") {
    PinyinReader reader;
    CHECK(reader.read("").words.empty());
    CHECK(reader.read(" ·、—！").words.empty());
    CHECK(reader.read("\xff\xfe交\xc3").words == Words{"jiao"});   // malformed bytes separate words
    CHECK(reader.read(std::string("a\0b", 3)).words == Words{"a", "b"});
    CHECK(reader.read("😀枣😀").words == Words{"zao"});
}
