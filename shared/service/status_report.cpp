#include "service/status_report.h"

#include "base/process_memory.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <ctime>

namespace kiosk {

namespace {

using Json = nlohmann::ordered_json;

std::int64_t unix_of(std::chrono::system_clock::time_point t) {
    return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

Json source_json(const std::optional<SourceStatus>& s, std::chrono::system_clock::time_point now) {
    if (!s) return nullptr;
    const auto age = s->data_age(now);
    return Json{
        {"location", s->location},
        {"age_seconds", age ? Json(age->count()) : Json(nullptr)},
        {"offline", s->offline(now)},
        {"consecutive_errors", s->consecutive_failures},
        {"last_error", s->last_error},
        {"fetches", s->attempts},
        {"updates", s->published},
        {"rejected", s->rejected},
        {"last_success", s->last_success ? Json(format_utc_iso(*s->last_success)) : Json(nullptr)},
    };
}

Json picture_json(const std::optional<ScreenPictureStatus>& p, std::chrono::system_clock::time_point now) {
    if (!p) return nullptr;
    return Json{{"file", p->file}, {"time", format_utc_iso(p->time)}, {"age_seconds", unix_of(now) - unix_of(p->time)}};
}

// Label values escape \, " and newlines (the text format's rules).
std::string label_value(const std::string& v) {
    std::string out;
    for (char c : v) {
        if (c == '\\' || c == '"') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out;
}

void metric(std::string& out, const char* name, const char* type, const char* help) {
    out += std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " " + type + "\n";
}

void sample(std::string& out, const char* name, const std::string& labels, double value) {
    char number[32];
    std::snprintf(number, sizeof number, "%.17g", value);
    out += std::string(name) + (labels.empty() ? "" : "{" + labels + "}") + " " + number + "\n";
}

} // namespace

std::string format_utc_iso(std::chrono::system_clock::time_point t) {
    const std::time_t seconds = static_cast<std::time_t>(unix_of(t));
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

std::string format_status_json(const HealthSnapshot& s) {
    Json shown = Json::array();
    for (const ShownAnnouncement& a : s.shown)
        shown.push_back(Json{{"id", a.id}, {"severity", a.severity}, {"since", format_utc_iso(a.since)}});
    const Json doc = {
        {"version", s.version},
        {"kiosk_id", s.kiosk_id},
        {"kiosk_tags", s.kiosk_tags},
        {"time", format_utc_iso(s.time)},
        {"time_unix", unix_of(s.time)},
        {"uptime_seconds", static_cast<std::int64_t>(s.uptime_seconds)},
        {"kiosk_mode", s.kiosk_mode},
        {"frames_drawn", s.frames_drawn},
        {"resident_bytes", s.resident_bytes},
        {"texture_bytes", s.texture_bytes},
        {"display_asleep", s.display_asleep},
        {"screen_picture", picture_json(s.screen_picture, s.time)},
        {"feed", source_json(s.feed, s.time)},
        {"live", source_json(s.live, s.time)},
        {"announcements", source_json(s.announcements, s.time)},
        {"announcements_shown", shown},
    };
    return doc.dump(2) + "\n";
}

std::string format_status_prometheus(const HealthSnapshot& s) {
    std::string out;
    // kiosk="…" first on every sample: the fleet's one label per kiosk.
    const std::string kiosk = s.kiosk_id.empty() ? "" : "kiosk=\"" + label_value(s.kiosk_id) + "\"";
    const auto with = [&kiosk](const std::string& more) {
        return kiosk.empty() ? more : more.empty() ? kiosk : kiosk + "," + more;
    };
    std::string tags;
    for (const std::string& tag : s.kiosk_tags) tags += (tags.empty() ? "" : ",") + tag;
    metric(out, "kiosk_info", "gauge", "Always 1; the version and the kiosk's tags as labels.");
    sample(out, "kiosk_info", with("version=\"" + label_value(s.version) + "\",tags=\"" + label_value(tags) + "\""), 1);
    metric(out, "kiosk_uptime_seconds", "gauge", "Seconds since the kiosk started.");
    sample(out, "kiosk_uptime_seconds", with(""), static_cast<double>(static_cast<std::int64_t>(s.uptime_seconds)));
    metric(out, "kiosk_start_time_seconds", "gauge", "Unix time the kiosk started; changes at every restart.");
    sample(out, "kiosk_start_time_seconds", with(""), static_cast<double>(unix_of(s.start_time)));
    metric(out, "kiosk_last_touch_time_seconds", "gauge", "Unix time of the last touch on the screen.");
    if (s.last_touch) sample(out, "kiosk_last_touch_time_seconds", with(""), static_cast<double>(unix_of(*s.last_touch)));
    metric(out, "kiosk_frames_drawn_total", "counter", "Frames drawn since start.");
    sample(out, "kiosk_frames_drawn_total", with(""), static_cast<double>(s.frames_drawn));
    metric(out, "kiosk_resident_memory_bytes", "gauge", "Resident set size.");
    sample(out, "kiosk_resident_memory_bytes", with(""), static_cast<double>(s.resident_bytes));
    metric(out, "kiosk_texture_memory_bytes", "gauge", "GPU texture memory: font atlas and screen buffer.");
    sample(out, "kiosk_texture_memory_bytes", with(""), static_cast<double>(s.texture_bytes));
    metric(out, "kiosk_announcement_active", "gauge", "Announcements shown now, by severity (emergency: the takeover).");
    for (const char* severity : {"info", "notice", "emergency"}) {
        const auto n = std::count_if(s.shown.begin(), s.shown.end(), [&](const ShownAnnouncement& a) { return a.severity == severity; });
        sample(out, "kiosk_announcement_active", with(std::string("severity=\"") + severity + "\""), static_cast<double>(n));
    }
    metric(out, "kiosk_display_asleep", "gauge", "1 outside the display hours: the panel off or black, no frames drawn.");
    sample(out, "kiosk_display_asleep", with(""), s.display_asleep ? 1 : 0);
    metric(out, "kiosk_screen_picture_age_seconds", "gauge", "Seconds since the last picture of the screen was written.");
    if (s.screen_picture)
        sample(out, "kiosk_screen_picture_age_seconds", with(""), static_cast<double>(unix_of(s.time) - unix_of(s.screen_picture->time)));

    using Time = std::chrono::system_clock::time_point;
    struct Family {
        const char* name;
        const char* type;
        const char* help;
        std::optional<double> (*value)(const SourceStatus&, Time now);   // nullopt: no sample
    };
    static const Family families[] = {
        {"kiosk_source_age_seconds", "gauge", "Age of the data shown: now minus the source's last confirmation.",
         [](const SourceStatus& st, Time now) -> std::optional<double> {
             if (const auto age = st.data_age(now)) return static_cast<double>(age->count());
             return std::nullopt;
         }},
        {"kiosk_source_offline", "gauge", "1 while the offline badge shows for this source.",
         [](const SourceStatus& st, Time now) -> std::optional<double> { return st.offline(now) ? 1 : 0; }},
        {"kiosk_source_consecutive_errors", "gauge", "Failed fetches since the last good one.",
         [](const SourceStatus& st, Time) -> std::optional<double> { return st.consecutive_failures; }},
        {"kiosk_source_fetches_total", "counter", "Fetches or reads of the source.",
         [](const SourceStatus& st, Time) -> std::optional<double> { return static_cast<double>(st.attempts); }},
        {"kiosk_source_updates_total", "counter", "New valid documents published.",
         [](const SourceStatus& st, Time) -> std::optional<double> { return static_cast<double>(st.published); }},
        {"kiosk_source_rejected_total", "counter", "Documents refused by validation.",
         [](const SourceStatus& st, Time) -> std::optional<double> { return static_cast<double>(st.rejected); }},
    };
    const std::pair<const char*, const std::optional<SourceStatus>*> sources[] = {
        {"feed", &s.feed}, {"live", &s.live}, {"announcements", &s.announcements}};
    for (const Family& f : families) {
        metric(out, f.name, f.type, f.help);
        for (const auto& [name, status] : sources)
            if (*status)
                if (const auto v = f.value(**status, s.time))
                    sample(out, f.name, with(std::string("source=\"") + name + "\""), *v);
    }
    if (s.live) {   // [Issue 16, live figures]
        metric(out, "kiosk_live_anomalies_total", "counter",
               "Live figures held: lower than shown (decrease) or a jump beyond the spike factor (spike).");
        sample(out, "kiosk_live_anomalies_total", with("kind=\"decrease\""), static_cast<double>(s.live_anomalies[0]));
        sample(out, "kiosk_live_anomalies_total", with("kind=\"spike\""), static_cast<double>(s.live_anomalies[1]));
    }
    return out;
}

std::string format_status_line(const HealthSnapshot& s) {
    std::string out;
    for (const auto& [name, status] : {std::pair{"feed", &s.feed}, std::pair{"live", &s.live}}) {
        if (!*status) continue;
        const SourceStatus& st = **status;
        const auto age = st.data_age(s.time);
        out += std::string(name) + (st.offline(s.time) ? " offline" : " ok");
        out += age ? " (" + std::to_string(age->count()) + " s old)" : std::string(" (no data)");
        if (!st.last_error.empty()) out += ", last error: " + st.last_error;
        out += " · ";
    }
    return out + format_bytes(s.resident_bytes) + " resident";
}

} // namespace kiosk
