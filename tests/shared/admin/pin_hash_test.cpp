#include "admin/pin_hash.h"

#include <catch2/catch.hpp>

#include <string>

using namespace kiosk;

namespace {

std::string salt_0_to_15() {
    std::string s;
    for (char c = 0; c < 16; ++c) s += c;
    return s;
}

} // namespace

TEST_CASE("a PIN is 4 to 8 ASCII digits", "[pin_hash]") {
    CHECK(is_valid_pin("1234"));
    CHECK(is_valid_pin("12345678"));
    CHECK_FALSE(is_valid_pin(""));
    CHECK_FALSE(is_valid_pin("123"));
    CHECK_FALSE(is_valid_pin("123456789"));
    CHECK_FALSE(is_valid_pin("12a4"));
    CHECK_FALSE(is_valid_pin("12 34"));
    CHECK_FALSE(is_valid_pin("\xEF\xBC\x91\xEF\xBC\x92\xEF\xBC\x93\xEF\xBC\x94"));   // full-width １２３４
}

TEST_CASE("hash_pin_with_salt matches PBKDF2-HMAC-SHA256 from Python's hashlib", "[pin_hash]") {
    // hashlib.pbkdf2_hmac('sha256', b'2468', b'lvliang-salt-01', 1000), base64
    CHECK(hash_pin_with_salt("2468", "lvliang-salt-01", 1000) ==
          "pbkdf2-sha256$1000$bHZsaWFuZy1zYWx0LTAx$wWqw8JgGEjm3FG/ZXOrSjlftdBfZFFXFZvkLsf9/sFM=");
    CHECK(hash_pin_with_salt("13572468", salt_0_to_15(), 2000) ==
          "pbkdf2-sha256$2000$AAECAwQFBgcICQoLDA0ODw==$0JMaBCAOpNKib57DWnjDQFtXxAsywiAWpMpKkQdTLKc=");
}

TEST_CASE("verify_pin accepts the right PIN and rejects others", "[pin_hash]") {
    const std::string stored = hash_pin_with_salt("2468", "lvliang-salt-01", 1000);
    CHECK(verify_pin("2468", stored));
    CHECK_FALSE(verify_pin("2469", stored));
    CHECK_FALSE(verify_pin("24680", stored));
    CHECK_FALSE(verify_pin("", stored));

    std::string tampered = stored;
    tampered[tampered.size() - 3] = tampered[tampered.size() - 3] == 'A' ? 'B' : 'A';
    CHECK_FALSE(verify_pin("2468", tampered));
    CHECK_FALSE(verify_pin("2468", ""));
    CHECK_FALSE(verify_pin("2468", "2468"));
}

TEST_CASE("hash_pin salts each hash afresh and refuses PINs that are not 4-8 digits", "[pin_hash]") {
    const auto a = hash_pin("2468");
    const auto b = hash_pin("2468");
    REQUIRE(a);
    REQUIRE(b);
    CHECK(*a != *b);
    CHECK(a->starts_with("pbkdf2-sha256$" + std::to_string(kPinHashIterations) + "$"));
    CHECK(verify_pin("2468", *a));
    CHECK_FALSE(verify_pin("8642", *b));

    std::string error;
    CHECK_FALSE(hash_pin("12", &error));
    CHECK_THAT(error, Catch::Contains("4 to 8 digits"));
}

TEST_CASE("parse_pin_hash says what is wrong with a stored hash", "[pin_hash]") {
    const std::string good = hash_pin_with_salt("2468", "lvliang-salt-01", 1000);
    const auto parsed = parse_pin_hash(good);
    REQUIRE(parsed);
    CHECK(parsed->iterations == 1000);
    CHECK(parsed->salt == "lvliang-salt-01");
    CHECK(parsed->hash.size() == 32);
    CHECK(format_pin_hash(*parsed) == good);

    const auto why = [](const std::string& text) {
        std::string error;
        CHECK_FALSE(parse_pin_hash(text, &error));
        return error;
    };
    const std::string salt = "bHZsaWFuZy1zYWx0LTAx", hash = "wWqw8JgGEjm3FG/ZXOrSjlftdBfZFFXFZvkLsf9/sFM=";
    CHECK_THAT(why("sha1$1000$" + salt + "$" + hash), Catch::Contains("kiosk hash-pin"));
    CHECK_THAT(why("pbkdf2-sha256$1000$" + salt), Catch::Contains("kiosk hash-pin"));
    CHECK_THAT(why("pbkdf2-sha256$1000$" + salt + "$" + hash + "$x"), Catch::Contains("more than 4"));
    CHECK_THAT(why("pbkdf2-sha256$10$" + salt + "$" + hash), Catch::Contains("iterations"));
    CHECK_THAT(why("pbkdf2-sha256$99999999999$" + salt + "$" + hash), Catch::Contains("iterations"));
    CHECK_THAT(why("pbkdf2-sha256$1e3$" + salt + "$" + hash), Catch::Contains("iterations"));
    CHECK_THAT(why("pbkdf2-sha256$1000$not*base64$" + hash), Catch::Contains("salt"));
    CHECK_THAT(why("pbkdf2-sha256$1000$" + salt + "$" + salt), Catch::Contains("32 bytes"));
    CHECK_THAT(why("pbkdf2-sha256$1000$" + salt + "$" + hash.substr(0, hash.size() - 1)), Catch::Contains("32 bytes"));
}
