#include "commands/preview.h"

#include "app/app.h"
#include "base/atomic_file.h"
#include "commands/check_command.h"
#include "feed/validator.h"
#include "images/image_decode.h"
#include "images/image_loader.h"
#include "platform/runner.h"
#include "platform/screen_picture.h"   // downscale_picture
#include "screens/order_tabs.h"
#include "widgets/image_textures.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <malloc.h>
#include <sstream>

namespace kiosk {

namespace {

constexpr int kThumbSide = 240;          // a 1920×1080 screen becomes 240×135
constexpr int kCellWidth = kThumbSide + 24;
constexpr int kCaptionHeight = 52;
constexpr int kCellHeight = kThumbSide + kCaptionHeight + 16;
constexpr int kHeaderHeight = 110;
constexpr float kCaptionSize = 19;
// A page of the contact sheet holds at most 12 × 10 thumbnails (3168×3190 px, 40 MB of RGBA): a larger
// one costs hundreds of MB in its texture, framebuffer and read-back, and beyond 16384 px GL refuses it.
constexpr int kMaxColumns = 12;
constexpr std::size_t kPageCells = 120;

struct SheetLayout {
    int columns = 1, rows = 1, width = 0, height = 0;
    ImVec2 cell(std::size_t i) const {
        return ImVec2(float(i % columns) * kCellWidth, kHeaderHeight + float(i / columns) * kCellHeight);
    }
};

// Thumbnails a page: kPageCells, or fewer from $KIOSK_PREVIEW_PAGE_CELLS (tests see pages without hundreds of pictures).
std::size_t page_cells() {
    const char* env = std::getenv("KIOSK_PREVIEW_PAGE_CELLS");
    const long n = env ? std::strtol(env, nullptr, 10) : 0;
    return n > 0 && std::size_t(n) < kPageCells ? std::size_t(n) : kPageCells;
}

SheetLayout sheet_layout(std::size_t count) {
    SheetLayout l;
    // Roughly as wide as tall, so the sheet opens well in an image viewer.
    l.columns = std::clamp(int(std::ceil(std::sqrt(count * double(kCellHeight) / kCellWidth))), 4, kMaxColumns);
    l.rows = std::max(1, int((count + l.columns - 1) / l.columns));
    l.width = l.columns * kCellWidth;
    l.height = kHeaderHeight + l.rows * kCellHeight;
    return l;
}

// The kiosk itself for each screen, then the contact sheet in the same GL context.
class PreviewApp final : public RunnerApp {
public:
    PreviewApp(std::shared_ptr<const Feed> feed, std::vector<PreviewShot> shots, std::filesystem::path dir,
               std::int64_t now, std::string summary, ImageTextures* images)
        : feed_(std::move(feed)), shots_(std::move(shots)), dir_(std::move(dir)), now_(now),
          summary_(std::move(summary)), images_(images) {}

    // The runner's next_screenshot: the next screen, and after every page's worth of them the sheet's
    // page of their thumbnails; false when done.
    bool next(Screenshot& shot, std::string& error);
    // The runner's screenshots.taken: the screen's thumbnail for the sheet, from the pixels just read.
    void taken(const Screenshot& shot, const std::vector<std::uint8_t>& rgba);
    // The sheet's file names: contact-sheet.png alone, else contact-sheet-1.png, -2, … one a page.
    std::vector<std::string> sheet_files() const;
    std::string sheet_file(std::size_t page) const {   // from 0
        return pages() <= 1 ? std::string(kContactSheetFile) : contact_sheet_page_file(page + 1);
    }

