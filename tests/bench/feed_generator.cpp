// Index of this file:
// [SECTION] Word lists: counties, product types, descriptions, platforms, talks
// [SECTION] Random numbers and times
// [SECTION] Products, the schedule, live figures
// [SECTION] The generated feed
#include "feed_generator.h"

#include <nlohmann/json.hpp>

#include <array>
#include <cstdio>
#include <vector>

namespace kiosk::bench {

namespace {

using json = nlohmann::ordered_json;   // keys in the order a person would write them

// [SECTION] Word lists: counties, product types, descriptions, platforms, talks
struct Words {
    const char* zh;
    const char* en;
};

struct CountyWords {
    const char* id;
    const char* prefix;   // product id prefix
    Words name;
    Words short_name;     // in product and producer names
};

// Lüliang's 13 counties, districts and county-level cities.
constexpr std::array<CountyWords, 13> kCounties{{
    {"jiaocheng", "jc", {"交城县", "Jiaocheng County"}, {"交城", "Jiaocheng"}},
    {"wenshui", "ws", {"文水县", "Wenshui County"}, {"文水", "Wenshui"}},
    {"lishi", "ls", {"离石区", "Lishi District"}, {"离石", "Lishi"}},
    {"linxian", "lx", {"临县", "Lin County"}, {"临县", "Linxian"}},
    {"lanxian", "lan", {"岚县", "Lan County"}, {"岚县", "Lanxian"}},
    {"fenyang", "fy", {"汾阳市", "Fenyang City"}, {"汾阳", "Fenyang"}},
    {"xiaoyi", "xy", {"孝义市", "Xiaoyi City"}, {"孝义", "Xiaoyi"}},
    {"zhongyang", "zy", {"中阳县", "Zhongyang County"}, {"中阳", "Zhongyang"}},
    {"liulin", "ll", {"柳林县", "Liulin County"}, {"柳林", "Liulin"}},
    {"xingxian", "xx", {"兴县", "Xing County"}, {"兴县", "Xingxian"}},
    {"shilou", "sl", {"石楼县", "Shilou County"}, {"石楼", "Shilou"}},
    {"fangshan", "fs", {"方山县", "Fangshan County"}, {"方山", "Fangshan"}},
    {"jiaokou", "jk", {"交口县", "Jiaokou County"}, {"交口", "Jiaokou"}},
}};

struct ProductType {
    Words name;
    std::array<Words, 3> units;
    int min_yuan, max_yuan;
    const char* use_zh;
    const char* use_en;
};

constexpr std::array<ProductType, 20> kTypes{{
    {{"小米", "millet"}, {{{"500克", "500 g"}, {"2500克", "2.5 kg"}, {"5千克", "5 kg"}}}, 15, 79, "适合熬粥，米油厚", "cooks into a thick, fragrant porridge"},
    {{"红枣", "red jujubes"}, {{{"500克", "500 g"}, {"1000克", "1 kg"}, {"2000克", "2 kg"}}}, 19, 99, "可直接食用，也可煲汤", "eat them as they are or add them to soups"},
    {{"核桃", "walnuts"}, {{{"1000克", "1 kg"}, {"2000克", "2 kg"}, {"2500克", "2.5 kg"}}}, 29, 119, "壳薄易剥，果仁饱满", "thin shells that crack by hand, plump kernels"},
    {{"核桃仁", "walnut kernels"}, {{{"250克", "250 g"}, {"500克", "500 g"}, {"1000克", "1 kg"}}}, 25, 98, "开袋即食，适合做点心", "ready to eat, good in pastries"},
    {{"沙棘汁", "sea-buckthorn juice"}, {{{"300毫升×12瓶", "12 × 300 ml"}, {"245毫升×10罐", "10 × 245 ml"}, {"1升×2瓶", "2 × 1 l"}}}, 39, 129, "酸甜可口，冷藏后饮用更佳", "sweet and tart, best served chilled"},
    {{"沙棘原浆", "sea-buckthorn purée"}, {{{"250毫升×6瓶", "6 × 250 ml"}, {"500毫升×4瓶", "4 × 500 ml"}, {"1升", "1 l"}}}, 59, 189, "兑水饮用或直接饮用", "drink it neat or diluted"},
    {{"陈醋", "aged vinegar"}, {{{"500毫升", "500 ml"}, {"2.5升", "2.5 l"}, {"420毫升×6瓶", "6 × 420 ml"}}}, 12, 88, "凉拌、蘸饺子皆宜", "for cold dishes and dumplings"},
    {{"蜂蜜", "honey"}, {{{"500克", "500 g"}, {"1000克", "1 kg"}, {"250克×2瓶", "2 × 250 g"}}}, 38, 158, "温水冲饮，不宜沸水", "stir into warm, not boiling, water"},
    {{"黄芥子油", "mustard-seed oil"}, {{{"2.5升", "2.5 l"}, {"5升", "5 l"}, {"1升", "1 l"}}}, 29, 118, "传统压榨，炒菜香浓", "traditionally pressed, rich for stir-frying"},
    {{"杂粮挂面", "mixed-grain noodles"}, {{{"1000克", "1 kg"}, {"1500克", "1.5 kg"}, {"500克×4袋", "4 × 500 g"}}}, 15, 59, "久煮不烂，口感筋道", "stay firm and chewy however long they cook"},
    {{"莜面", "naked-oat flour"}, {{{"1000克", "1 kg"}, {"2000克", "2 kg"}, {"5千克", "5 kg"}}}, 18, 78, "可做莜面栲栳栳", "for rolled oat-noodle rolls"},
    {{"土豆粉条", "potato vermicelli"}, {{{"500克", "500 g"}, {"1000克", "1 kg"}, {"2500克", "2.5 kg"}}}, 16, 68, "炖菜、凉拌皆可", "for stews and cold dishes"},
    {{"黑木耳", "black fungus"}, {{{"250克", "250 g"}, {"500克", "500 g"}, {"100克×3袋", "3 × 100 g"}}}, 32, 118, "泡发率高，肉厚爽脆", "swells well, thick and crisp"},
    {{"连翘茶", "forsythia-leaf tea"}, {{{"100克", "100 g"}, {"250克", "250 g"}, {"50克×4罐", "4 × 50 g"}}}, 39, 168, "清香回甘", "light, with a sweet aftertaste"},
    {{"黑豆", "black soybeans"}, {{{"1000克", "1 kg"}, {"2500克", "2.5 kg"}, {"5千克", "5 kg"}}}, 18, 69, "可打豆浆、做豆豉", "for soy milk and fermented beans"},
    {{"红芸豆", "red kidney beans"}, {{{"1000克", "1 kg"}, {"2500克", "2.5 kg"}, {"5千克", "5 kg"}}}, 18, 72, "煮粥、做豆沙", "for porridge and bean paste"},
    {{"土鸡蛋", "free-range eggs"}, {{{"30枚", "30 eggs"}, {"60枚", "60 eggs"}, {"20枚", "20 eggs"}}}, 29, 99, "林下散养，蛋黄金黄", "hens roam the woods; deep-yellow yolks"},
    {{"羊肚菌", "morels"}, {{{"干品 50克", "dried, 50 g"}, {"干品 100克", "dried, 100 g"}, {"干品 250克", "dried, 250 g"}}}, 88, 398, "炖汤鲜美", "make a rich broth"},
    {{"调料面", "spice powder"}, {{{"200克×2袋", "2 × 200 g"}, {"500克", "500 g"}, {"100克×5袋", "5 × 100 g"}}}, 15, 59, "炖肉、包饺子用", "for braised meat and dumpling fillings"},
    {{"荞麦", "buckwheat"}, {{{"1000克", "1 kg"}, {"2500克", "2.5 kg"}, {"5千克", "5 kg"}}}, 16, 66, "可做荞面饸饹", "for pressed buckwheat noodles"},
}};

constexpr std::array<Words, 10> kQualifiers{{
    {"", ""}, {"精选", "selected"}, {"农家", "farmhouse"}, {"高山", "highland"}, {"有机", "organic"},
    {"特级", "premium"}, {"黄河滩", "Yellow River"}, {"山谷", "valley"}, {"古法", "traditional"}, {"头茬", "first-harvest"},
}};

constexpr std::array<Words, 5> kPacks{{
    {"", ""}, {" 礼盒装", ", gift box"}, {" 家庭装", ", family pack"}, {" 量贩装", ", bulk pack"}, {" 尝鲜装", ", trial pack"},
}};

constexpr std::array<Words, 10> kBrands{{
    {"黄河", "Huanghe"}, {"吕梁山", "Lüliangshan"}, {"晋西", "Jinxi"}, {"山谷", "Shangu"}, {"金谷", "Jingu"},
    {"绿源", "Lüyuan"}, {"丰源", "Fengyuan"}, {"沁园", "Qinyuan"}, {"枣乡", "Zaoxiang"}, {"源生", "Yuansheng"},
}};

constexpr std::array<Words, 5> kProducerKinds{{
    {"农业专业合作社", "Farmers' Cooperative"}, {"农产品有限公司", "Agricultural Products Co., Ltd."},
    {"食品有限责任公司", "Food Co., Ltd."}, {"扶贫车间", "Poverty-Alleviation Workshop"}, {"家庭农场", "Family Farm"},
}};

constexpr std::array<Words, 6> kPlaces{{
    {"黄河沿岸", "the banks of the Yellow River"}, {"吕梁山区", "the Lüliang Mountains"}, {"向阳坡地", "sunny slopes"},
    {"晋西黄土高原", "the loess plateau of western Shanxi"}, {"汾河谷地", "the Fen River valley"},
    {"海拔一千二百米的山村", "villages 1,200 metres up"},
}};

constexpr std::array<Words, 5> kClimates{{
    {"日照充足，昼夜温差大", "Long sunny days and cool nights"}, {"土层深厚，不施化肥", "Deep soil and no chemical fertiliser"},
    {"雨热同季，生长期长", "Rain in the warm season and a long growing season"},
    {"远离工业区，空气清新", "Clean air far from any factory"}, {"山泉灌溉，水质清冽", "Watered from clear mountain springs"},
}};

constexpr std::array<Words, 5> kQualities{{
    {"颗粒饱满，色泽自然", "Full-bodied, with a natural colour"}, {"口感香甜，回味悠长", "Sweet, with a long finish"},
    {"当年新货，现发现售", "This year's harvest, shipped as ordered"}, {"人工挑选，品质均一", "Hand-sorted for an even quality"},
    {"按传统工艺加工", "Made the traditional way"},
}};

constexpr std::array<Words, 3> kAid{{
    {"每售出一件，带动贫困户增收。", "Every sale adds to the income of a registered poor household."},
    {"由乡村扶贫车间加工包装。", "Processed and packed in a village poverty-alleviation workshop."},
    {"", ""},
}};

constexpr std::array<Words, 6> kTags{{
    {"非遗", "intangible heritage"}, {"有机", "organic"}, {"地理标志", "geographical indication"},
    {"扶贫产品", "poverty-alleviation product"}, {"新品", "new"}, {"限时特价", "limited-time offer"},
}};

struct Platform {
    const char* id;
    Words name;
    int weight;   // share of the audience, relative
};

constexpr std::array<Platform, 5> kPlatforms{{
    {"douyin", {"抖音", "Douyin"}, 40}, {"kuaishou", {"快手", "Kuaishou"}, 27}, {"taobao", {"淘宝直播", "Taobao Live"}, 18},
    {"pinduoduo", {"拼多多", "Pinduoduo"}, 10}, {"jd", {"京东", "JD"}, 5},
}};

constexpr std::array<Words, 5> kTalks{{
    {"直播带货助力脱贫攻坚经验分享", "Live-stream selling against poverty: experiences"},
    {"农产品短视频拍摄入门", "Short videos of farm produce: a beginner's course"},
    {"区域公共品牌建设：以“交城山”为例", "Building a regional brand: the case of “Jiaocheng Mountain”"},
    {"网红主播带货培训", "Training for live-stream hosts"},
    {"农产品电商物流与售后", "Shipping and after-sales for farm e-commerce"},
}};

constexpr std::array<const char*, 5> kDayZh{"一", "二", "三", "四", "五"};

// [SECTION] Random numbers and times
// splitmix32-style: small, and the same sequence on every platform (std:: distributions are not).
class Random {
public:
    explicit Random(std::uint32_t seed) : state_(seed) {}
    std::uint32_t next() {
        std::uint32_t z = (state_ += 0x9E3779B9u);
        z = (z ^ (z >> 16)) * 0x85EBCA6Bu;
        z = (z ^ (z >> 13)) * 0xC2B2AE35u;
        return z ^ (z >> 16);
    }
    int below(int n) { return static_cast<int>(next() % static_cast<std::uint32_t>(n)); }
    int between(int lo, int hi) { return lo + below(hi - lo + 1); }
    template <class T, std::size_t N> const T& pick(const std::array<T, N>& items) { return items[static_cast<std::size_t>(below(static_cast<int>(N)))]; }

private:
    std::uint32_t state_;
};

json text(const std::string& zh, const std::string& en) { return json{{"zh", zh}, {"en", en}}; }

std::string two_digits(int n) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d", n);
    return buf;
}

// The event's day `day` (0 = 15 May) at `minute` past midnight, Beijing time.
std::string at(int day, int minute) {
    return "2020-05-" + two_digits(15 + day) + "T" + two_digits(minute / 60) + ":" + two_digits(minute % 60) + ":00+08:00";
}

// [SECTION] Products, the schedule, live figures
json make_product(Random& random, const CountyWords& county, int serial) {
    const ProductType& type = random.pick(kTypes);
    const Words& qualifier = random.pick(kQualifiers);
    const Words& pack = random.below(4) == 0 ? random.pick(kPacks) : kPacks[0];
    const Words& unit = random.pick(type.units);
    const Words& brand = random.pick(kBrands);
    const Words& producer_kind = random.pick(kProducerKinds);

    json p;
    char id[64];
    std::snprintf(id, sizeof id, "%s-%05d", county.prefix, serial);
    p["id"] = id;
    p["county"] = county.id;
    const std::string en_name = std::string(county.short_name.en) + " " +
                                (*qualifier.en ? std::string(qualifier.en) + " " : "") + type.name.en + pack.en;
    p["name"] = text(std::string(county.short_name.zh) + qualifier.zh + type.name.zh + pack.zh, en_name);
    p["producer"] = text(std::string(county.short_name.zh) + brand.zh + producer_kind.zh,
                         std::string(county.short_name.en) + " " + brand.en + " " + producer_kind.en);
    const int yuan = random.between(type.min_yuan, type.max_yuan);
    p["price_fen"] = yuan * 100 + (random.below(2) ? 80 : 90);   // ¥39.80, ¥59.90…
    p["unit"] = text(unit.zh, unit.en);
    p["order_url"] = std::string("https://example.com/order/") + id;
    const int tag_count = random.below(5) == 0 ? random.between(1, 2) : 0;
    if (tag_count > 0) {
        json tags = json::array();
        const int first = random.below(static_cast<int>(kTags.size()));
        for (int i = 0; i < tag_count; ++i) {
            const Words& tag = kTags[(first + i) % kTags.size()];
            tags.push_back(text(tag.zh, tag.en));
        }
        p["tags"] = tags;
    }
    const bool featured = random.below(20) == 0;
    if (featured) p["featured"] = true;
    if (!featured && random.below(30) == 0) p["sold_out"] = true;   // featured and sold out draws a warning
    const Words& place = random.pick(kPlaces);
    const Words& climate = random.pick(kClimates);
    const Words& quality = random.pick(kQualities);
    const Words& aid = random.pick(kAid);
    std::string en = std::string("From ") + place.en + " in " + county.short_name.en + ". " + climate.en + ". " +
                     quality.en + "; " + type.use_en + ".";
    if (*aid.en) en += std::string(" ") + aid.en;
    p["description"] = text(std::string("产自") + county.short_name.zh + place.zh + "，" + climate.zh + "。" + quality.zh +
                                "，" + type.use_zh + "。" + aid.zh,
                            en);
    return p;
}

json make_schedule() {
    json schedule = json::array();
    auto add = [&](const std::string& id, json title, int day, int start, int end, Words location, const char* kind,
                   Words description, const CountyWords* county) {
        json s;
        s["id"] = id;
        s["title"] = std::move(title);
        s["start"] = at(day, start);
        s["end"] = at(day, end);
        s["location"] = text(location.zh, location.en);
        if (county) s["county"] = county->id;
        s["kind"] = kind;
        s["description"] = text(description.zh, description.en);
        if (county) s["watch_url"] = "https://example.com/live/" + id;
        schedule.push_back(std::move(s));
    };
    const Words stalls{"吕梁广场 展销区", "Lüliang Square, market stalls"};
    const Words stage{"吕梁广场 主舞台", "Lüliang Square, main stage"};
    const Words hall{"孵化园区 报告厅", "Incubator park, lecture hall"};
    const Words studio{"吕梁广场 直播间", "Lüliang Square, streaming studio"};
    // 13 live sales of 90 minutes, one per county: two on the first and last day, three on the others.
    const std::array<int, 3> live_slots{14 * 60, 16 * 60, 19 * 60 + 30};
    std::size_t next_county = 0;
    for (int day = 0; day < 5; ++day) {
        const std::string n = std::to_string(day + 1);
        add("market-0" + n,
            text(std::string("吕梁名特优功能食品展销 · 第") + kDayZh[day] + "天", "Lüliang Speciality Food Market · Day " + n),
            day, 9 * 60, 18 * 60, stalls, "market",
            {"各县区企业现场展销名特优农产品，扫码下单。", "Companies from every county sell local produce; scan a code to order."},
            nullptr);
        if (day == 0)
            add("opening", text("开幕式", "Opening ceremony"), 0, 9 * 60 + 30, 10 * 60 + 30, stage, "ceremony",
                {"“直播助农 嗨购吕梁”活动启动。", "The campaign opens."}, nullptr);
        add("talk-0" + n, text(kTalks[day].zh, kTalks[day].en), day, 10 * 60 + 45, 11 * 60 + 45, hall, "talk",
            {"面向合作社、企业和主播的讲座。", "A talk for cooperatives, companies and hosts."}, nullptr);
        for (std::size_t slot = 0; slot < live_slots.size() && next_county < kCounties.size(); ++slot) {
            if ((day == 0 && slot == 1) || (day == 4 && slot == 2)) continue;
            const CountyWords& c = kCounties[next_county++];
            add(std::string("live-") + c.id,
                text(std::string(c.short_name.zh) + "直播专场", std::string(c.name.en) + " live sale"), day,
                live_slots[slot], live_slots[slot] + 90, studio, "live_stream",
                {"县区领导和主播一起在五大平台直播带货。", "County leaders and hosts sell on five platforms at once."}, &c);
        }
        if (day == 4)
            add("closing", text("闭幕式暨成果发布", "Closing ceremony and results"), 4, 18 * 60, 19 * 60, stage,
                "ceremony", {"公布五天直播销售成果。", "The five days' sales are announced."}, nullptr);
    }
    return schedule;
}

json make_live(Random& random, const json& schedule, const std::vector<std::vector<std::string>>& products_of) {
    json sessions = json::array();
    for (const json& s : schedule) {
        if (s["kind"] != "live_stream") continue;
        std::size_t county = 0;
        while (kCounties[county].id != s["county"].get<std::string>()) ++county;
        const int audience = random.between(30, 1200) * 1000;
        json platforms = json::array();
        const int platform_count = random.between(3, 5);
        for (int i = 0; i < platform_count; ++i) {
            const Platform& pl = kPlatforms[i];
            const std::int64_t viewers = static_cast<std::int64_t>(audience) * pl.weight / 100;
            const std::int64_t orders = viewers / random.between(80, 140);
            platforms.push_back({{"platform", pl.id}, {"name", text(pl.name.zh, pl.name.en)}, {"viewers", viewers},
                                 {"orders", orders}, {"revenue_fen", orders * random.between(2500, 5000)},
                                 {"updated_at", s["end"]}});
        }
        json top = json::array();
        const auto& ids = products_of[county];
        for (std::size_t i = 0; i < ids.size() && i < 5; ++i) {
            const std::int64_t orders = random.between(100, 3000) / static_cast<int>(i + 1);
            top.push_back({{"product", ids[i]}, {"orders", orders}, {"revenue_fen", orders * random.between(2000, 9000)}});
        }
        sessions.push_back({{"session", s["id"]}, {"platforms", platforms}, {"top_products", top}});
    }
    return json{{"sessions", sessions}};
}

} // namespace

