#include "platform/code_pageout.h"

#include <sys/mman.h>

#include <exception>
#include <fstream>
#include <sstream>

namespace kiosk {

namespace {

// "7f…-7f… r-xp 00000000 08:01 1234   /usr/lib/…/libLLVM-15.so.1": a library's code mapping (its counters follow).
bool parse_header(std::string_view line, const std::vector<std::string>& libraries, CodeMapping& out) {
    std::istringstream in{std::string(line)};
    std::string range, perms, offset, device, inode, path;
    if (!(in >> range >> perms >> offset >> device >> inode)) return false;
    std::getline(in >> std::ws, path);
    if (perms != "r-xp" || inode == "0" || path.empty() || path.front() != '/') return false;
    const std::string_view name = std::string_view(path).substr(path.rfind('/') + 1);
    bool named = false;
    for (const std::string& library : libraries) named = named || (!library.empty() && name.substr(0, library.size()) == library);
    const std::size_t dash = range.find('-');
    if (!named || dash == std::string::npos) return false;
    try {
        out.start = static_cast<std::uintptr_t>(std::stoull(range.substr(0, dash), nullptr, 16));
        out.end = static_cast<std::uintptr_t>(std::stoull(range.substr(dash + 1), nullptr, 16));
    } catch (const std::exception&) {
        return false;
    }
    out.path = path;
    return out.end > out.start;
}

// "Anonymous:   12 kB" or "Private_Dirty:   0 kB": a page of the mapping that is no longer the file's.
bool counts_a_private_copy(std::string_view line) {
    for (std::string_view field : {"Anonymous:", "Private_Dirty:"}) {
        if (line.substr(0, field.size()) != field) continue;
        const std::size_t digit = line.find_first_of("123456789", field.size());
        const std::size_t unit = line.find("kB", field.size());
        return digit != std::string_view::npos && digit < unit;
    }
    return false;
}

} // namespace

std::vector<CodeMapping> code_mappings_of(std::string_view smaps, const std::vector<std::string>& libraries) {
    std::vector<CodeMapping> found;
    bool current = false;   // the mapping whose counters follow is one of ours, so far
    while (!smaps.empty()) {
        const std::size_t end = smaps.find('\n');
        const std::string_view line = smaps.substr(0, end);
        smaps.remove_prefix(end == std::string_view::npos ? smaps.size() : end + 1);
        const std::string_view first = line.substr(0, line.find(' '));   // "7f…-7f…" or "Rss:"
        const bool header = first.find('-') != std::string_view::npos && first.find(':') == std::string_view::npos;
        if (header) {
            CodeMapping mapping;
            current = parse_header(line, libraries, mapping);
            if (current) found.push_back(std::move(mapping));
        } else if (current && counts_a_private_copy(line)) {
            found.pop_back();
            current = false;
        }
    }
    return found;
}

std::size_t drop_code_pages_of(const std::vector<std::string>& libraries) {
    std::ifstream file("/proc/self/smaps");
    if (!file) return 0;
    std::ostringstream text;
    text << file.rdbuf();
    std::size_t advised = 0;
    for (const CodeMapping& mapping : code_mappings_of(text.str(), libraries))
        if (madvise(reinterpret_cast<void*>(mapping.start), mapping.bytes(), MADV_DONTNEED) == 0) advised += mapping.bytes();
    return advised;
}

} // namespace kiosk