    // The kiosk's glyphs for the feed, and the sheet's captions (safe on the font worker: copies only).
    GlyphSource glyph_source() const override {
        GlyphSource kiosk = KioskApp(feed_, AppOptions{}).glyph_source();
        std::string extra = summary_ + header_title() + "page of screens –0123456789";   // page_note()
        for (const PreviewShot& s : shots_) extra += s.caption;
        return [kiosk = std::move(kiosk), extra = std::move(extra)](FontGlyphs& glyphs) {
            kiosk(glyphs);
            glyphs.all.add(extra);
        };
    }
    void set_fonts(const FontSet& fonts, float pixel_scale) override {
        fonts_ = fonts;
        pixel_scale_ = pixel_scale;
        if (app_) app_->set_fonts(fonts, pixel_scale);
    }
    bool update(double now, bool& new_text) override { return app_ ? app_->update(now, new_text) : false; }
    void draw(double now) override {
        if (app_) app_->draw(now);
        else draw_sheet();
    }
    double seconds_until_change(double now) const override { return app_ ? app_->seconds_until_change(now) : 1e9; }
    bool busy_loading() const override { return app_ && app_->busy_loading(); }
    void release_gpu() override {
        if (app_) app_->release_gpu();
        if (sheet_texture_) uploader_->release(sheet_texture_);
        sheet_texture_ = nullptr;
    }

private:
    struct Thumb {
        int width = 0, height = 0;
        std::vector<std::uint8_t> rgba;   // top-down, opaque
    };
    std::string header_title() const { return feed_->event.title.zh + " · " + feed_->event.title.en; }
    std::size_t pages() const { return (shots_.size() + page_cells_ - 1) / page_cells_; }
    std::string page_note() const;   // "page 2 of 3 · screens 121–240", or nothing on a single page
    bool build_sheet(std::string& error);
    void draw_sheet();

