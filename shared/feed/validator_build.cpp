#include "feed/validator_build.h"

#include "feed/live_guard.h"
#include "feed/order_platforms.h"
#include "feed/validator_announcements.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

namespace {

using nlohmann::json;

std::string string_or_empty(const json& object, const char* key) {
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

LocalizedText text_or_empty(const json& object, const char* key) {
    const auto it = object.find(key);
    return it != object.end() ? text_from_json(*it) : LocalizedText{};
}

std::int64_t integer_or_zero(const json& object, const char* key) {
    const auto it = object.find(key);
    return it != object.end() && it->is_number_integer() ? it->get<std::int64_t>() : 0;
}

bool bool_or_false(const json& object, const char* key) {
    const auto it = object.find(key);
    return it != object.end() && it->is_boolean() && it->get<bool>();
}

Timestamp time_of(const json& object, const char* key) {
    return parse_iso8601(string_or_empty(object, key)).value_or(Timestamp{});
}

const json& array_or_empty(const json& object, const char* key) {
    static const json empty = json::array();
    const auto it = object.find(key);
    return it != object.end() && it->is_array() ? *it : empty;
}

std::vector<std::string> strings_of(const json& object, const char* key) {
    std::vector<std::string> out;
    for (const json& s : array_or_empty(object, key))
        if (s.is_string()) out.push_back(s.get<std::string>());
    return out;
}

double number_or_zero(const json& object, const char* key) {
    const auto it = object.find(key);
    return it != object.end() && it->is_number() ? it->get<double>() : 0.0;
}

PlanPoint point_of(const json& pair) {
    if (!pair.is_array() || pair.size() != 2 || !pair[0].is_number() || !pair[1].is_number()) return {};
    return {pair[0].get<double>(), pair[1].get<double>()};
}

// [issue 16: schedule changes] `cancelled` and what the organisers say the session was before
// (`previous_start`, `previous_end`, `previous_location`; a missing one is as now).
void read_schedule_change(const json& s, Session& session) {
    session.cancelled = bool_or_false(s, "cancelled");
    if (!s.contains("previous_start") && !s.contains("previous_end") && !s.contains("previous_location")) return;
    PreviousPlan plan{session.start, session.end, session.location, session.area};
    if (s.contains("previous_start")) plan.start = time_of(s, "previous_start");
    if (s.contains("previous_end")) plan.end = time_of(s, "previous_end");
    if (s.contains("previous_location")) plan.location = text_or_empty(s, "previous_location");   // same area: only the text is stated
    const bool same = plan.start.unix_seconds == session.start.unix_seconds && plan.end.unix_seconds == session.end.unix_seconds &&
                      plan.location.zh == session.location.zh && plan.location.en == session.location.en &&
                      plan.area == session.area;
    if (!same) session.previous = std::move(plan);
}

SessionKind kind_of(const std::string& kind) {
    if (kind == "live_stream") return SessionKind::live_stream;
    if (kind == "ceremony") return SessionKind::ceremony;
    if (kind == "talk") return SessionKind::talk;
    if (kind == "market") return SessionKind::market;
    return SessionKind::other;
}

// [order links] order_links when given, else order_url as the one link; each with its platform.
std::vector<OrderLink> order_links_of(const json& product, const std::string& order_url) {
    std::vector<OrderLink> links;
    for (const json& link : array_or_empty(product, "order_links")) {
        std::string url = string_or_empty(link, "url");
        const std::string given = string_or_empty(link, "platform");
        if (!url.empty()) links.push_back({std::string(platform_of_link(given, url).id), std::move(url)});
    }
    if (links.empty() && !order_url.empty())
        links.push_back({std::string(platform_of_link({}, order_url).id), order_url});
    return links;
}

} // namespace

LocalizedText text_from_json(const json& value) {
    if (value.is_string()) return LocalizedText::plain(value.get<std::string>());
    if (!value.is_object()) return {};
    return {string_or_empty(value, "zh"), string_or_empty(value, "en")};
}

LiveStats build_live(const json& live) {
    LiveStats stats;
    for (const json& s : array_or_empty(live, "sessions")) {
        SessionLive session;
        session.session = string_or_empty(s, "session");
        for (const json& p : array_or_empty(s, "platforms")) {
            PlatformLive platform;
            platform.platform = string_or_empty(p, "platform");
            platform.name = text_or_empty(p, "name");
            platform.viewers = integer_or_zero(p, "viewers");
            platform.orders = integer_or_zero(p, "orders");
            platform.revenue_fen = integer_or_zero(p, "revenue_fen");
            platform.updated_at = time_of(p, "updated_at");
            platform.cadence_seconds = integer_or_zero(p, "cadence_seconds");   // [Issue 16, live figures]
            if (!stats.updated_at.valid || stats.updated_at < platform.updated_at) stats.updated_at = platform.updated_at;
            session.platforms.push_back(std::move(platform));
        }
        for (const json& t : array_or_empty(s, "top_products"))
            session.top_products.push_back(
                {string_or_empty(t, "product"), integer_or_zero(t, "orders"), integer_or_zero(t, "revenue_fen")});
        // [Issue 16, live figures] what is on air, and the evening so far
        session.on_air_product = string_or_empty(s, "on_air_product");
        for (const json& h : array_or_empty(s, "history"))
            session.history.push_back({time_of(h, "at").unix_seconds, integer_or_zero(h, "viewers"),
                                       integer_or_zero(h, "orders"), integer_or_zero(h, "revenue_fen")});
        stats.sessions.push_back(std::move(session));
    }
    stats.corrected = bool_or_false(live, "corrected");   // [Issue 16, live figures]
    stats.trend = live_document_trend(stats);
    return stats;
}

Venue build_venue(const json& venue) {
    Venue out;
    for (const json& f : array_or_empty(venue, "floors"))
        out.floors.push_back({string_or_empty(f, "id"), text_or_empty(f, "name"), number_or_zero(f, "width_m"),
                              number_or_zero(f, "height_m")});
    for (const json& a : array_or_empty(venue, "areas")) {
        Area area;
        area.id = string_or_empty(a, "id");
        area.name = text_or_empty(a, "name");
        parse_area_kind(string_or_empty(a, "kind"), area.kind);
        area.floor = string_or_empty(a, "floor");
        for (const json& p : array_or_empty(a, "polygon")) area.polygon.push_back(point_of(p));
        area.door = string_or_empty(a, "door");
        area.county = string_or_empty(a, "county");
        area.search_terms = strings_of(a, "search_terms");
        out.areas.push_back(std::move(area));
    }
    for (const json& n : array_or_empty(venue, "nodes"))
        out.nodes.push_back({string_or_empty(n, "id"), {number_or_zero(n, "x"), number_or_zero(n, "y")},
                             string_or_empty(n, "floor")});
    out.index();   // node lookups for the edge lengths below
    for (const json& e : array_or_empty(venue, "edges")) {
        WalkEdge edge;
        edge.from = string_or_empty(e, "from");
        edge.to = string_or_empty(e, "to");
        edge.step_free = !e.contains("step_free") || bool_or_false(e, "step_free");
        const WalkNode* a = out.node(edge.from);
        const WalkNode* b = out.node(edge.to);
        if (e.contains("length_m")) edge.length_m = number_or_zero(e, "length_m");
        else if (a && b && a->floor == b->floor) edge.length_m = std::hypot(a->at.x - b->at.x, a->at.y - b->at.y);
        out.edges.push_back(std::move(edge));
    }
    out.index();
    return out;
}

Feed build_feed(const json& doc) {
    Feed feed;
    feed.format = string_or_empty(doc, "format");
    feed.sample_note = string_or_empty(doc, "sample");

    const json& event = doc.at("event");
    feed.event.title = text_or_empty(event, "title");
    feed.event.venue = text_or_empty(event, "venue");
    feed.event.first_day = string_or_empty(event, "first_day");
    feed.event.last_day = string_or_empty(event, "last_day");
    feed.event.time_zone = string_or_empty(event, "time_zone");
    feed.event.contact = text_or_empty(event, "contact");

    for (const json& s : array_or_empty(doc, "schedule")) {
        Session session;
        session.id = string_or_empty(s, "id");
        session.title = text_or_empty(s, "title");
        session.start = time_of(s, "start");
        session.end = time_of(s, "end");
        session.location = text_or_empty(s, "location");
        session.county = string_or_empty(s, "county");
        session.kind = kind_of(string_or_empty(s, "kind"));
        session.description = text_or_empty(s, "description");
        session.watch_url = string_or_empty(s, "watch_url");
        session.area = string_or_empty(s, "area");
        session.search_terms = strings_of(s, "search_terms");
        read_schedule_change(s, session);
        feed.schedule.push_back(std::move(session));
    }
    std::stable_sort(feed.schedule.begin(), feed.schedule.end(),
                     [](const Session& a, const Session& b) { return a.start < b.start; });
    feed.announcements = build_announcements(doc);

    for (const json& c : array_or_empty(doc, "counties")) {
        County county;
        county.id = string_or_empty(c, "id");
        county.name = text_or_empty(c, "name");
        county.blurb = text_or_empty(c, "blurb");
        county.image = string_or_empty(c, "image");
        county.booth_area = string_or_empty(c, "booth_area");
        county.search_terms = strings_of(c, "search_terms");
        if (c.contains("airtime_weight")) county.airtime_weight = number_or_zero(c, "airtime_weight");
        feed.counties.push_back(std::move(county));
    }

    feed.products.reserve(array_or_empty(doc, "products").size());
    for (const json& p : array_or_empty(doc, "products")) {
        Product product;
        product.id = string_or_empty(p, "id");
        product.county = string_or_empty(p, "county");
        product.name = text_or_empty(p, "name");
        product.producer = text_or_empty(p, "producer");
        product.price_fen = integer_or_zero(p, "price_fen");
        product.unit = text_or_empty(p, "unit");
        product.image = string_or_empty(p, "image");
        product.order_url = string_or_empty(p, "order_url");
        for (const json& tag : array_or_empty(p, "tags")) product.tags.push_back(text_from_json(tag));
        product.featured = bool_or_false(p, "featured");
        product.sold_out = bool_or_false(p, "sold_out");
        product.description = text_or_empty(p, "description");
        product.search_terms = strings_of(p, "search_terms");
        product.order_links = order_links_of(p, product.order_url);
        feed.products.push_back(std::move(product));
    }

    if (const auto live = doc.find("live"); live != doc.end()) feed.live = build_live(*live);
    if (const auto venue = doc.find("venue"); venue != doc.end()) feed.venue = build_venue(*venue);
    feed.index();
    return feed;
}

} // namespace kiosk
