#include "platform/font_keeper.h"

#include "base/async_then.h"
#include "base/log.h"

#include <chrono>
#include <exception>

namespace kiosk {

bool FontKeeper::build_now(const GlyphSource& source, std::string& error) {
    FontGlyphs glyphs;
    source(glyphs);
    FontAtlas atlas;
    if (!atlas.build(faces_, glyphs, pixel_scale_, error)) return false;
    atlas_ = std::move(atlas);
    atlas_.install();
    return true;
}

void FontKeeper::request(GlyphSource source) {
    if (job_.valid()) next_ = std::move(source);
    else start(std::move(source));
}

void FontKeeper::start_first_build(GlyphSource source) { start(std::move(source), true); }

bool FontKeeper::finish_first_build(std::string& error) {
    if (!job_.valid()) return false;
    Result result = job_.get();
    if (!result.atlas) {
        error = result.error;
        return false;
    }
    atlas_ = std::move(*result.atlas);
    atlas_.install();
    return true;
}

void FontKeeper::start(GlyphSource source, bool always) {
    auto build = [source = std::move(source), have = atlas_.glyphs(), faces = faces_, scale = pixel_scale_, always]() {
        Result result;
        try {   // an error, never an exception, reaches the UI thread (held data then shows anyway)
            FontGlyphs glyphs;
            source(glyphs);
            if (!always && have.contains_all_of(glyphs)) return result;
            FontAtlas atlas;
            if (atlas.build(faces, glyphs, scale, result.error)) result.atlas = std::move(atlas);
        } catch (const std::exception& e) {
            result.atlas.reset();
            result.error = std::string("collecting the glyphs failed: ") + e.what();
        }
        return result;
    };
    job_ = async_then(std::move(build), on_ready_, worker_);
}

bool FontKeeper::install_ready() {
    if (!job_.valid() || job_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return false;
    Result result = job_.get();
    if (!result.error.empty()) log_error("font atlas not rebuilt: " + result.error + "; new texts show with the glyphs there are");
    if (result.atlas) {
        atlas_ = std::move(*result.atlas);   // the old atlas goes; the caller replaces the GL texture
        atlas_.install();
    }
    if (next_) {   // compared with what is installed now
        start(std::move(*next_));
        next_.reset();
    }
    return result.atlas.has_value();
}

void FontKeeper::wait() const {
    if (job_.valid()) job_.wait();
}

FontKeeper::~FontKeeper() {
    if (worker_.valid()) worker_.wait();   // on_ready too has returned
}

} // namespace kiosk
