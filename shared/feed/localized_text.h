// Human-readable feed text: a plain string or {"zh": …, "en": …}.
// Shown in the visitor's language, falling back chosen → zh → en.
#pragma once

#include <string>
#include <string_view>

namespace kiosk {

enum class Lang { zh, en };

std::string_view lang_code(Lang lang);                 // "zh" / "en"
bool parse_lang(std::string_view code, Lang& out);     // false when unknown

struct LocalizedText {
    std::string zh;
    std::string en;

    // A plain JSON string counts as Chinese, the kiosk's first language.
    static LocalizedText plain(std::string text) { return {std::move(text), {}}; }

    const std::string& in(Lang lang) const;
    bool empty() const { return zh.empty() && en.empty(); }
};

} // namespace kiosk
