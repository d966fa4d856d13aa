// Feed pictures on the UI side: uploads per frame, LRU eviction under the
// budget, failures shown as placeholders; headless with a fake uploader, and
// under Xvfb the real program showing local pictures named by a feed file.
// Index of this file:
// [SECTION] Fakes: an uploader, a picture folder, waiting
// [SECTION] Uploads, eviction, larger sizes, broken pictures
// [SECTION] The county screen's pictures: a slow server, a feed file under Xvfb
#include "widgets/image_textures.h"

#include "headless_ui.h"
#include "local_http_server.h"
#include "log_capture.h"
#include "run_kiosk.h"
#include "temp_dir.h"
#include "test_feeds.h"
#include "test_images.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <climits>
#include <map>
#include <set>

using namespace kiosk;
using namespace kiosk::test;
using namespace std::chrono_literals;

// [SECTION] Fakes: an uploader, a picture folder, waiting
namespace {

// Textures as numbers; remembers each one's size and centre colour (its red channel tells pictures apart).
struct FakeUploader final : TextureUploader {
    struct Texture {
        int width = 0, height = 0;
        int red = -1;
    };
    std::map<std::intptr_t, Texture> live;
    std::vector<int> released_reds;
    int uploads = 0;
    std::intptr_t next = 0;

