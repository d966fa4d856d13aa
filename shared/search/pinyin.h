// The words a visitor can type for a text on a letter keyboard: each Chinese
// character's toneless pinyin syllable (ICU's "Han-Latin; Latin-ASCII"), and
// the other letters and digits as lowercase ASCII words. Used on the worker
// that builds the search index (search/search_index.h), never per key.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

struct TypedWords {
    std::vector<std::string> words;     // 交城骏枣 → jiao cheng jun zao; "Red jujubes" → red jujubes
    std::vector<std::string> v_words;   // the same with ü typed as v (吕梁 → lv liang); empty when there is no ü
};

// Not thread-safe: one reader per thread (each build of an index makes its own).
// ICU compiles its Han-Latin rules once a process (about 0.1 s, the first
// reader); readers after it take well under a millisecond to make.
class PinyinReader {
public:
    PinyinReader();
    ~PinyinReader();
    PinyinReader(const PinyinReader&) = delete;
    PinyinReader& operator=(const PinyinReader&) = delete;

    // Malformed UTF-8 counts as separators. ICU gives each character one reading:
    // 银行 reads yin xing, never yin hang (the feed's search_terms add the others).
    TypedWords read(std::string_view utf8);

    // Empty when ICU's transliterators are there; else why not (then Chinese
    // characters give no words, and the rest still does).
    const std::string& error() const { return error_; }

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    std::string error_;
};

// True once a PinyinReader was made in this process: ICU's rules are compiled
// and the next reader is quick (a feed's index then takes milliseconds; the
// first reader takes ~0.5 s on a loaded machine). Any thread.
bool pinyin_rules_ready();

} // namespace kiosk
