// Every screen in both languages, landscape and portrait, renders under Xvfb
// to a picture of the requested size that is not blank.
#include "run_kiosk.h"

#include <catch2/catch.hpp>

#include <set>

using namespace kiosk::test;

TEST_CASE("every screen renders in zh and en in landscape and portrait", "[xvfb]") {
    const auto dir = temp_dir("all-screens");
    const char* screens[] = {"home", "schedule", "session:live-jiaocheng", "catalogue", "county:wenshui",
                             "product:jc-tiaoliaomian", "live", "attract"};
    const char* sizes[] = {"1920x1080", "1080x1920"};
    for (const char* screen : screens)
        for (const char* lang : {"zh", "en"})
            for (const char* size : sizes) {
                std::string name = std::string(screen) + "-" + lang + "-" + size + ".png";
                for (char& c : name)
                    if (c == ':') c = '_';
                const auto png = dir / name;
                const auto log = dir / (name + ".log");
                std::filesystem::remove(png);
                INFO(name);
                const int code = run_kiosk(std::string("--screen ") + screen + " --lang " + lang + " --size " + size +
                                               " --now 2020-05-16T20:30:00+08:00 --screenshot '" + png.string() + "'",
                                           kUnderXvfb, log.string());
                INFO(read_text(log));
                REQUIRE(code == 0);
                Picture pic;
                REQUIRE(load_picture(png, pic));
                CHECK(std::to_string(pic.width) + "x" + std::to_string(pic.height) == size);
                std::set<std::uint32_t> colours;   // a blank or single-colour picture has a handful
                for (int y = 0; y < pic.height; y += 7)
                    for (int x = 0; x < pic.width; x += 7) {
                        const unsigned char* p = pic.at(x, y);
                        colours.insert(std::uint32_t(p[0]) << 16 | p[1] << 8 | p[2]);
                    }
                CHECK(colours.size() > 30);
            }
}