    ImTextureID upload(const DecodedImage& img) override {
        ++uploads;
        const std::uint8_t* centre = &img.rgba[(static_cast<std::size_t>(img.height / 2) * img.width + img.width / 2) * 4];
        live[++next] = Texture{img.width, img.height, centre[0]};
        return reinterpret_cast<ImTextureID>(next);
    }
    void release(ImTextureID texture) override {
        const auto it = live.find(reinterpret_cast<std::intptr_t>(texture));
        REQUIRE(it != live.end());
        released_reds.push_back(it->second.red);
        live.erase(it);
    }
    std::set<int> live_reds() const {
        std::set<int> out;
        for (const auto& [id, t] : live) out.insert(t.red);
        return out;
    }
};

// Pictures p0.png … on disk, p<i> in red 10 + 20 i, 64×64 unless told.
struct PictureDir {
    TempDir dir;
    std::string make(int i, int side = 64) {
        const auto path = dir / ("p" + std::to_string(i) + ".png");
        write_file(path, png_of(side, side, {static_cast<std::uint8_t>(10 + 20 * i), 100, 100}));
        return path.string();
    }
};
int red_of(int i) { return 10 + 20 * i; }

bool wait_for_ready(ImageLoader& loader, int n) {
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (loader.stats().ready < n && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(2ms);
    return loader.stats().ready >= n;
}

// Between frames until `done`, as the runner does while pictures arrive.
template <class Done>
bool update_until(ImageTextures& images, Done done) {
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (!done() && std::chrono::steady_clock::now() < deadline) {
        images.update();
        std::this_thread::sleep_for(2ms);
    }
    return done();
}

constexpr std::size_t kPictureBytes = 64 * 64 * 4;

} // namespace

// [SECTION] Uploads, eviction, larger sizes, broken pictures
TEST_CASE("pictures drawn without a texture are asked for after the frame and uploaded at most two per frame", "[images]") {
    PictureDir pics;
    std::vector<std::string> urls;
    for (int i = 0; i < 6; ++i) urls.push_back(pics.make(i));
    ImageLoader loader({});
    FakeUploader gpu;
    ImageTextures images(loader, gpu);

    for (const auto& u : urls) images.drawn(u, 64, 64);
    CHECK(images.busy());        // asked for, not yet sent
    CHECK(loader.idle());        // nothing goes out during the frame
    images.end_frame();
    REQUIRE(wait_for_ready(loader, 6));
    CHECK(images.has_ready());
    for (int frame = 1; frame <= 3; ++frame) {
        CHECK(images.update());
        CHECK(gpu.uploads == 2 * frame);
    }
    CHECK_FALSE(images.update());
    CHECK_FALSE(images.has_ready());
    CHECK_FALSE(images.busy());
    const ImageTextureStats s = images.stats();
    CHECK(s.textures == 6);
    CHECK(s.bytes == 6 * kPictureBytes);
    CHECK(s.pending == 0);
    CHECK(s.failed == 0);

    // Drawn again with textures: nothing is asked for.
    for (const auto& u : urls) images.drawn(u, 64, 64);
    CHECK_FALSE(images.busy());
}

TEST_CASE("a new feed deletes the textures of pictures it no longer names even within the budget", "[images]") {
    PictureDir pics;
    const std::string a = pics.make(0), b = pics.make(1), c = pics.make(2);
    ImageLoader loader({});
    FakeUploader gpu;
    ImageTextures images(loader, gpu);   // a budget far above three pictures: nothing is evicted for room
    for (const auto& u : {a, b, c}) images.drawn(u, 64, 64);
    images.end_frame();
    REQUIRE(update_until(images, [&] { return images.stats().textures == 3; }));

    images.forget_all_but({b});   // the organisers replaced A's and C's pictures
    CHECK(gpu.live_reds() == std::set<int>{red_of(1)});
    CHECK(images.stats().textures == 1);
    CHECK(images.stats().bytes == kPictureBytes);
    images.drawn(b, 64, 64);
    CHECK_FALSE(images.busy());   // B's texture stayed
}

TEST_CASE("over the budget the least recently drawn texture goes but never one of the last frame", "[images]") {
    LogCapture log;
    PictureDir pics;
    const std::string a = pics.make(0), b = pics.make(1), c = pics.make(2);
    ImageLoader loader({});
    FakeUploader gpu;
    ImageTextureOptions options;
    options.budget_bytes = 2 * kPictureBytes;
    ImageTextures images(loader, gpu, options);

    images.drawn(a, 64, 64);   // frame 1: A and B
    images.drawn(b, 64, 64);
    images.end_frame();
    REQUIRE(update_until(images, [&] { return images.stats().textures == 2; }));
    images.drawn(b, 64, 64);   // frame 2: B only (A scrolled away)
    images.end_frame();
    images.drawn(c, 64, 64);   // frame 3: C, new
    images.end_frame();
    REQUIRE(update_until(images, [&] { return gpu.uploads == 3; }));
    CHECK(gpu.live_reds() == std::set<int>{red_of(1), red_of(2)});
    CHECK(gpu.released_reds == std::vector<int>{red_of(0)});
    CHECK(images.stats().bytes == 2 * kPictureBytes);

    // One frame showing all three: over budget, but nothing on screen is taken away.
    images.drawn(a, 64, 64);
    images.drawn(b, 64, 64);
    images.drawn(c, 64, 64);
    images.end_frame();
    REQUIRE(update_until(images, [&] { return images.stats().textures == 3; }));
    images.update();
    CHECK(images.stats().bytes == 3 * kPictureBytes);
    CHECK(log.count({"WARN", "over the texture budget"}) == 1);

    // Once they are no longer all on screen, the budget holds again.
    images.drawn(c, 64, 64);
    images.end_frame();
    images.update();
    CHECK(images.stats().bytes <= 2 * kPictureBytes);
    CHECK(gpu.live_reds().count(red_of(2)) == 1);
}

TEST_CASE("a picture shown larger is loaded again at the larger size and replaces the small texture", "[images]") {
    PictureDir pics;
    const std::string a = pics.make(0, 1200);
    ImageLoader loader({});
    FakeUploader gpu;
    ImageTextures images(loader, gpu);
    images.drawn(a, 40, 40);
    images.end_frame();
    REQUIRE(update_until(images, [&] { return gpu.uploads == 1; }));
    CHECK(gpu.live.begin()->second.width == 48);
    images.drawn(a, 40, 40);   // the same size: nothing new
    CHECK_FALSE(images.busy());
    images.drawn(a, 500, 300);
    images.end_frame();
    REQUIRE(update_until(images, [&] { return gpu.uploads == 2; }));
    REQUIRE(gpu.live.size() == 1);
    CHECK(gpu.live.begin()->second.width == 512);
    CHECK(gpu.released_reds.size() == 1);
    CHECK(images.stats().bytes == 512u * 512 * 4);
    images.drawn(a, 40, 40);   // back on a card: the large texture serves
    CHECK_FALSE(images.busy());
}

TEST_CASE("a broken picture stays a placeholder with one warning and is not asked for again until the feed changes", "[images]") {
    LogCapture log;
    TempDir dir;
    write_file(dir / "broken.png", truncated_png(300, 300, {1, 2, 3}));
    const std::string url = (dir / "broken.png").string();
    ImageLoader loader({});
    FakeUploader gpu;
    ImageTextures images(loader, gpu);
    images.drawn(url, 100, 100);
    images.end_frame();
    REQUIRE(update_until(images, [&] { return images.stats().failed == 1; }));
    for (int frame = 0; frame < 50; ++frame) {
        images.drawn(url, 100, 100);
        images.end_frame();
        images.update();
        CHECK_FALSE(images.busy());
    }
    CHECK(gpu.uploads == 0);
    CHECK(log.count({"WARN", "broken.png"}) == 1);

    write_file(dir / "broken.png", png_of(30, 30, {1, 2, 3}));   // fixed, and the feed republished
    images.feed_changed();
    CHECK(images.stats().failed == 0);
    images.drawn(url, 100, 100);
    images.end_frame();
    REQUIRE(update_until(images, [&] { return gpu.uploads == 1; }));
}

// [SECTION] The county screen's pictures: a slow server, a feed file under Xvfb
namespace {

// One county whose products have pictures at `images` (in order; "" for none).
std::shared_ptr<Feed> feed_with_pictures(const std::vector<std::string>& images) {
    auto feed = kiosk::test::test_event_feed();
    feed->counties.push_back({"c", {"县", "County"}, {"简介。", "Blurb."}, "", "", {}});
    for (std::size_t i = 0; i < images.size(); ++i) {
        Product p;
        p.id = "p" + std::to_string(i);
        p.county = "c";
        p.name = {"商品", "Product"};
        p.price_fen = 1000;
        p.image = images[i];
        feed->products.push_back(p);
    }
    feed->index();
    return feed;
}

AppOptions county_screen() {
    AppOptions options;
    options.start = Route{ScreenId::county, "c"};
    return options;
}

} // namespace

TEST_CASE("the county screen's pictures arrive while a slow server hangs and no frame waits for it", "[images]") {
    LocalHttpServer http;
    http.server().Get("/slow.png", [&](const httplib::Request&, httplib::Response& res) {
        http.nap(3s);
        res.set_content(png_of(10, 10, {1, 1, 1}), "image/png");
    });
    PictureDir pics;
    const std::vector<std::string> images{pics.make(0), http.url("/slow.png"), pics.make(1), pics.make(2)};
    KioskApp app(feed_with_pictures(images), county_screen());
    ImageLoaderOptions loader_options;
    loader_options.workers = 2;
    ImageLoader loader(std::move(loader_options));
    FakeUploader gpu;
    ImageTextures textures(loader, gpu);
    app.set_images(&textures);
    HeadlessUi ui(app);

    // Blocking on the server would take seconds; the bound leaves room for a busy machine.
    auto longest = std::chrono::steady_clock::duration::zero();
    const auto deadline = std::chrono::steady_clock::now() + 2s;
    while (gpu.uploads < 3 && std::chrono::steady_clock::now() < deadline) {
        const auto t0 = std::chrono::steady_clock::now();
        ui.frame(ImVec2(-FLT_MAX, -FLT_MAX), false);
        longest = std::max(longest, std::chrono::steady_clock::now() - t0);
        std::this_thread::sleep_for(5ms);
    }
    CHECK(std::chrono::duration<double, std::milli>(longest).count() < 100);
    CHECK(gpu.live_reds() == std::set<int>{red_of(0), red_of(1), red_of(2)});
    CHECK(app.busy_loading());   // the slow one
    // Cards are about 440 px wide at 1080p: the 64 px pictures come at their own size.
    for (const auto& [id, t] : gpu.live) CHECK(t.width == 64);
    CHECK(app.seconds_until_change(ui.now()) > 0);   // nothing left to upload: the loop may sleep
}

TEST_CASE("county screen with a feed file naming local pictures: the screenshot shows them", "[xvfb]") {
    const auto dir = temp_dir("images-screenshot");
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    // Colours no screen element uses, one per picture.
    const Rgb magenta{230, 0, 210}, cyan{0, 200, 230}, lime{150, 230, 0};
    write_file(dir / "pics" / "jujube.png", png_split(600, 400, magenta, lime));
    write_file(dir / "pics" / "vinegar.jpg", jpeg_of(500, 500, cyan));

    nlohmann::json feed = nlohmann::json::parse(read_text(std::filesystem::path(TEST_DATA_DIR) / "feed-small.json"));
    nlohmann::json products = nlohmann::json::array();
    for (auto p : feed["products"]) {
        if (p["county"] != "jiaocheng") {
            products.push_back(p);
            continue;
        }
        p["image"] = "pics/jujube.png";   // relative to the feed file
        p.erase("sold_out");
        products.push_back(p);
        p["id"] = "jc-vinegar";
        p["image"] = (dir / "pics" / "vinegar.jpg").string();   // absolute
        products.push_back(p);
        p["id"] = "jc-missing";
        p["image"] = "pics/missing.png";
        products.push_back(p);
    }
    feed["products"] = products;
    write_file(dir / "feed.json", feed.dump(2));

    const auto png = dir / "county.png";
    const auto log = dir / "log.txt";
    const int code = run_kiosk("--feed '" + (dir / "feed.json").string() + "' --cache-dir '" + (dir / "cache").string() +
                                   "' --screen county:jiaocheng --screenshot '" + png.string() + "'",
                               kUnderXvfb, log.string());
    const std::string said = read_text(log);
    INFO(said);
    REQUIRE(code == 0);
    Picture pic;
    REQUIRE(load_picture(png, pic));
    struct Found {
        int count = 0, top = INT_MAX, bottom = -1;
    };
    auto pixels_near = [&](Rgb c, int tolerance) {
        Found f;
        for (int y = 0; y < pic.height; ++y)
            for (int x = 0; x < pic.width; ++x) {
                const unsigned char* p = pic.at(x, y);
                if (std::abs(p[0] - c.r) > tolerance || std::abs(p[1] - c.g) > tolerance || std::abs(p[2] - c.b) > tolerance)
                    continue;
                ++f.count;
                f.top = std::min(f.top, y);
                f.bottom = std::max(f.bottom, y);
            }
        return f;
    };
    // A card's picture is about 440 × 270 px at 1080p; badges may cover a corner.
    const Found upper = pixels_near(magenta, 2), lower = pixels_near(lime, 2), jpeg = pixels_near(cyan, 8);
    CHECK(upper.count > 30000);
    CHECK(lower.count > 30000);
    CHECK(upper.bottom < lower.top);   // right way up
    CHECK(jpeg.count > 60000);
    CHECK_THAT(said, Catch::Contains("missing.png") && Catch::Contains("placeholder"));
    std::size_t warnings = 0;
    for (std::size_t at = said.find("missing.png"); at != std::string::npos; at = said.find("missing.png", at + 1)) ++warnings;
    CHECK(warnings == 1);
    CHECK_THAT(said, !Catch::Contains("still loading"));
}
