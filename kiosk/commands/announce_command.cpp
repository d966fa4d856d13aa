#include "commands/announce_command.h"

#include "base/atomic_file.h"
#include "base/timestamp.h"
#include "feed/validator.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <ctime>
#include <filesystem>

namespace kiosk {

namespace {

using Json = nlohmann::ordered_json;

constexpr std::size_t kMaxDocumentBytes = 1024 * 1024;
constexpr const char* kFormat = "lvliang-kiosk-announcements/1";

// The instant in this machine's offset (the venue's clock), as staff read it.
std::string local_iso(std::int64_t unix_seconds) {
    const std::time_t t = static_cast<std::time_t>(unix_seconds);
    std::tm local{};
    localtime_r(&t, &local);
    return format_iso8601(Timestamp{unix_seconds, static_cast<int>(local.tm_gmtoff / 60), true});
}

// The document in `path`, or a new empty one when there is no file; nullopt after saying why not.
std::optional<Json> load(const std::string& path, std::ostream& out, std::ostream& err) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return Json{{"format", kFormat}, {"announcements", Json::array()}};
    std::string error;
    const auto text = read_whole_file(path, kMaxDocumentBytes, error);
    if (!text) {
        err << "kiosk announce: " << error << " | 无法读取文件\n";
        return std::nullopt;
    }
    const AnnouncementsParseResult parsed = parse_announcements(*text);
    if (!parsed.ok()) {
        for (const Problem& p : parsed.problems) out << format_problem(path, p) << "\n";
        out << path << " is not a valid announcements document: fix it or move it away; nothing written | "
            << "公告文件有错误，请先修正或移走；未写入\n";
        return std::nullopt;
    }
    return Json::parse(*text);
}

// A new id: the severity and the minute it starts, with a number when taken.
std::string fresh_id(const Json& list, const std::string& severity, std::int64_t now_unix) {
    const std::string base = severity + "-" + std::to_string(now_unix);
    const auto taken = [&list](const std::string& id) {
        for (const Json& a : list)
            if (a.is_object() && a.value("id", "") == id) return true;
        return false;
    };
    std::string id = base;
    for (int n = 2; taken(id); ++n) id = base + "-" + std::to_string(n);
    return id;
}

Json new_announcement(const AnnounceOptions& o, const std::string& id, std::int64_t now_unix) {
    Json text = o.en.empty() ? Json{{"zh", o.zh}} : Json{{"zh", o.zh}, {"en", o.en}};
    Json a = {{"id", id}, {"severity", o.severity}, {"text", std::move(text)}, {"starts_at", local_iso(now_unix)},
              {"ends_at", local_iso(now_unix + static_cast<std::int64_t>(o.minutes) * 60)}};
    if (!o.targets.empty()) a["targets"] = o.targets;
    return a;
}

} // namespace

void add_announce_command(CLI::App& cli, AnnounceCommand& command) {
    AnnounceOptions& o = command.options;
    CLI::App* c = cli.add_subcommand("announce", "Add an announcement to an announcements file (config announcements), "
                                                 "or withdraw one; validated, written atomically");
    c->add_option("--into", o.into, "The announcements file (created when missing)")->required();
    CLI::Option* severity = c->add_option("--severity", o.severity, "info, notice (banners) or emergency (full screen)")
                                ->check(CLI::IsMember({"info", "notice", "emergency"}));
    CLI::Option* zh = c->add_option("--zh", o.zh, "The Chinese text (required)");
    c->add_option("--en", o.en, "The English text");
    c->add_option("--minutes", o.minutes, "Shown from now for this many minutes (default 60)")->check(CLI::Range(1, 7 * 24 * 60));
    c->add_option("--targets", o.targets, "Kiosk ids or tags it is for (default: every kiosk)");
    c->add_option("--id", o.id, "Its id (default: SEVERITY-UNIXTIME)");
    CLI::Option* withdraw = c->add_option("--withdraw", o.withdraw, "Take out the announcement with this id");
    withdraw->excludes(severity)->excludes(zh);
    command.command = c;
}

int run_announce(const AnnounceOptions& o, std::int64_t now_unix, std::ostream& out, std::ostream& err) {
    if (o.withdraw.empty() && (o.severity.empty() || o.zh.empty())) {
        err << "kiosk announce: give --severity and --zh to add one, or --withdraw ID | 请给出 --severity 和 --zh，或 --withdraw\n";
        return 2;
    }
    std::optional<Json> doc = load(o.into, out, err);
    if (!doc) return std::filesystem::exists(o.into) ? 1 : 2;
    Json& list = (*doc)["announcements"];
    // Ended ones never show again (feed/announcements.h): the file keeps only what may still show.
    Json current = Json::array();
    for (Json& a : list)
        if (const auto ends = parse_iso8601(a.value("ends_at", "")); !ends || ends->unix_seconds > now_unix)
            current.push_back(std::move(a));
    const std::size_t dropped = list.size() - current.size();
    list = std::move(current);
    std::string done;
    if (!o.withdraw.empty()) {
        const auto before = list.size();
        Json kept = Json::array();
        for (Json& a : list)
            if (!(a.is_object() && a.value("id", "") == o.withdraw)) kept.push_back(std::move(a));
        if (kept.size() == before) {
            out << o.into << ": no announcement " << o.withdraw << "; nothing written | 没有此公告，未写入\n";
            return 1;
        }
        list = std::move(kept);
        done = "withdrew " + o.withdraw + " | 已撤回";
    } else {
        const std::string id = o.id.empty() ? fresh_id(list, o.severity, now_unix) : o.id;
        list.push_back(new_announcement(o, id, now_unix));
        done = "added " + id + " (" + o.severity + ", until " + local_iso(now_unix + o.minutes * 60LL) +
               "); withdraw it with: kiosk announce --into " + o.into + " --withdraw " + id + " | 已发布";
    }
    const std::string text = doc->dump(2) + "\n";
    const AnnouncementsParseResult check = parse_announcements(text);
    for (const Problem& p : check.problems) out << format_problem(o.into, p) << "\n";
    if (!check.ok()) {
        out << o.into << " not written: the announcement is not valid | 公告无效，未写入\n";
        return 1;
    }
    std::string error;
    if (!write_file_atomically(o.into, text, error)) {
        err << "kiosk announce: " << error << "\n";
        return 2;
    }
    out << done << "\n";
    if (dropped) out << "removed " << dropped << " ended announcement" << (dropped == 1 ? "" : "s") << " | 已删除过期公告\n";
    return 0;
}

} // namespace kiosk
