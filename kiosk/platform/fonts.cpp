#include "platform/fonts.h"

#include <fontconfig/fontconfig.h>
#include <imgui_freetype.h>

#include <cmath>
#include <fstream>
#include <memory>

namespace kiosk {

namespace {

bool read_file(const std::string& path, std::vector<char>& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    in.seekg(0, std::ios::end);
    out.resize(static_cast<std::size_t>(in.tellg()));
    in.seekg(0);
    return static_cast<bool>(in.read(out.data(), static_cast<std::streamsize>(out.size())));
}

} // namespace

std::optional<FontFile> find_cjk_font(std::string& error) {
    if (!FcInit()) {
        error = "fontconfig could not be initialised";
        return std::nullopt;
    }
    std::unique_ptr<FcPattern, decltype(&FcPatternDestroy)> pattern(
        FcNameParse(reinterpret_cast<const FcChar8*>("Noto Sans CJK SC:lang=zh-cn")), FcPatternDestroy);
    FcConfigSubstitute(nullptr, pattern.get(), FcMatchPattern);
    FcDefaultSubstitute(pattern.get());
    FcResult result = FcResultNoMatch;
    std::unique_ptr<FcPattern, decltype(&FcPatternDestroy)> match(
        FcFontMatch(nullptr, pattern.get(), &result), FcPatternDestroy);

    // fontconfig always returns its best match, even a Latin-only face: check
    // that what it found really covers Simplified Chinese.
    FcLangSet* langs = nullptr;
    FcChar8* file = nullptr;
    int index = 0;
    if (!match || FcPatternGetString(match.get(), FC_FILE, 0, &file) != FcResultMatch ||
        FcPatternGetLangSet(match.get(), FC_LANG, 0, &langs) != FcResultMatch ||
        FcLangSetHasLang(langs, reinterpret_cast<const FcChar8*>("zh-cn")) == FcLangDifferentLang) {
        error = "no font covering Chinese (zh-cn) was found: install the Debian package fonts-noto-cjk";
        return std::nullopt;
    }
    FcPatternGetInteger(match.get(), FC_INDEX, 0, &index);
    return FontFile{reinterpret_cast<const char*>(file), index};
}

GlyphSet::GlyphSet() {
    // Printable ASCII and the signs the widgets and formatters draw are always
    // there; everything else comes from the texts themselves.
    static const ImWchar kAscii[] = {0x0020, 0x007E, 0};
    builder_.AddRanges(kAscii);
    add("·…–—¥×°‹›←→↑↓✓");
}

void GlyphSet::add(std::string_view utf8_text) {
    builder_.AddText(utf8_text.data(), utf8_text.data() + utf8_text.size());
}

bool GlyphSet::contains_all_of(const GlyphSet& other) const {
    const auto& mine = builder_.UsedChars;
    const auto& theirs = other.builder_.UsedChars;
    for (int i = 0; i < theirs.Size; ++i)
        if ((theirs[i] & ~(i < mine.Size ? mine[i] : 0u)) != 0) return false;
    return true;
}

std::size_t GlyphSet::count() const {
    std::size_t n = 0;
    for (ImU32 word : builder_.UsedChars) n += static_cast<std::size_t>(__builtin_popcount(word));
    return n;
}

ImVector<ImWchar> GlyphSet::ranges() const {
    ImVector<ImWchar> out;
    ImFontGlyphRangesBuilder copy = builder_;
    copy.BuildRanges(&out);
    return out;
}

bool FontAtlas::build(const FontFile& file, const FontGlyphs& glyphs, float pixel_scale, std::string& error) {
    ImFontAtlas& atlas = *atlas_;
    atlas.Clear();
    atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    atlas.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
    atlas.TexDesiredWidth = 2048;   // fewer, wider rows pack CJK glyphs tighter
    atlas.Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;   // up to half the texture would be padding
    glyphs_ = glyphs;
    ranges_ = glyphs.all.ranges();
    display_ranges_ = glyphs.display.ranges();

    // Big numbers need only digits, separators, units and currency signs.
    GlyphSet numbers;
    numbers.add("0123456789.,:%+-¥万亿KMB");
    number_ranges_ = numbers.ranges();

    // The collection is ~20 MB: read it once for all four sizes, and free it
    // after the build so it does not stay resident all event long.
    std::vector<char> data;
    if (!read_file(file.path, data)) {
        error = "could not read the font file " + file.path;
        return false;
    }
    auto add = [&](float px, const ImVector<ImWchar>& ranges) -> ImFont* {
        ImFontConfig cfg;
        cfg.FontData = data.data();
        cfg.FontDataSize = static_cast<int>(data.size());
        cfg.FontDataOwnedByAtlas = false;
        cfg.FontNo = file.index;
        cfg.SizePixels = std::round(px * pixel_scale);
        cfg.OversampleH = cfg.OversampleV = 1;   // FreeType renders at size; oversampling only costs memory
        cfg.PixelSnapH = true;
        cfg.GlyphRanges = ranges.Data;
        return atlas.AddFont(&cfg);
    };
    roles_.body = add(28.0f, ranges_);
    roles_.heading = add(40.0f, display_ranges_);
    roles_.title = add(60.0f, display_ranges_);
    roles_.number = add(96.0f, number_ranges_);
    const bool built = atlas.Build();
    atlas.ClearInputData();   // drops the pointers into `data`
    if (!built) {
        error = "FreeType could not build the font atlas from " + file.path;
        roles_ = {};
        return false;
    }
    unsigned char* pixels = nullptr;
    atlas.GetTexDataAsAlpha8(&pixels, &tex_width_, &tex_height_);
    return true;
}

} // namespace kiosk
