// `kiosk preview FEED -o DIR`: every screen in both languages, landscape and
// portrait, and every county, session and product page, rendered to PNGs in
// one window and GL context; a contact sheet of captioned thumbnails; and the
// `kiosk check` report beside them. What an organiser sends round before the event.
#pragma once

#include "screens/screen.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

struct PreviewShot {
    Route route;
    Lang lang = Lang::zh;
    int width = 1920, height = 1080;
    std::string file;      // "product-jc-junzao-en-1080x1920.png"
    std::string caption;   // "product:jc-junzao · EN · 1080×1920"
};

// The pictures a preview of `feed` makes, in contact-sheet order; with `county` (an id) only that
// county's page, its sessions and its products.
std::vector<PreviewShot> preview_shots(const Feed& feed, std::string_view county = {});

// The contact sheet: one file when its thumbnails fit a page (120), else one file a page.
inline constexpr const char* kContactSheetFile = "contact-sheet.png";
std::string contact_sheet_page_file(std::size_t page);   // "contact-sheet-2.png", from 1
inline constexpr const char* kValidationReportFile = "validation.txt";

struct PreviewOptions {
    std::string feed_path;
    std::filesystem::path out_dir;
    std::optional<std::int64_t> now;   // the clock the screens show; default: the first session's start
    std::string county;                // a county id: only its pages (default: everything)
};

// Returns 0 when every picture was written, 1 when the feed is invalid (only
// the report is written) or rendering failed, 2 when a file cannot be read or
// written. Needs an X display (xvfb-run -a works).
int run_preview(const PreviewOptions& options, std::ostream& out, std::ostream& err);

} // namespace kiosk