    std::shared_ptr<const Feed> feed_;
    std::vector<PreviewShot> shots_;
    std::filesystem::path dir_;
    std::int64_t now_;
    std::string summary_;
    ImageTextures* images_;
    FontSet fonts_;
    float pixel_scale_ = 1;
    const std::size_t page_cells_ = page_cells();
    std::size_t next_ = 0;         // the next screen to take
    std::size_t page_start_ = 0;   // the first screen of the sheet's page being filled
    std::size_t page_ = 0;         // pages written
    std::unique_ptr<KioskApp> app_;
    std::unique_ptr<TextureUploader> uploader_ = make_gl_texture_uploader();
    ImTextureID sheet_texture_ = nullptr;
    SheetLayout layout_;
    std::vector<Thumb> thumbs_;    // of the page being filled, in order
    bool sheet_taken_ = false;     // the page's sheet is the picture being (or just) taken
};

bool PreviewApp::next(Screenshot& shot, std::string& error) {
    const bool page_full = next_ - page_start_ == page_cells_ || (next_ == shots_.size() && next_ > page_start_);
    if (page_full && !sheet_taken_) {   // the page's screens are all taken: its sheet
        if (app_) app_->release_gpu();   // the pictures' textures: the sheet needs none of them
        app_.reset();
        if (!build_sheet(error)) return false;
        shot = Screenshot{(dir_ / sheet_file(page_)).string(), layout_.width, layout_.height, 1.0f};
        sheet_taken_ = true;
        return true;
    }
    if (page_full) {   // the sheet's picture was taken: on with the next page
        sheet_taken_ = false;
        thumbs_.clear();
        if (sheet_texture_) uploader_->release(sheet_texture_);
        sheet_texture_ = nullptr;
        page_start_ = next_;
        ++page_;
    }
    if (next_ == shots_.size()) return false;
    const PreviewShot& s = shots_[next_++];
    AppOptions options;
    options.lang = s.lang;
    options.start = s.route;
    options.pinned_now = now_;
    app_ = std::make_unique<KioskApp>(feed_, options);
    app_->set_images(images_);
    if (fonts_.zh.body) app_->set_fonts(fonts_, pixel_scale_);
    shot = Screenshot{(dir_ / s.file).string(), s.width, s.height, 0};
    return true;
}

void PreviewApp::taken(const Screenshot& shot, const std::vector<std::uint8_t>& rgba) {
    if (sheet_taken_ || thumbs_.size() >= next_ - page_start_) return;   // the sheet itself
    Thumb thumb;
    thumb.rgba = downscale_picture(rgba.data(), shot.width, shot.height, kThumbSide, thumb.width, thumb.height);
    thumbs_.push_back(std::move(thumb));
}

std::vector<std::string> PreviewApp::sheet_files() const {
    std::vector<std::string> files;
    for (std::size_t p = 0; p < std::max<std::size_t>(pages(), 1); ++p) files.push_back(sheet_file(p));
    return files;
}

std::string PreviewApp::page_note() const {
    if (pages() <= 1) return {};
    return " · page " + std::to_string(page_ + 1) + " of " + std::to_string(pages()) + " · screens " +
           std::to_string(page_start_ + 1) + "–" + std::to_string(page_start_ + thumbs_.size());
}

// The page's thumbnails in one picture; the captions are drawn over it.
bool PreviewApp::build_sheet(std::string& error) {
    layout_ = sheet_layout(thumbs_.size());
    DecodedImage sheet;
    sheet.width = layout_.width;
    sheet.height = layout_.height;
    sheet.rgba.assign(std::size_t(sheet.width) * sheet.height * 4, 0);
    for (std::size_t i = 0; i < thumbs_.size(); ++i) {
        const Thumb& thumb = thumbs_[i];
        const ImVec2 cell = layout_.cell(i);
        const int x0 = int(cell.x) + (kCellWidth - thumb.width) / 2;
        const int y0 = int(cell.y) + 8 + (kThumbSide - thumb.height);   // bottoms aligned, above the caption
        for (int y = 0; y < thumb.height; ++y)
            std::copy_n(&thumb.rgba[std::size_t(y) * thumb.width * 4], std::size_t(thumb.width) * 4,
                        &sheet.rgba[(std::size_t(y0 + y) * sheet.width + x0) * 4]);
    }
    sheet_texture_ = uploader_->upload(sheet);
    if (!sheet_texture_) {
        error = "cannot make a " + std::to_string(sheet.width) + "×" + std::to_string(sheet.height) +
                " texture for the contact sheet";
        return false;
    }
    return true;
}

void PreviewApp::draw_sheet() {
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    const ImVec2 size(float(layout_.width), float(layout_.height));
    dl->AddRectFilled(ImVec2(0, 0), size, IM_COL32(236, 232, 224, 255));
    dl->AddImage(sheet_texture_, ImVec2(0, 0), size);   // thumbnails on transparent black
    ImFont* font = fonts_.zh.heading ? fonts_.zh.heading : ImGui::GetFont();   // the title: Chinese first
    ImFont* body = fonts_.en.body ? fonts_.en.body : ImGui::GetFont();          // the captions: routes, EN, sizes
    dl->AddText(font, 40, ImVec2(24, 18), IM_COL32(40, 36, 30, 255), header_title().c_str());
    dl->AddText(body, 24, ImVec2(24, 68), IM_COL32(90, 84, 74, 255), (summary_ + page_note()).c_str());
    for (std::size_t i = 0; i < thumbs_.size(); ++i) {
        const ImVec2 cell = layout_.cell(i);
        const ImVec2 thumb(float(thumbs_[i].width), float(thumbs_[i].height));
        const ImVec2 t0(cell.x + std::floor((kCellWidth - thumb.x) / 2), cell.y + 8 + (kThumbSide - thumb.y));
        dl->AddRect(ImVec2(t0.x - 1, t0.y - 1), ImVec2(t0.x + thumb.x + 1, t0.y + thumb.y + 1), IM_COL32(120, 110, 96, 255));
        // "product:jc-junzao · EN · 1080×1920" on two lines: the route, then language and size.
        const std::string& caption = shots_[page_start_ + i].caption;
        constexpr std::string_view kSeparator = " · ";
        const std::size_t split = caption.find(kSeparator);
        const ImVec4 clip(cell.x + 4, cell.y, cell.x + kCellWidth - 4, cell.y + kCellHeight);
        const float text_y = cell.y + 8 + kThumbSide + 4;
        dl->AddText(body, kCaptionSize, ImVec2(cell.x + 12, text_y), IM_COL32(30, 28, 24, 255),
                    caption.c_str(), caption.c_str() + std::min(split, caption.size()), 0, &clip);
        if (split != std::string::npos)
            dl->AddText(body, kCaptionSize, ImVec2(cell.x + 12, text_y + kCaptionSize + 3), IM_COL32(96, 88, 76, 255),
                        caption.c_str() + split + kSeparator.size(), nullptr, 0, &clip);
    }
}

std::string lower_lang(Lang lang) { return std::string(lang_code(lang)); }

// The clock a preview shows when none is given: the first session's start, else the first day at 10:00.
std::int64_t default_now(const Feed& feed) {
    if (!feed.schedule.empty()) return feed.schedule.front().start.unix_seconds + 30 * 60;
    std::string error;
    const auto day = parse_date(feed.event.first_day);
    const auto zone = TimeZone::load(feed.event.time_zone, &error);
    const std::int64_t local = (day ? *day : 0) * 86400 + 10 * 3600;
    return local - (zone ? zone->offset_seconds_at(local) : 8 * 3600);
}

} // namespace

std::string contact_sheet_page_file(std::size_t page) { return "contact-sheet-" + std::to_string(page) + ".png"; }

std::vector<PreviewShot> preview_shots(const Feed& feed, std::string_view county) {
    std::vector<PreviewShot> shots;
    const auto add = [&shots](const Route& route, Lang lang, int w, int h) {
        PreviewShot shot;
        shot.route = route;
        shot.lang = lang;
        shot.width = w;
        shot.height = h;
        const std::string size = std::to_string(w) + "x" + std::to_string(h);
        std::string name = route_name(route);
        std::replace(name.begin(), name.end(), ':', '-');
        shot.file = name + "-" + lower_lang(lang) + "-" + size + ".png";
        shot.caption = route_name(route) + " · " + (lang == Lang::zh ? "中文" : "EN") + " · " + std::to_string(w) + "×" +
                       std::to_string(h);
        shots.push_back(std::move(shot));
    };
    const auto add_all = [&add](const Route& route) {
        for (Lang lang : {Lang::zh, Lang::en})
            for (const auto& [w, h] : {std::pair{1920, 1080}, std::pair{1080, 1920}}) add(route, lang, w, h);
    };
    const auto wanted = [county](const std::string& of) { return county.empty() || of == county; };
    if (county.empty())
        for (ScreenId screen : {ScreenId::home, ScreenId::schedule, ScreenId::catalogue, ScreenId::live, ScreenId::attract})
            add_all(Route{screen});
    for (const Session& s : feed.schedule)
        if (wanted(s.county)) add_all(Route{ScreenId::session, s.id});
    for (const County& c : feed.counties)
        if (wanted(c.id)) add_all(Route{ScreenId::county, c.id});
    for (const Product& p : feed.products) {
        if (!wanted(p.county)) continue;
        add_all(Route{ScreenId::product, p.id});
        // [order links] Every other tab's code too, once in each language and orientation:
        // the code and caption change with the tab, the rest of the page does not.
        const std::vector<OrderLink> links = shown_order_links(p);
        for (std::size_t i = 1; i < links.size(); ++i) {
            const Route tab{ScreenId::product, p.id, std::string(platform_of_link(links[i].platform, links[i].url).id)};
            add(tab, Lang::zh, 1920, 1080);
            add(tab, Lang::en, 1080, 1920);
        }
    }
    return shots;
}

int run_preview(const PreviewOptions& options, std::ostream& out, std::ostream& err) {
    // Whole screens of pixels (8 MB each) come and go hundreds of times: from a fixed 1 MB up, glibc
    // maps each block and returns it when freed. Its default threshold grows to the first freed screen
    // and keeps the rest in the heap, which then held a third of the preview's peak (348 → 235 MB for
    // a county).
    mallopt(M_MMAP_THRESHOLD, 1 << 20);
    std::error_code ec;
    std::filesystem::create_directories(options.out_dir, ec);
    if (ec) {
        err << "kiosk preview: cannot create " << options.out_dir.string() << ": " << ec.message() << "\n";
        return 2;
    }
    // The report first: it is what an invalid feed gets instead of pictures.
    std::ostringstream report, unreadable;
    const int checked = check_feed_files({options.feed_path}, report, unreadable);
    std::string error;
    const auto report_path = options.out_dir / kValidationReportFile;
    if (!write_file_atomically(report_path, report.str() + unreadable.str(), error)) {
        err << "kiosk preview: " << error << "\n";
        return 2;
    }
    if (checked != 0) {
        out << report.str();
        err << unreadable.str() << "kiosk preview: the feed is not valid; nothing rendered (see "
            << report_path.string() << ")\n";
        return checked;
    }
    const auto text = read_whole_file(options.feed_path, ParseLimits{}.max_document_bytes, error);
    if (!text) {
        err << "kiosk preview: " << error << "\n";
        return 2;
    }
    const FeedParseResult parsed = parse_feed(*text);
    if (!options.county.empty() && !parsed.feed->county(options.county)) {
        std::string ids;
        for (const County& c : parsed.feed->counties) ids += (ids.empty() ? "" : ", ") + c.id;
        err << "kiosk preview: --county " << options.county << " is not a county of " << options.feed_path
            << " (its counties: " << (ids.empty() ? "none" : ids) << ")\n";
        return 2;
    }
    const std::int64_t now = options.now ? *options.now : default_now(*parsed.feed);
    const std::vector<PreviewShot> shots = preview_shots(*parsed.feed, options.county);

    std::string last_line = report.str();
    last_line.pop_back();
    last_line = last_line.substr(last_line.rfind('\n') + 1);   // "1 file: 1 valid, 0 invalid; 0 errors, 3 warnings"
    std::string zone_error;
    const auto zone = TimeZone::load(parsed.feed->event.time_zone, &zone_error);
    const Timestamp shown{now, zone ? zone->offset_seconds_at(now) / 60 : 0, true};
    const std::string summary = std::to_string(shots.size()) + " screens · kiosk check: " +
                                last_line.substr(last_line.find(';') + 2) + " · clock at " + format_iso8601(shown);

    ImageLoaderOptions image_options;
    image_options.feed_location = options.feed_path;
    image_options.on_ready = wake_ui;
    ImageLoader image_loader(std::move(image_options));
    const std::unique_ptr<TextureUploader> uploader = make_gl_texture_uploader();
    ImageTextures images(image_loader, *uploader);

    PreviewApp app(parsed.feed, shots, options.out_dir, now, summary, &images);
    std::string sheet_error;
    RunnerOptions runner;
    runner.screenshots.next = [&](Screenshot& shot) { return app.next(shot, sheet_error); };
    runner.screenshots.taken = [&](const Screenshot& shot, const std::vector<std::uint8_t>& rgba) { app.taken(shot, rgba); };
    const int code = run(app, runner);
    image_loader.stop();
    if (!sheet_error.empty()) {
        err << "kiosk preview: " << sheet_error << "\n";
        return 1;
    }
    if (code != 0) return code;
    const std::vector<std::string> sheets = app.sheet_files();
    out << "kiosk preview: " << shots.size() << " screens, " << sheets.front()
        << (sheets.size() > 1 ? " … " + sheets.back() : std::string()) << " and " << kValidationReportFile << " in "
        << options.out_dir.string() << "\n";
    return 0;
}

} // namespace kiosk
