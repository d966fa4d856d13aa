#include "search/pinyin.h"

#include "base/utf8.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <atomic>
#include <unordered_map>

namespace kiosk {

namespace {

std::atomic<bool> rules_ready{false};

struct Syllable {
    std::string plain;   // "lu"
    std::string v;       // "lv" when the reading has ü, else empty
};

std::unique_ptr<icu::Transliterator> make_transliterator(const char* id, std::string& error) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(
        icu::Transliterator::createInstance(icu::UnicodeString(id, -1, US_INV), UTRANS_FORWARD, status));
    if (U_FAILURE(status) || !t) {
        if (error.empty()) error = std::string("ICU has no \"") + id + "\" transliterator (" + u_errorName(status) + ")";
        return nullptr;
    }
    return t;
}

bool is_han(char32_t cp) {
    UErrorCode status = U_ZERO_ERROR;
    return uscript_getScript(static_cast<UChar32>(cp), &status) == USCRIPT_HAN && U_SUCCESS(status);
}

// ü with or without a tone mark (composed), or u + combining diaeresis, as v.
icu::UnicodeString u_umlaut_as_v(const icu::UnicodeString& text, bool& found) {
    icu::UnicodeString out;
    for (int32_t i = 0; i < text.length(); ++i) {
        const char16_t c = text.charAt(i);
        if (c == 0xFC || c == 0x1D6 || c == 0x1D8 || c == 0x1DA || c == 0x1DC) {
            out.append(u'v');
            found = true;
        } else if ((c == u'u' || c == u'U') && i + 1 < text.length() && text.charAt(i + 1) == 0x308) {
            out.append(u'v');
            found = true;
            ++i;
        } else {
            out.append(c);
        }
    }
    return out;
}

// Lowercase ASCII letters and digits of `text` as words; everything else separates them.
void split_words(std::string_view text, std::vector<std::string>& out) {
    std::string word;
    for (const char ch : text) {
        const char c = (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            word += c;
        } else if (!word.empty()) {
            out.push_back(std::move(word));
            word.clear();
        }
    }
    if (!word.empty()) out.push_back(std::move(word));
}

std::string joined_word(std::string_view text) {
    std::vector<std::string> words;
    split_words(text, words);
    std::string out;
    for (const std::string& w : words) out += w;
    return out;
}

} // namespace

struct PinyinReader::Impl {
    std::unique_ptr<icu::Transliterator> han_latin;     // 交 → jiāo
    std::unique_ptr<icu::Transliterator> latin_ascii;   // jiāo → jiao, Lüliang → Luliang, ＡＢＣ → ABC
    std::unordered_map<char32_t, Syllable> syllables;   // each character is read once per reader

    const Syllable& syllable(char32_t cp) {
        auto [it, added] = syllables.try_emplace(cp);
        if (!added || !han_latin || !latin_ascii) return it->second;
        icu::UnicodeString text(static_cast<UChar32>(cp));
        han_latin->transliterate(text);
        bool has_umlaut = false;
        icu::UnicodeString v = u_umlaut_as_v(text, has_umlaut);
        latin_ascii->transliterate(text);
        std::string utf8;
        it->second.plain = joined_word(text.toUTF8String(utf8));
        if (has_umlaut) {
            latin_ascii->transliterate(v);
            utf8.clear();
            it->second.v = joined_word(v.toUTF8String(utf8));
        }
        return it->second;
    }

    // Letters and digits of a run without Chinese characters, accents and full-width forms folded.
    void other_words(const std::u32string& run, bool ascii, std::vector<std::string>& out) {
        std::string utf8;
        if (ascii || !latin_ascii) {
            for (const char32_t cp : run) append_utf8(utf8, cp);
        } else {
            icu::UnicodeString text;
            for (const char32_t cp : run) text.append(static_cast<UChar32>(cp));
            latin_ascii->transliterate(text);
            text.toUTF8String(utf8);
        }
        split_words(utf8, out);
    }
};

PinyinReader::PinyinReader() : impl_(std::make_unique<Impl>()) {
    impl_->han_latin = make_transliterator("Han-Latin", error_);
    impl_->latin_ascii = make_transliterator("Latin-ASCII", error_);
    rules_ready.store(true, std::memory_order_release);   // compiled, or known missing: quick either way
}

bool pinyin_rules_ready() { return rules_ready.load(std::memory_order_acquire); }

PinyinReader::~PinyinReader() = default;

TypedWords PinyinReader::read(std::string_view utf8) {
    TypedWords out;
    bool any_umlaut = false;
    std::u32string run;   // code points since the last Chinese character
    bool run_ascii = true;
    std::vector<std::string> run_words;
    auto flush = [&] {
        if (run.empty()) return;
        run_words.clear();
        impl_->other_words(run, run_ascii, run_words);
        for (const std::string& w : run_words) {
            out.words.push_back(w);
            out.v_words.push_back(w);
        }
        run.clear();
        run_ascii = true;
    };
    for (std::size_t pos = 0; pos < utf8.size();) {
        const char32_t cp = next_code_point(utf8, pos);
        if (!is_han(cp)) {
            run += cp;
            run_ascii = run_ascii && cp < 0x80;
            continue;
        }
        flush();
        const Syllable& s = impl_->syllable(cp);
        if (s.plain.empty()) continue;   // a character ICU has no reading for
        out.words.push_back(s.plain);
        out.v_words.push_back(s.v.empty() ? s.plain : s.v);
        any_umlaut = any_umlaut || !s.v.empty();
    }
    flush();
    if (!any_umlaut) out.v_words.clear();
    return out;
}

} // namespace kiosk
