// The kiosk's own words (buttons, captions), from assets/ui_strings.json,
// which is compiled into the binary. Feed text never goes through here.
#pragma once

#include "feed/localized_text.h"

#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

// The text for `key` in `lang`; the key itself when the table lacks it, so a
// missing string is visible on screen instead of blank.
const std::string& ui_text(std::string_view key, Lang lang);

// The UI string `key` with "{n}" replaced by `n`.
std::string ui_text_n(std::string_view key, Lang lang, std::string_view n);

// Every string of the table, both languages: the glyphs the font atlas needs.
std::vector<std::string_view> all_ui_texts();

} // namespace kiosk
