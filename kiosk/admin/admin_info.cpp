#include "admin/admin_info.h"

#include "base/log.h"
#include "base/process_memory.h"
#include "widgets/ui_strings.h"

#include <cstdio>

namespace kiosk {

namespace {

using Clock = std::chrono::system_clock;

std::string hhmmss(const TimeZone& zone, Clock::time_point t) {
    const LocalTime l = zone.to_local(std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count());
    char text[16];
    std::snprintf(text, sizeof text, "%02d:%02d:%02d", l.hour, l.minute, l.second);
    return text;
}

std::string ago(Clock::time_point t, Clock::time_point now, Lang lang) {
    const auto d = now > t ? now - t : Clock::duration::zero();
    return format_duration(std::chrono::duration_cast<std::chrono::steady_clock::duration>(d)) + " " +
           ui_text("admin_ago", lang);
}

void add_source(std::vector<InfoLine>& out, const char* label_key, const std::optional<SourceStatus>& s, Lang lang,
                const TimeZone& zone, Clock::time_point now) {
    if (!s) {
        out.push_back({ui_text(label_key, lang), ui_text("admin_not_configured", lang)});
        return;
    }
    out.push_back({ui_text(label_key, lang), s->location});
    std::string fetch = ui_text("admin_last_success", lang) + " ";
    fetch += s->last_success ? hhmmss(zone, *s->last_success) + " (" + ago(*s->last_success, now, lang) + ")"
                             : ui_text("admin_never", lang);
    fetch += " · " + std::to_string(s->attempts) + " " + ui_text("admin_fetches", lang) + " · " +
             std::to_string(s->published) + " " + ui_text("admin_updates", lang);
    out.push_back({"", fetch, s->offline(now)});
    if (s->showing_cache) out.push_back({"", ui_text("admin_showing_cache", lang), true});
    if (!s->last_error.empty()) {
        std::string when = s->last_attempt ? hhmmss(zone, *s->last_attempt) + " " : "";
        out.push_back({"", ui_text("admin_last_error", lang) + " " + when + s->last_error +
                               (s->consecutive_failures > 1 ? " (×" + std::to_string(s->consecutive_failures) + ")" : ""),
                       true});
    }
    if (s->latest_rejected) out.push_back({"", ui_text("admin_rejected", lang) + ": " + s->last_problems, true});
}

} // namespace

std::string format_uptime(double seconds) {
    const long s = seconds > 0 ? static_cast<long>(seconds) : 0;
    char text[32];
    if (s >= 86400) std::snprintf(text, sizeof text, "%ld d %ld h", s / 86400, s % 86400 / 3600);
    else if (s >= 3600) std::snprintf(text, sizeof text, "%ld h %ld min", s / 3600, s % 3600 / 60);
    else if (s >= 60) std::snprintf(text, sizeof text, "%ld min %ld s", s / 60, s % 60);
    else std::snprintf(text, sizeof text, "%ld s", s);
    return text;
}

std::vector<InfoLine> admin_info_lines(const AdminInfo& info, Lang lang, const TimeZone& zone, Clock::time_point now) {
    std::vector<InfoLine> out;
    out.push_back({ui_text("admin_version", lang), info.version});
    out.push_back({ui_text("admin_uptime", lang), format_uptime(info.uptime_seconds)});
    add_source(out, "admin_feed", info.feed, lang, zone, now);
    add_source(out, "admin_live", info.live, lang, zone, now);
    out.push_back({ui_text("admin_cache_age", lang),
                   info.cache_written ? hhmmss(zone, *info.cache_written) + " (" + ago(*info.cache_written, now, lang) + ")"
                                      : ui_text("admin_no_cache", lang)});
    const RenderStats& r = info.render;
    out.push_back({ui_text("admin_glyphs", lang), std::to_string(r.glyphs) + " · " + std::to_string(r.atlas_width) +
                                                      "×" + std::to_string(r.atlas_height) + " px"});
    out.push_back({ui_text("admin_textures", lang),
                   format_bytes(r.texture_bytes) + " (" +
                       ui_text_n("admin_textures_fonts", lang, format_bytes(r.font_texture_bytes)) + ", " +
                       ui_text_n("admin_textures_pictures", lang, format_bytes(r.image_texture_bytes)) +
                       ")"});
    out.push_back({ui_text("admin_frames", lang), std::to_string(r.frames_last_minute) + " · " +
                                                      ui_text_n("admin_frames_total", lang, std::to_string(r.frames_drawn))});
    out.push_back({ui_text("admin_memory", lang), format_bytes(info.resident_bytes)});
    return out;
}

} // namespace kiosk
