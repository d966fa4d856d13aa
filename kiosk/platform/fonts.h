// Chinese-capable fonts: found through fontconfig, rasterised by FreeType with
// light hinting, holding only the glyphs the feed and the UI strings use. English
// text draws its Latin letters and Western punctuation from a Latin face (Noto
// Sans) and its Han from the CJK face; Chinese text keeps the CJK face throughout.
#pragma once

#include <imgui.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

struct FontFile {
    std::string path;
    int index = 0;   // face index inside a .ttc collection
};

// A face covering zh-cn, preferring Noto Sans CJK SC. nullopt with a message
// naming the Debian package to install when there is none.
std::optional<FontFile> find_cjk_font(std::string& error);

// Noto Sans, the Latin face drawn with Noto Sans CJK. nullopt with a message
// naming the Debian package when fontconfig has none (English then draws from the CJK face).
std::optional<FontFile> find_latin_font(std::string& error);

// The faces an atlas is built from; without `latin` English uses the CJK face as Chinese does.
struct FontFaces {
    FontFaces() = default;
    FontFaces(FontFile cjk_, std::optional<FontFile> latin_ = std::nullopt)   // NOLINT: a CJK face alone is today's set
        : cjk(std::move(cjk_)), latin(std::move(latin_)) {}
    FontFile cjk;
    std::optional<FontFile> latin;
};

// The code points English text draws from the Latin face: Latin letters, Latin-1
// signs, General Punctuation (curly quotes, dashes, the ellipsis) and currency signs.
bool is_latin_face_char(unsigned codepoint);

// The faces the screens draw with, all from the same file at different sizes.
struct FontRoles {
    ImFont* body = nullptr;      // 28 px at 1080p
    ImFont* heading = nullptr;   // 40 px: names, titles, UI words (FontGlyphs::display)
    ImFont* title = nullptr;     // 60 px: the same glyphs as heading
    ImFont* number = nullptr;    // 96 px: digits, units and signs only
};

// The roles per language: `en` is Latin-first with the CJK face's Han (the
// same glyphs in the texture as `zh`'s); both are `zh` without a Latin face.
struct FontSet {
    FontRoles zh;
    FontRoles en;
    // [Issue 19] The accessible mode's roles, every size × kLargeTextScale; the
    // same as zh / en (normal sizes) until an atlas with FontGlyphs::large arrives.
    FontRoles zh_large;
    FontRoles en_large;
    bool has_large = false;   // zh_large / en_large are the bigger sizes
};

// [Issue 19] How much bigger the accessible mode's text is.
inline constexpr float kLargeTextScale = 1.5f;

// The set of code points the atlas must hold.
class GlyphSet {
public:
    GlyphSet();
    void add(std::string_view utf8_text);
    bool contains_all_of(const GlyphSet& other) const;
    std::size_t count() const;
    ImVector<ImWchar> ranges() const;
    GlyphSet latin_part() const;   // only the code points is_latin_face_char takes

private:
    ImFontGlyphRangesBuilder builder_;
};

// What the atlas must hold: every text at body size; names, titles and UI
// words also at the heading and title sizes (long descriptions never are, and
// they bring most of the distinct Chinese characters).
struct FontGlyphs {
    GlyphSet all;
    GlyphSet display;
    bool large = false;   // [Issue 19] also every size × kLargeTextScale (the accessible mode's)
    bool contains_all_of(const FontGlyphs& other) const {
        return all.contains_all_of(other.all) && display.contains_all_of(other.display) && (large || !other.large);
    }
};

// Fills a glyph set with every text the screens may draw. May run on any
// thread: it reads only immutable snapshots it holds.
using GlyphSource = std::function<void(FontGlyphs&)>;

// An ImGui font atlas of our own. Building is CPU only and touches no ImGui
// context, so it may run on a worker; install() makes it the current
// context's fonts (UI thread), and the runner uploads the texture. Contexts
// using it must not own their atlas: create them with ImGui::CreateContext(&an_atlas).
class FontAtlas {
public:
    // `pixel_scale` is screen height / 1080 (or width for portrait).
    bool build(const FontFaces& faces, const FontGlyphs& glyphs, float pixel_scale, std::string& error);
    void install() const { ImGui::GetIO().Fonts = atlas_.get(); }

    const FontSet& fonts() const { return fonts_; }
    const FontGlyphs& glyphs() const { return glyphs_; }
    int texture_width() const { return tex_width_; }
    int texture_height() const { return tex_height_; }

private:
    std::unique_ptr<ImFontAtlas> atlas_ = std::make_unique<ImFontAtlas>();
    FontSet fonts_;
    FontGlyphs glyphs_;
    ImVector<ImWchar> ranges_[3];          // body, display, number: must outlive the atlas build
    ImVector<ImWchar> latin_ranges_[3];    // the same, Latin face only
    int tex_width_ = 0;
    int tex_height_ = 0;
};

} // namespace kiosk
