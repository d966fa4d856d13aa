#include "widgets/ui_strings.h"

#include "base/embedded.h"

#include <nlohmann/json.hpp>

#include <map>
#include <stdexcept>

namespace kiosk {

namespace {

using Table = std::map<std::string, LocalizedText, std::less<>>;

// Parsed once; the file is ours and checked by tests, so a failure is a build bug.
const Table& table() {
    static const Table t = [] {
        Table out;
        const auto text = embedded_file("assets/ui_strings.json");
        if (!text) throw std::logic_error("assets/ui_strings.json is not embedded");
        const nlohmann::json doc = nlohmann::json::parse(*text);
        for (auto it = doc.begin(); it != doc.end(); ++it)
            out[it.key()] = LocalizedText{it->value("zh", std::string()), it->value("en", std::string())};
        return out;
    }();
    return t;
}

} // namespace

const std::string& ui_text(std::string_view key, Lang lang) {
    const Table& t = table();
    const auto it = t.find(key);
    if (it != t.end()) return it->second.in(lang);
    static thread_local std::string missing;
    missing.assign(key);
    return missing;
}

std::string ui_text_n(std::string_view key, Lang lang, std::string_view n) {
    std::string text = ui_text(key, lang);
    const auto at = text.find("{n}");
    if (at != std::string::npos) text.replace(at, 3, n);
    return text;
}

std::vector<std::string_view> all_ui_texts() {
    std::vector<std::string_view> out;
    for (const auto& [key, text] : table()) {
        out.push_back(text.zh);
        out.push_back(text.en);
    }
    return out;
}

} // namespace kiosk
