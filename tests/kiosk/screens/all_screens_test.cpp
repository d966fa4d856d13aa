// Every screen in both languages, landscape and portrait, renders under Xvfb
// to a picture of the requested size that is not blank.
#include "run_kiosk.h"

#include <catch2/catch.hpp>


using namespace kiosk::test;

TEST_CASE("every screen renders in zh and en in landscape and portrait", "[xvfb]") {
    const auto dir = temp_dir("all-screens");
    const char* screens[] = {"home", "schedule", "session:live-jiaocheng", "catalogue", "county:wenshui",
                             "product:jc-tiaoliaomian", "live", "attract", "search:jcjz"};
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
                CHECK(colours_in(pic, 0, 0, pic.width, pic.height, 7) > 30);   // blank or one colour: a handful
            }
}
