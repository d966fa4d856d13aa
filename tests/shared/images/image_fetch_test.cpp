#include "images/image_fetch.h"

#include "local_http_server.h"
#include "log_capture.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <memory>

using namespace kiosk;

TEST_CASE("an image URL is downloaded once, then served from the cache offline", "[image_fetch]") {
    test::LogCapture log;
    test::TempDir dir;
    DocumentCache cache(dir / "cache");
    std::string error;
    REQUIRE(cache.prepare(error));
    const std::string png = std::string("\x89PNG\r\n\x1a\n", 8) + std::string(300, '\0');
    auto http = std::make_unique<test::LocalHttpServer>();
    http->server().Get("/millet.png", [&](const httplib::Request&, httplib::Response& res) { res.set_content(png, "image/png"); });
    const std::string url = http->url("/millet.png");

    ImageBytes first = fetch_image(url, &cache);
    REQUIRE(first.ok());
    CHECK(first.bytes == png);
    CHECK_FALSE(first.from_cache);
    CHECK(log.has({"INFO", "image: cached " + url + " (308 bytes)"}));

    http.reset();   // offline now
    ImageBytes second = fetch_image(url, &cache);
    REQUIRE(second.ok());
    CHECK(second.bytes == png);
    CHECK(second.from_cache);
}

TEST_CASE("image failures name the image and are left to the caller to log", "[image_fetch]") {
    test::LogCapture log;
    test::TempDir dir;
    test::LocalHttpServer http;
    ImageBytes missing = fetch_image(http.url("/gone.png"), nullptr);
    CHECK_FALSE(missing.ok());
    CHECK(missing.error == "GET " + http.url("/gone.png") + ": HTTP 404 Not Found");
    CHECK_FALSE(log.has({"WARN"}));   // the loader logs each picture once, not each attempt

    ImageBytes local_missing = fetch_image((dir / "nope.png").string(), nullptr);
    CHECK(local_missing.error.find("nope.png") != std::string::npos);
}

TEST_CASE("a local image path is read directly", "[image_fetch]") {
    test::TempDir dir;
    std::ofstream(dir / "local.png", std::ios::binary) << "PNGDATA";
    ImageBytes local = fetch_image((dir / "local.png").string(), nullptr);
    REQUIRE(local.ok());
    CHECK(local.bytes == "PNGDATA");
}
