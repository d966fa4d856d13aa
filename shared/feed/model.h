// The feed model: what the organisers' JSON feed (format v1) says, as plain
// immutable data. Built by the validator (feed/validator.h) on a worker thread, then shared
// read-only with the UI as std::shared_ptr<const Feed>.
#pragma once

#include "base/timestamp.h"
#include "feed/announcements.h"
#include "feed/id_index.h"
#include "feed/localized_text.h"
#include "feed/venue.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

// The value of the "format" field this build reads and writes.
inline constexpr std::string_view kFeedFormat = "lvliang-kiosk-feed/1";

struct Event {
    LocalizedText title;
    LocalizedText venue;
    std::string first_day;   // "YYYY-MM-DD", in the event's time zone
    std::string last_day;
    std::string time_zone;   // IANA name, e.g. "Asia/Shanghai"
    LocalizedText contact;   // organiser contact, free text
};

enum class SessionKind { live_stream, ceremony, talk, market, other };

// [issue 16: schedule changes] What a changed session was first announced as.
struct PreviousPlan {
    Timestamp start;
    Timestamp end;
    LocalizedText location;
    std::string area;
};

struct Session {
    std::string id;
    LocalizedText title;
    Timestamp start;
    Timestamp end;
    LocalizedText location;
    std::string county;      // county id, empty when the session has none
    SessionKind kind = SessionKind::other;
    LocalizedText description;
    std::string watch_url;   // empty when there is no live stream link
    std::string area;        // venue area id where it takes place, empty when none
    std::vector<std::string> search_terms;   // extra words search finds it by
    // [issue 16: schedule changes] From the feed (`cancelled`, `previous_*`) and,
    // on the kiosk's worker, from what earlier feeds said (feed/schedule_changes.h).
    bool cancelled = false;
    std::optional<PreviousPlan> previous;   // set only when it differs in time or place from now
};

struct County {
    std::string id;
    LocalizedText name;
    LocalizedText blurb;
    std::string image;       // URL or local path, may be empty
    std::string booth_area;  // venue area id of its booth, empty when none
    std::vector<std::string> search_terms;   // extra words search finds it by
    double airtime_weight = 1;   // its share of the attract loop against the others' (feed airtime_weight)
};

// [order links] One order link of a product: the platform it opens in (the id
// given in the feed, else the one of its host, else "web": feed/order_platforms.h).
struct OrderLink {
    std::string platform;
    std::string url;
    friend bool operator==(const OrderLink&, const OrderLink&) = default;
};

struct Product {
    std::string id;
    std::string county;      // county id
    LocalizedText name;
    LocalizedText producer;
    std::int64_t price_fen = 0;
    LocalizedText unit;      // e.g. "500克"
    std::string image;
    std::string order_url;   // as the feed gives it; may be empty
    std::vector<LocalizedText> tags;   // e.g. "非遗"
    std::vector<std::string> search_terms;   // extra words search finds it by (aliases, polyphones)
    bool featured = false;
    bool sold_out = false;
    LocalizedText description;
    // [order links] What the QR tabs offer, in feed order: order_links, or order_url alone; empty: no QR.
    std::vector<OrderLink> order_links;
};

// [Issue 16, live figures] A held figure's reason (feed/live_guard.h).
enum class LiveHold : std::uint8_t { none, decrease, spike };

// [Issue 16, live figures] A point of a session's evening: its cumulative figures at one instant.
struct LivePoint {
    std::int64_t unix_seconds = 0;
    std::int64_t viewers = 0;
    std::int64_t orders = 0;
    std::int64_t revenue_fen = 0;
    friend bool operator==(const LivePoint&, const LivePoint&) = default;
};

struct PlatformLive {
    std::string platform;    // stable key, e.g. "douyin"
    LocalizedText name;      // shown name, e.g. 抖音
    std::int64_t viewers = 0;
    std::int64_t orders = 0;
    std::int64_t revenue_fen = 0;
    Timestamp updated_at;
    // [Issue 16, live figures]
    std::int64_t cadence_seconds = 0;   // expected time between updates; 0 = not given (the default applies)
    std::array<LiveHold, 3> holds{};    // viewers, orders, revenue: held by the live guard, never by the parser
};

struct TopProduct {
    std::string product;     // product id
    std::int64_t orders = 0;
    std::int64_t revenue_fen = 0;
};

struct SessionLive {
    std::string session;     // session id
    std::vector<PlatformLive> platforms;
    std::vector<TopProduct> top_products;
    // [Issue 16, live figures]
    std::string on_air_product;          // product id the studio presents now; "" = none
    std::vector<LivePoint> history;      // the session's evening so far, in time order (summed over platforms)
};

struct LiveStats {
    std::vector<SessionLive> sessions;
    Timestamp updated_at;    // the newest updated_at of any platform
    bool empty() const { return sessions.empty(); }
    // [Issue 16, live figures]
    bool corrected = false;          // the organisers lowered figures on purpose: taken as is
    std::vector<LivePoint> trend;    // totals over every session, in time order: histories, then what was seen
};

struct Feed {
    std::string format;
    std::string sample_note; // non-empty when the content is sample data
    Event event;
    std::vector<Session> schedule;   // sorted by start time
    std::vector<County> counties;
    std::vector<Product> products;
    LiveStats live;
    Venue venue;             // empty when the feed has no venue section
    std::vector<Announcement> announcements;   // the feed's own (feed/announcements.h); a separate document may add more

    // Lookups by id; nullptr when unknown. Indexes are built by index().
    const Session* session(std::string_view id) const;
    const County* county(std::string_view id) const;
    const Product* product(std::string_view id) const;
    std::vector<const Product*> products_of(std::string_view county_id) const;

    // Rebuilds the id indexes; call after filling the vectors.
    void index();

private:
    IdIndex session_index_;
    IdIndex county_index_;
    IdIndex product_index_;
};

} // namespace kiosk
