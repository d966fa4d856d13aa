#include "images/qr_code.h"

#include <catch2/catch.hpp>
#include <stb_image_write.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <string>
#include <unistd.h>

using namespace kiosk;

namespace {

// Renders at 8 px per module and asks zbarimg (a separate decoder) what it reads.
std::string decode_with_zbar(const QrMatrix& m) {
    constexpr int kScale = 8;
    const int px = m.size * kScale;
    std::vector<std::uint8_t> grey(static_cast<std::size_t>(px) * px);
    for (int y = 0; y < px; ++y)
        for (int x = 0; x < px; ++x)
            grey[static_cast<std::size_t>(y) * px + x] = m.at(x / kScale, y / kScale) ? 0 : 255;
    static int counter = 0;
    const auto path = std::filesystem::temp_directory_path() /
                      ("kiosk-qr-" + std::to_string(getpid()) + "-" + std::to_string(counter++) + ".png");
    REQUIRE(stbi_write_png(path.c_str(), px, px, 1, grey.data(), px) != 0);
    const std::string command = "zbarimg --nodbus -q --raw '" + path.string() + "' 2>&1";
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe);
    std::string out;
    char buffer[4096];
    while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
    const int status = pclose(pipe);
    std::filesystem::remove(path);
    INFO("zbarimg output: " << out);
    REQUIRE(status == 0);
    if (!out.empty() && out.back() == '\n') out.pop_back();   // --raw ends the symbol with a newline
    return out;
}

} // namespace

TEST_CASE("QR codes decode back to exactly the order link", "[qr_code]") {
    std::string long_query = "https://shop.example.cn/lvliang/search?county=%E5%B2%9A%E5%8E%BF&q=";
    for (int i = 0; i < 40; ++i) long_query += "%E5%B0%8F%E7%B1%B3%E6%9D%82%E7%B2%AE";   // 小米杂粮
    long_query += "&ref=kiosk-2020-05-16";
    REQUIRE(long_query.size() > 1400);
    for (const std::string& url : {
             std::string("https://m.example.com/p/68"),
             std::string("HTTPS://SHOP.EXAMPLE.COM/P/1280"),   // alphanumeric mode
             std::string("https://item.example.cn/detail?id=6001&name=%E4%B8%B4%E5%8E%BF%E7%BA%A2%E6%9E%A3"),
             long_query}) {
        INFO(url);
        std::string error;
        const auto m = encode_qr(url, &error);
        INFO(error);
        REQUIRE(m);
        CHECK(m->size == static_cast<int>(std::sqrt(m->dark.size())));
        CHECK(decode_with_zbar(*m) == url);
    }
}

TEST_CASE("QR matrices carry a four-module light quiet zone", "[qr_code]") {
    const auto m = encode_qr("https://m.example.com/p/68");
    REQUIRE(m);
    CHECK(QrMatrix::kQuietZone == 4);
    CHECK(m->size >= 21 + 8);
    CHECK((m->size - 8 - 17) % 4 == 0);   // versions are 17 + 4v modules
    for (int i = 0; i < m->size; ++i)
        for (int d = 0; d < QrMatrix::kQuietZone; ++d) {
            CHECK_FALSE(m->at(i, d));
            CHECK_FALSE(m->at(d, i));
            CHECK_FALSE(m->at(i, m->size - 1 - d));
            CHECK_FALSE(m->at(m->size - 1 - d, i));
        }
    CHECK(m->at(4, 4));   // the finder pattern's dark corner
    CHECK_FALSE(m->at(-1, 5));
    CHECK_FALSE(m->at(5, m->size));
}

TEST_CASE("Text too long for a QR code is refused with a reason", "[qr_code]") {
    std::string error;
    CHECK_FALSE(encode_qr(std::string(3000, 'x'), &error));
    CHECK(error.find("too long") != std::string::npos);
    CHECK(error.find("3000") != std::string::npos);
    CHECK(encode_qr(std::string(2331, 'x'), &error));
    CHECK_FALSE(encode_qr(std::string(2332, 'x'), &error));
    CHECK_FALSE(encode_qr(std::string("https://a\0b", 11), &error));
    CHECK(error.find("NUL") != std::string::npos);
}

TEST_CASE("Only https order links with a host and clean characters are orderable", "[qr_code]") {
    std::string reason;
    CHECK(is_orderable_url("https://m.example.com/p/68", false, &reason));
    CHECK(is_orderable_url("HTTPS://shop.example.cn", false, &reason));
    CHECK(is_orderable_url("https://shop.example.cn:8443/a?b=%E5%B2%9A#top", false, &reason));
    CHECK_FALSE(is_orderable_url("http://m.example.com/p/68", false, &reason));
    CHECK(reason.find("https://") != std::string::npos);
    CHECK(is_orderable_url("http://m.example.com/p/68", true, &reason));
    for (const char* bad : {"", "https://", "https:///path", "https://:443/x", "ftp://m.example.com/a",
                            "javascript:alert(1)", "weixin://dl/business", "m.example.com/p/68",
                            "https://m.example.com/p 68", " https://m.example.com", "https://m.example.com/\t",
                            "https://m.example.com/\x01", "https://m.example.com/\x7f", "https://shop@evil.example/",
                            "https://m.example.com/<script>", "https://m.example.com/岚县"}) {
        INFO(bad);
        reason.clear();
        CHECK_FALSE(is_orderable_url(bad, true, &reason));
        CHECK_FALSE(reason.empty());
    }
    is_orderable_url("https://m.example.com/p 68", false, &reason);
    CHECK(reason == "order link contains whitespace at byte 24");
    is_orderable_url("https://m.example.com/岚县", false, &reason);
    CHECK(reason.find("percent-encode") != std::string::npos);
}
