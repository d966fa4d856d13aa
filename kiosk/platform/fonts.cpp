#include "platform/fonts.h"

#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <imgui_freetype.h>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmath>
#include <memory>

namespace kiosk {

namespace {

// A font file mapped read-only: FreeType touches only the pages of the glyphs it
// renders, and no 19 MB heap block raises glibc's mmap threshold for good.
class MappedFile {
public:
    explicit MappedFile(const std::string& path) {
        const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) return;
        struct stat st {};
        if (::fstat(fd, &st) == 0 && st.st_size > 0) {
            void* p = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
            if (p != MAP_FAILED) {
                data_ = static_cast<char*>(p);
                size_ = static_cast<std::size_t>(st.st_size);
            }
        }
        ::close(fd);
    }
    ~MappedFile() {
        if (data_) ::munmap(data_, size_);
    }
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    bool ok() const { return data_ != nullptr; }
    char* data() const { return data_; }   // not const: ImFontConfig wants void*; FreeType only reads it
    std::size_t size() const { return size_; }

private:
    char* data_ = nullptr;
    std::size_t size_ = 0;
};

using PatternPtr = std::unique_ptr<FcPattern, decltype(&FcPatternDestroy)>;

// fontconfig's best match for `name` (always some face, if any is installed).
PatternPtr match_font(const char* name) {
    PatternPtr pattern(FcNameParse(reinterpret_cast<const FcChar8*>(name)), FcPatternDestroy);
    FcConfigSubstitute(nullptr, pattern.get(), FcMatchPattern);
    FcDefaultSubstitute(pattern.get());
    FcResult result = FcResultNoMatch;
    return PatternPtr(FcFontMatch(nullptr, pattern.get(), &result), FcPatternDestroy);
}

// A face's line height (ascender − descender, what ImGui's FreeType builder sizes
// by) in ems: 1.448 for Noto Sans CJK, 1.362 for Noto Sans. 0 when unreadable.
float line_height_in_ems(const MappedFile& data, int index) {
    FT_Library library = nullptr;
    if (FT_Init_FreeType(&library) != 0) return 0;
    FT_Face face = nullptr;
    float ems = 0;
    if (FT_New_Memory_Face(library, reinterpret_cast<const FT_Byte*>(data.data()), static_cast<FT_Long>(data.size()),
                           index, &face) == 0) {
        if (face->units_per_EM > 0) ems = float(face->ascender - face->descender) / float(face->units_per_EM);
        FT_Done_Face(face);
    }
    FT_Done_FreeType(library);
    return ems;
}

// Gives the Latin-first font `en` the CJK font `zh`'s baseline and line height,
// and every glyph it lacks (the Han) from `zh`: the same places in the texture, not a second copy.
void complete_from(ImFont* en, const ImFont* zh) {
    const float dy = std::round(zh->Ascent) - std::round(en->Ascent);
    for (ImFontGlyph& g : en->Glyphs) {
        g.Y0 += dy;
        g.Y1 += dy;
    }
    en->FontSize = zh->FontSize;
    en->Ascent = zh->Ascent;
    en->Descent = zh->Descent;
    for (const ImFontGlyph& g : zh->Glyphs)
        if (!en->FindGlyphNoFallback(static_cast<ImWchar>(g.Codepoint)))
            en->AddGlyph(nullptr, static_cast<ImWchar>(g.Codepoint), g.X0, g.Y0, g.X1, g.Y1, g.U0, g.V0, g.U1, g.V1,
                         g.AdvanceX);
    en->BuildLookupTable();
}

} // namespace