// [SECTION] The generated feed
int generated_product_count(const FeedGeneratorOptions& options) {
    return options.products + (options.one_county ? 3 * (static_cast<int>(kCounties.size()) - 1) : 0);
}

std::string generate_feed(const FeedGeneratorOptions& options) {
    Random random(options.seed);
    json feed;
    feed["$schema"] = "feed.schema.json";
    feed["format"] = "lvliang-kiosk-feed/1";
    feed["sample"] = "Generated by kiosk_bench (" + std::to_string(generated_product_count(options)) +
                     " products): every product, producer, price and figure is invented. 基准测试生成的示例数据，均为虚构。";
    feed["event"] = {
        {"title", text("直播助农 嗨购吕梁", "Live-Stream Sales for Farmers: Shop Lüliang")},
        {"venue", text("吕梁新区吕梁广场电商扶贫创业孵化园区",
                       "E-commerce Poverty-Alleviation Start-up Incubator Park, Lüliang Square, Lüliang New District")},
        {"first_day", "2020-05-15"},
        {"last_day", "2020-05-19"},
        {"time_zone", "Asia/Shanghai"},
        {"contact", text("活动组委会（示例）：0358-000 0000", "Organising committee (sample): 0358-000 0000")},
    };
    const json schedule = make_schedule();
    feed["schedule"] = schedule;
    json counties = json::array();
    for (const CountyWords& c : kCounties)
        counties.push_back({{"id", c.id}, {"name", text(c.name.zh, c.name.en)},
                            {"blurb", text(std::string(c.name.zh) + "的名特优农产品。", std::string("Speciality produce of ") +
                                                                                           c.name.en + ".")}});
    feed["counties"] = counties;

    json products = json::array();
    std::vector<std::vector<std::string>> products_of(kCounties.size());
    std::vector<int> serial(kCounties.size(), 0);
    auto add_product = [&](std::size_t county) {
        json p = make_product(random, kCounties[county], ++serial[county]);
        products_of[county].push_back(p["id"].get<std::string>());
        products.push_back(std::move(p));
    };
    for (int i = 0; i < options.products; ++i) add_product(options.one_county ? 0 : i % kCounties.size());
    if (options.one_county)
        for (std::size_t county = 1; county < kCounties.size(); ++county)
            for (int i = 0; i < 3; ++i) add_product(county);
    feed["products"] = std::move(products);
    feed["live"] = make_live(random, schedule, products_of);
    return feed.dump(2) + "\n";
}

} // namespace kiosk::bench
