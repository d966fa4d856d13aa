#include "commands/preview.h"

#include "app/app.h"
#include "base/atomic_file.h"
#include "commands/check_command.h"
#include "feed/validator.h"
#include "images/image_decode.h"
#include "images/image_loader.h"
#include "platform/runner.h"
#include "screens/order_tabs.h"
#include "widgets/image_textures.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <sstream>

namespace kiosk {

namespace {

constexpr int kThumbSide = 240;          // a 1920×1080 screen becomes 240×135
constexpr int kCellWidth = kThumbSide + 24;
constexpr int kCaptionHeight = 52;
constexpr int kCellHeight = kThumbSide + kCaptionHeight + 16;
constexpr int kHeaderHeight = 110;
constexpr float kCaptionSize = 19;

struct SheetLayout {
    int columns = 1, rows = 1, width = 0, height = 0;
    ImVec2 cell(std::size_t i) const {
        return ImVec2(float(i % columns) * kCellWidth, kHeaderHeight + float(i / columns) * kCellHeight);
    }
};

SheetLayout sheet_layout(std::size_t count) {
    SheetLayout l;
    // Roughly as wide as tall, so the sheet opens well in an image viewer.
    l.columns = std::clamp(int(std::ceil(std::sqrt(count * double(kCellHeight) / kCellWidth))), 4, 24);
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

    // The runner's next_screenshot: the next screen, then the sheet, then done.
    bool next(Screenshot& shot, std::string& error);

    // The kiosk's glyphs for the feed, and the sheet's captions (safe on the font worker: copies only).
    GlyphSource glyph_source() const override {
        GlyphSource kiosk = KioskApp(feed_, AppOptions{}).glyph_source();
        std::string extra = summary_ + header_title();
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
    std::string header_title() const { return feed_->event.title.zh + " · " + feed_->event.title.en; }
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
    std::size_t next_ = 0;
    std::unique_ptr<KioskApp> app_;
    std::unique_ptr<TextureUploader> uploader_ = make_gl_texture_uploader();
    ImTextureID sheet_texture_ = nullptr;
    SheetLayout layout_;
    std::vector<ImVec2> thumb_sizes_;
};

bool PreviewApp::next(Screenshot& shot, std::string& error) {
    if (next_ < shots_.size()) {
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
    if (next_ == shots_.size()) {
        ++next_;
        if (app_) app_->release_gpu();   // the pictures' textures: the sheet needs none of them
        app_.reset();
        if (!build_sheet(error)) return false;
        shot = Screenshot{(dir_ / kContactSheetFile).string(), layout_.width, layout_.height, 1.0f};
        return true;
    }
    return false;
}

// Every screenshot shrunk (decode_image's area average) into one picture; the captions are drawn over it.
bool PreviewApp::build_sheet(std::string& error) {
    layout_ = sheet_layout(shots_.size());
    DecodedImage sheet;
    sheet.width = layout_.width;
    sheet.height = layout_.height;
    sheet.rgba.assign(std::size_t(sheet.width) * sheet.height * 4, 0);
    for (std::size_t i = 0; i < shots_.size(); ++i) {
        const auto path = dir_ / shots_[i].file;
        const auto bytes = read_whole_file(path, 64u * 1024 * 1024, error);
        if (!bytes) return false;
        const auto* data = reinterpret_cast<const std::uint8_t*>(bytes->data());
        const auto thumb = decode_image({data, bytes->size()}, kThumbSide, kThumbSide, &error);
        if (!thumb) {
            error = path.string() + ": " + error;
            return false;
        }
        const ImVec2 cell = layout_.cell(i);
        const int x0 = int(cell.x) + (kCellWidth - thumb->width) / 2;
        const int y0 = int(cell.y) + 8 + (kThumbSide - thumb->height);   // bottoms aligned, above the caption
        for (int y = 0; y < thumb->height; ++y)
            std::copy_n(&thumb->rgba[std::size_t(y) * thumb->width * 4], std::size_t(thumb->width) * 4,
                        &sheet.rgba[(std::size_t(y0 + y) * sheet.width + x0) * 4]);
        thumb_sizes_.emplace_back(float(thumb->width), float(thumb->height));
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
    dl->AddText(body, 24, ImVec2(24, 68), IM_COL32(90, 84, 74, 255), summary_.c_str());
    for (std::size_t i = 0; i < shots_.size(); ++i) {
        const ImVec2 cell = layout_.cell(i);
        const ImVec2 thumb = thumb_sizes_[i];
        const ImVec2 t0(cell.x + std::floor((kCellWidth - thumb.x) / 2), cell.y + 8 + (kThumbSide - thumb.y));
        dl->AddRect(ImVec2(t0.x - 1, t0.y - 1), ImVec2(t0.x + thumb.x + 1, t0.y + thumb.y + 1), IM_COL32(120, 110, 96, 255));
        // "product:jc-junzao · EN · 1080×1920" on two lines: the route, then language and size.
        const std::string& caption = shots_[i].caption;
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

std::vector<PreviewShot> preview_shots(const Feed& feed) {
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
    for (ScreenId screen : {ScreenId::home, ScreenId::schedule, ScreenId::catalogue, ScreenId::live, ScreenId::attract})
        add_all(Route{screen});
    for (const Session& s : feed.schedule) add_all(Route{ScreenId::session, s.id});
    for (const County& c : feed.counties) add_all(Route{ScreenId::county, c.id});
    for (const Product& p : feed.products) {
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
    const std::int64_t now = options.now ? *options.now : default_now(*parsed.feed);
    const std::vector<PreviewShot> shots = preview_shots(*parsed.feed);

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
    const int code = run(app, runner);
    image_loader.stop();
    if (!sheet_error.empty()) {
        err << "kiosk preview: " << sheet_error << "\n";
        return 1;
    }
    if (code != 0) return code;
    out << "kiosk preview: " << shots.size() << " screens, " << kContactSheetFile << " and " << kValidationReportFile
        << " in " << options.out_dir.string() << "\n";
    return 0;
}

} // namespace kiosk
