"""A static HTML page equivalent to a kiosk feed, for the Chromium side of
side_by_side.py: the same texts, one card per product, the event's header
in the kiosk's bar colour, and live figures a script changes every
`?every=S` seconds (the cadence the kiosk's live stats change at)."""

import html
import json

# The kiosk's top bar (kiosk/widgets/theme.h: Theme::bar): the pixel both sides are polled for.
HEADER_RGB = (168, 24, 36)

_STYLE = """
html, body { margin: 0; background: #f6f1e7; color: #2b2118; font-family: "Noto Sans CJK SC", sans-serif; }
header { height: 96px; background: rgb(%d, %d, %d); color: #fff; display: flex; align-items: center;
         padding: 0 48px; font-size: 40px; }
.figures { display: flex; gap: 24px; padding: 20px 48px; }
.figure { flex: 1; background: #fff; border-radius: 16px; padding: 16px 24px; }
.figure .label { font-size: 40px; }
.figure .number { font-size: 96px; font-variant-numeric: tabular-nums; }
.grid { display: grid; grid-template-columns: repeat(4, 1fr); gap: 24px; padding: 0 48px 48px; }
.card { background: #fff; border-radius: 16px; padding: 16px; }
.card .picture { height: 180px; background: #e8dcc6; border-radius: 12px; }
.card .name { font-size: 40px; } .card .producer, .card .description { font-size: 28px; }
.card .price { font-size: 40px; color: #a81824; }
section h2 { font-size: 40px; margin: 24px 48px 12px; }
.schedule { font-size: 28px; padding: 0 48px; }
""" % HEADER_RGB

_SCRIPT = """
const every = Number(new URLSearchParams(location.search).get("every") || "1");
const figures = [...document.querySelectorAll(".number")];
const base = figures.map(f => Number(f.dataset.value));
let tick = 0;
function show() {
  figures[0].textContent = (base[0] + 37 * tick).toLocaleString("zh-CN");
  figures[1].textContent = (base[1] + tick).toLocaleString("zh-CN");
  figures[2].textContent = "¥" + ((base[2] + 3990 * tick) / 100).toLocaleString("zh-CN", {minimumFractionDigits: 2});
}
show();
setInterval(() => { tick += every; show(); }, every * 1000);
"""


def _text(value, lang="zh"):
    return html.escape(value.get(lang, "") if isinstance(value, dict) else str(value or ""))


def live_totals(feed):
    viewers = orders = revenue = 0
    for session in feed.get("live", {}).get("sessions", []):
        for p in session.get("platforms", []):
            viewers += p.get("viewers", 0)
            orders += p.get("orders", 0)
            revenue += p.get("revenue_fen", 0)
    return viewers, orders, revenue


def feed_page(feed):
    """The page's HTML for a feed document (parsed JSON)."""
    event = feed["event"]
    viewers, orders, revenue = live_totals(feed)
    out = ['<!DOCTYPE html><html lang="zh"><head><meta charset="utf-8"><title>', _text(event["title"]),
           "</title><style>", _STYLE, "</style></head><body>",
           "<header>", _text(event["title"]), " · ", _text(event["venue"]), "</header>",
           '<div class="figures">']
    for label, value in (("观看人数", viewers), ("订单数", orders), ("销售额", revenue)):
        out.append('<div class="figure"><div class="label">%s</div><div class="number" data-value="%d">%d</div></div>'
                   % (label, value, value))
    out.append("</div><section><h2>日程 Schedule</h2><div class=\"schedule\">")
    for s in feed.get("schedule", []):
        out.append("<p>%s–%s %s · %s<br>%s</p>" % (html.escape(s["start"][5:16]), html.escape(s["end"][11:16]),
                                                 _text(s["title"]), _text(s.get("location", {})),
                                                 _text(s.get("description", {}))))
    out.append("</div></section>")
    county_names = {c["id"]: c["name"] for c in feed.get("counties", [])}
    by_county = {}
    for p in feed.get("products", []):
        by_county.setdefault(p["county"], []).append(p)
    for county_id, products in by_county.items():
        out.append("<section><h2>%s</h2><div class=\"grid\">" % _text(county_names.get(county_id, county_id)))
        for p in products:
            fen = p.get("price_fen", 0)
            out.append('<div class="card"><div class="picture"></div><div class="name">%s</div>'
                       '<div class="producer">%s</div><div class="price">¥%d.%02d / %s</div>'
                       '<div class="description">%s</div></div>'
                       % (_text(p["name"]), _text(p.get("producer", {})), fen // 100, fen % 100,
                          _text(p.get("unit", {})), _text(p.get("description", {}))))
        out.append("</div></section>")
    out.append("<script>%s</script></body></html>\n" % _SCRIPT)
    return "".join(out)


def write_feed_page(feed_path, page_path):
    with open(feed_path, encoding="utf-8") as f:
        feed = json.load(f)
    with open(page_path, "w", encoding="utf-8") as f:
        f.write(feed_page(feed))
    return len(feed.get("products", []))
