#include "feed/localized_text.h"

namespace kiosk {

std::string_view lang_code(Lang lang) { return lang == Lang::en ? "en" : "zh"; }

bool parse_lang(std::string_view code, Lang& out) {
    if (code == "zh") { out = Lang::zh; return true; }
    if (code == "en") { out = Lang::en; return true; }
    return false;
}

const std::string& LocalizedText::in(Lang lang) const {
    if (lang == Lang::en && !en.empty()) return en;
    if (!zh.empty()) return zh;
    return en;
}

} // namespace kiosk
