#include "sources/document_parsers.h"

#include "feed/validator.h"

namespace kiosk {

namespace {

template <class T>
Parsed<T> to_parsed(std::shared_ptr<const T> doc, const std::vector<Problem>& problems, std::string_view origin) {
    Parsed<T> out;
    out.doc = std::move(doc);
    for (const Problem& p : problems)
        (p.severity == Severity::error ? out.errors : out.warnings).push_back(format_problem(origin, p));
    if (!out.doc && out.errors.empty())   // never reject without saying why
        out.errors.push_back(std::string(origin) + ": error: the document was not accepted");
    return out;
}

} // namespace

Parsed<Feed> parse_feed_document(std::string_view text, std::string_view origin) {
    FeedParseResult r = parse_feed(text);
    return to_parsed(std::move(r.feed), r.problems, origin);
}

Parsed<LiveStats> parse_live_document(std::string_view text, std::string_view origin) {
    LiveParseResult r = parse_live(text);
    return to_parsed(std::move(r.live), r.problems, origin);
}

Parsed<std::vector<Announcement>> parse_announcements_document(std::string_view text, std::string_view origin) {
    AnnouncementsParseResult r = parse_announcements(text);
    return to_parsed(std::move(r.announcements), r.problems, origin);
}

} // namespace kiosk
