#include "soak_world.h"

#include "base/embedded.h"
#include "base/timestamp.h"
#include "growing_live.h"
#include "test_images.h"

#include <cstdio>

namespace kiosk::soak {

namespace {

constexpr std::int64_t kFeedEvery = 30;        // s: a new feed version
constexpr std::int64_t kPicturePhase = 600;    // s: product pictures replaced
constexpr std::int64_t kPhases = 6;            // per hour: the cycle repeats hourly
constexpr std::int64_t kLiveEvery = 4;         // s: new live numbers (polled every 2 s: every other poll is a 304)
constexpr int kPictureShift = 5;               // pictures replaced per phase
constexpr int kPictureSide = 192;

// A picture that compresses like a photo, not like a flat colour: some tens of KB.
std::string picture_bytes(int n) {
    std::vector<std::uint8_t> px(static_cast<std::size_t>(kPictureSide) * kPictureSide * 3);
    std::uint32_t state = 2463534242u + static_cast<std::uint32_t>(n) * 7919u;
    for (std::size_t i = 0; i < px.size(); ++i) {
        state ^= state << 13, state ^= state >> 17, state ^= state << 5;
        px[i] = static_cast<std::uint8_t>((i * (n + 3)) / 97 + (state & 31));
    }
    std::string out;
    stbi_write_png_to_func(test::append_bytes, &out, kPictureSide, kPictureSide, 3, px.data(), kPictureSide * 3);
    return out;
}

// Answers 304 when the client already has `etag`; else sets it and returns false.
bool not_modified(const httplib::Request& req, httplib::Response& res, const std::string& etag) {
    res.set_header("ETag", etag);
    if (req.get_header_value("If-None-Match") != etag) return false;
    res.status = 304;
    return true;
}

} // namespace

Faults faults_at(std::int64_t seconds) {
    const std::int64_t in_hour = seconds % 3600;
    Faults f;
    f.feed_http_500 = in_hour >= 7 * 60 && in_hour < 8 * 60 + 30;
    f.feed_truncated = in_hour >= 17 * 60 && in_hour < 17 * 60 + kFeedEvery;
    f.feed_invalid = in_hour >= 27 * 60 && in_hour < 27 * 60 + kFeedEvery;
    f.live_http_503 = in_hour >= 37 * 60 && in_hour < 37 * 60 + 10;
    f.live_malformed = in_hour >= 47 * 60 && in_hour < 47 * 60 + 2;
    return f;
}

SoakWorld::SoakWorld() : demo_(nlohmann::json::parse(*embedded_file("config/demo-feed.json"))) {
    start_unix_ = parse_iso8601("2020-05-15T08:00:00+08:00")->unix_seconds;
    auto& server = http_.server();
    server.Get("/feed.json", [this](const httplib::Request& req, httplib::Response& res) {
        const std::int64_t seconds = now();
        const Faults f = faults_at(seconds);
        if (f.feed_http_500) {
            res.status = 500;
            return;
        }
        const std::int64_t version = seconds / kFeedEvery;
        if (not_modified(req, res, "\"f" + std::to_string(version) + (f.feed_truncated || f.feed_invalid ? "x" : "") + "\""))
            return;
        std::string body = feed_document(version);
        if (f.feed_truncated) body.resize(body.size() / 2);
        if (f.feed_invalid) body.replace(body.find("lvliang-kiosk-feed/1"), 20, "lvliang-kiosk-feed/9");
        res.set_content(body, "application/json");
    });
    server.Get("/live.json", [this](const httplib::Request& req, httplib::Response& res) {
        const std::int64_t seconds = now();
        const Faults f = faults_at(seconds);
        if (f.live_http_503) {
            res.status = 503;
            return;
        }
        const std::int64_t tick = seconds / kLiveEvery;
        if (not_modified(req, res, "\"l" + std::to_string(tick) + (f.live_malformed ? "x" : "") + "\"")) return;
        res.set_content(f.live_malformed ? std::string("{\"format\": \"lvliang-kiosk-feed/1\", \"live\": {\"sessions\": [")
                                         : live_document(tick),
                        "application/json");
    });
    server.Get(R"(/img/(\d+)\.png)", [](const httplib::Request& req, httplib::Response& res) {
        res.set_content(picture_bytes(std::stoi(req.matches[1].str())), "image/png");
    });
}

void SoakWorld::set_time(std::int64_t seconds) {
    std::lock_guard lock(mutex_);
    seconds_ = seconds;
}

std::int64_t SoakWorld::now() const {
    std::lock_guard lock(mutex_);
    return seconds_;
}

int SoakWorld::pictures_in_cycle() const {
    return static_cast<int>(demo_["products"].size()) + kPictureShift * static_cast<int>(kPhases - 1) +
           static_cast<int>(kPhases);   // and one county picture per phase
}

std::string SoakWorld::iso_at(std::int64_t seconds) const {
    const std::int64_t local = start_unix_ + seconds + 8 * 3600;
    const std::int64_t days = local / 86400, of_day = local % 86400;
    int year = 0, month = 0, day = 0;
    civil_from_days(days, year, month, day);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d+08:00", year, month, day,
                  static_cast<int>(of_day / 3600), static_cast<int>(of_day / 60 % 60), static_cast<int>(of_day % 60));
    return buf;
}

std::string SoakWorld::feed_document(std::int64_t version) const {
    nlohmann::json feed = demo_;
    const std::int64_t phase = (version * kFeedEvery / kPicturePhase) % kPhases;
    int i = 0;
    for (auto& product : feed["products"]) {
        product["image"] = i == 1 ? http_.url(kMissingPicture)
                                  : http_.url("/img/" + std::to_string(i + kPictureShift * phase) + ".png");
        ++i;
    }
    // The organisers edit a text every version; every other one names a new product line.
    auto& first = feed["products"][0];
    first["description"]["zh"] = first["description"]["zh"].get<std::string>() + " 第" + std::to_string(version) + "版";
    if (version % 2) first["name"]["zh"] = first["name"]["zh"].get<std::string>() + "（新品）";
    for (auto& county : feed["counties"]) county["image"] = http_.url("/img/" + std::to_string(100 + phase) + ".png");
    return feed.dump(2);
}

std::string SoakWorld::live_document(std::int64_t tick) const {
    return test::grown_live_document(demo_["live"], tick, iso_at(tick * kLiveEvery));
}

} // namespace kiosk::soak