std::optional<FontFile> find_cjk_font(std::string& error) {
    if (!FcInit()) {
        error = "fontconfig could not be initialised";
        return std::nullopt;
    }
    const PatternPtr match = match_font("Noto Sans CJK SC:lang=zh-cn");

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

std::optional<FontFile> find_latin_font(std::string& error) {
    const char* const missing = "no Noto Sans found: install the Debian package fonts-noto-core";
    if (!FcInit()) {
        error = missing;
        return std::nullopt;
    }
    // fontconfig falls back to any face (DejaVu, or the CJK face): only Noto Sans itself matches Noto Sans CJK.
    const PatternPtr match = match_font("Noto Sans:lang=en:style=Regular");
    FcChar8* family = nullptr;
    FcChar8* file = nullptr;
    int index = 0;
    if (!match || FcPatternGetString(match.get(), FC_FAMILY, 0, &family) != FcResultMatch ||
        std::string(reinterpret_cast<const char*>(family)) != "Noto Sans" ||
        FcPatternGetString(match.get(), FC_FILE, 0, &file) != FcResultMatch) {
        error = missing;
        return std::nullopt;
    }
    FcPatternGetInteger(match.get(), FC_INDEX, 0, &index);
    return FontFile{reinterpret_cast<const char*>(file), index};
}

bool is_latin_face_char(unsigned c) {
    return (c >= 0x0020 && c < 0x0250) || (c >= 0x2000 && c < 0x2070) || (c >= 0x20A0 && c < 0x20D0);
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

GlyphSet GlyphSet::latin_part() const {
    GlyphSet out;
    out.builder_.Clear();
    for (unsigned c = 0; c < 0x20D0; ++c)
        if (is_latin_face_char(c) && builder_.GetBit(c)) out.builder_.SetBit(c);
    return out;
}

namespace {

struct FontData {
    explicit FontData(const std::string& path, int index_ = 0) : bytes(path), index(index_) {}
    MappedFile bytes;
    int index = 0;
};

// Adds one font to `atlas` from `data` (not owned: the caller keeps it until the build ends).
ImFont* add_font(ImFontAtlas& atlas, FontData& data, float size_px, const ImVector<ImWchar>& ranges) {
    ImFontConfig cfg;
    cfg.FontData = data.bytes.data();
    cfg.FontDataSize = static_cast<int>(data.bytes.size());
    cfg.FontDataOwnedByAtlas = false;
    cfg.FontNo = data.index;
    cfg.SizePixels = std::round(size_px);
    cfg.OversampleH = cfg.OversampleV = 1;   // FreeType renders at size; oversampling only costs memory
    cfg.PixelSnapH = true;
    cfg.GlyphRanges = ranges.Data;
    return atlas.AddFont(&cfg);
}

} // namespace

bool FontAtlas::build(const FontFaces& faces, const FontGlyphs& glyphs, float pixel_scale, std::string& error) {
    ImFontAtlas& atlas = *atlas_;
    atlas.Clear();
    atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    atlas.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
    atlas.TexDesiredWidth = 2048;   // fewer, wider rows pack CJK glyphs tighter
    atlas.Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;   // up to half the texture would be padding
    glyphs_ = glyphs;

    // Big numbers need only digits, separators, units and currency signs.
    GlyphSet numbers;
    numbers.add("0123456789.,:%+-¥万亿KMB");
    const GlyphSet* sets[3] = {&glyphs.all, &glyphs.display, &numbers};
    for (int i = 0; i < 3; ++i) {
        ranges_[i] = sets[i]->ranges();
        latin_ranges_[i] = sets[i]->latin_part().ranges();
    }

    // The collection is ~20 MB: mapped once for all four sizes, and unmapped
    // after the build so it does not stay resident all event long.
    FontData cjk(faces.cjk.path, faces.cjk.index);
    if (!cjk.bytes.ok()) {
        error = "could not read the font file " + faces.cjk.path;
        return false;
    }
    FontData latin(faces.latin ? faces.latin->path : std::string(), faces.latin ? faces.latin->index : 0);
    const bool with_latin = faces.latin && latin.bytes.ok();
    // The Latin face at the CJK face's em (its Latin letters and Han then match in size, as in a browser).
    const float cjk_ems = line_height_in_ems(cjk.bytes, cjk.index);
    const float latin_ems = with_latin ? line_height_in_ems(latin.bytes, latin.index) : 0.0f;
    const float latin_ratio = cjk_ems > 0 && latin_ems > 0 ? latin_ems / cjk_ems : 1.0f;

    // Body, heading, title, number; then (glyphs.large) the same × kLargeTextScale for the accessible mode.
    const float sizes[8] = {28.0f, 40.0f, 60.0f, 96.0f, 28.0f * kLargeTextScale, 40.0f * kLargeTextScale,
                            60.0f * kLargeTextScale, 96.0f * kLargeTextScale};
    const int set_of[8] = {0, 1, 1, 2, 0, 1, 1, 2};   // body: every text; heading and title: display texts; number
    const int count = glyphs.large ? 8 : 4;
    ImFont* zh[8] = {};
    ImFont* en[8] = {};
    for (int i = 0; i < count; ++i) zh[i] = add_font(atlas, cjk, sizes[i] * pixel_scale, ranges_[set_of[i]]);
    if (with_latin)
        for (int i = 0; i < count; ++i)
            en[i] = add_font(atlas, latin, sizes[i] * pixel_scale * latin_ratio, latin_ranges_[set_of[i]]);
    const bool built = atlas.Build();
    atlas.ClearInputData();   // drops the pointers into the font data
    if (!built) {
        error = "FreeType could not build the font atlas from " + faces.cjk.path;
        fonts_ = {};
        return false;
    }
    for (int i = 0; i < count && with_latin; ++i) complete_from(en[i], zh[i]);
    const int big = glyphs.large ? 4 : 0;   // without the large sizes they are the normal ones
    fonts_.zh = FontRoles{zh[0], zh[1], zh[2], zh[3]};
    fonts_.zh_large = FontRoles{zh[big], zh[big + 1], zh[big + 2], zh[big + 3]};
    fonts_.en = with_latin ? FontRoles{en[0], en[1], en[2], en[3]} : fonts_.zh;
    fonts_.en_large = with_latin ? FontRoles{en[big], en[big + 1], en[big + 2], en[big + 3]} : fonts_.zh_large;
    fonts_.has_large = glyphs.large;
    unsigned char* pixels = nullptr;
    atlas.GetTexDataAsAlpha8(&pixels, &tex_width_, &tex_height_);
    return true;
}

} // namespace kiosk
