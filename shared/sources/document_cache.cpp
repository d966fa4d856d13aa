#include "sources/document_cache.h"

#include "base/atomic_file.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <fcntl.h>
#include <sys/stat.h>
#include <vector>

namespace kiosk {

namespace {

constexpr const char* kAppDir = "lvliang-kiosk";
constexpr std::size_t kMaxValidatorsBytes = 64 * 1024;
constexpr std::size_t kMaxImageBytes = 20u * 1024 * 1024;

std::uint64_t fnv1a(std::string_view text) {
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : text) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

std::chrono::system_clock::time_point modification_time(const std::filesystem::path& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return {};
    using namespace std::chrono;
    return system_clock::time_point(duration_cast<system_clock::duration>(seconds(st.st_mtim.tv_sec) +
                                                                          nanoseconds(st.st_mtim.tv_nsec)));
}

} // namespace

std::filesystem::path default_cache_dir(const std::function<const char*(const char*)>& getenv) {
    auto value = [&](const char* name) -> std::string {
        const char* v = getenv(name);
        return v ? v : "";
    };
    std::string systemd = value("CACHE_DIRECTORY");   // may list several, colon-separated
    systemd = systemd.substr(0, systemd.find(':'));
    if (!systemd.empty()) return systemd;
    const std::string xdg = value("XDG_CACHE_HOME");
    if (!xdg.empty() && xdg[0] == '/') return std::filesystem::path(xdg) / kAppDir;   // relative ones are invalid per XDG
    const std::string home = value("HOME");
    if (!home.empty() && home[0] == '/') return std::filesystem::path(home) / ".cache" / kAppDir;
    return std::filesystem::path("/var/cache") / kAppDir;
}

DocumentCache::DocumentCache(std::filesystem::path dir, std::size_t max_document_bytes)
    : dir_(std::move(dir)), max_document_bytes_(max_document_bytes) {}

bool DocumentCache::prepare(std::string& error) {
    std::error_code ec;
    std::filesystem::create_directories(dir_ / "images", ec);
    if (ec) {
        error = "cannot create cache directory " + (dir_ / "images").string() + ": " + ec.message();
        return false;
    }
    remove_stale_temporary_files(dir_);
    remove_stale_temporary_files(dir_ / "images");
    error.clear();
    return true;
}

std::filesystem::path DocumentCache::document_path(std::string_view name) const {
    return dir_ / (std::string(name) + ".json");
}

std::optional<CachedDocument> DocumentCache::load(std::string_view name, std::string& error) const {
    const std::filesystem::path path = document_path(name);
    std::optional<std::string> text = read_whole_file(path, max_document_bytes_, error);
    if (!text) return std::nullopt;
    CachedDocument doc;
    doc.text = std::move(*text);
    doc.written = modification_time(path);

    // Validators are an optimisation: missing or damaged ones just mean a full download.
    std::string ignored;
    if (auto meta = read_whole_file(dir_ / (std::string(name) + ".validators.json"), kMaxValidatorsBytes, ignored)) {
        const nlohmann::json j = nlohmann::json::parse(*meta, nullptr, false);
        if (j.is_object()) {
            doc.url = j.value("url", "");
            doc.etag = j.value("etag", "");
            doc.last_modified = j.value("last_modified", "");
            // Written after the text: they describe it only if it hasn't changed since.
            if (j.value("bytes", std::size_t{0}) != doc.text.size() || j.value("hash", std::uint64_t{0}) != fnv1a(doc.text))
                doc.etag.clear(), doc.last_modified.clear();
        }
    }
    error.clear();
    return doc;
}

bool DocumentCache::store(std::string_view name, const CachedDocument& doc, std::string& error) {
    if (!write_file_atomically(document_path(name), doc.text, error)) return false;
    const nlohmann::json meta = {{"url", doc.url},
                                 {"etag", doc.etag},
                                 {"last_modified", doc.last_modified},
                                 {"bytes", doc.text.size()},
                                 {"hash", fnv1a(doc.text)}};
    return write_file_atomically(dir_ / (std::string(name) + ".validators.json"),
                                 meta.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), error);
}

std::filesystem::path DocumentCache::image_path(std::string_view url) const {
    char name[32];
    std::snprintf(name, sizeof name, "%016llx.img", static_cast<unsigned long long>(fnv1a(url)));
    return dir_ / "images" / name;
}

std::optional<std::string> DocumentCache::load_image(std::string_view url, std::string& error) const {
    const std::filesystem::path path = image_path(url);
    std::optional<std::string> bytes = read_whole_file(path, kMaxImageBytes, error);
    if (bytes) ::utimensat(AT_FDCWD, path.c_str(), nullptr, 0);   // used now; a read-only cache just ages
    return bytes;
}

bool DocumentCache::store_image(std::string_view url, std::string_view bytes, std::string& error) {
    const std::filesystem::path path = image_path(url);
    if (!write_file_atomically(path, bytes, error)) {
        // Perhaps the disk is full: make room among our own files, then try once more.
        const ImageUsage usage = image_usage();
        if (usage.files == 0 || trim_images(usage.bytes > bytes.size() ? usage.bytes - bytes.size() : 0, path) == 0)
            return false;
        std::string second;
        if (!write_file_atomically(path, bytes, second)) return false;
        error.clear();
    }
    if (image_limit_ > 0) trim_images(image_limit_, path);
    return true;
}

namespace {

struct ImageFile {
    std::filesystem::path path;
    std::uintmax_t bytes = 0;
    std::chrono::system_clock::time_point used;
};

std::vector<ImageFile> list_images(const std::filesystem::path& dir) {
    std::vector<ImageFile> out;
    std::error_code ec;
    for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->path().extension() != ".img") continue;
        struct stat st {};
        if (::stat(it->path().c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
        out.push_back({it->path(), static_cast<std::uintmax_t>(st.st_size), modification_time(it->path())});
    }
    return out;
}

} // namespace

DocumentCache::ImageUsage DocumentCache::image_usage() const {
    ImageUsage usage;
    for (const ImageFile& f : list_images(dir_ / "images")) {
        ++usage.files;
        usage.bytes += f.bytes;
    }
    return usage;
}

int DocumentCache::trim_images(std::uintmax_t max_bytes, const std::filesystem::path& keep) {
    std::vector<ImageFile> files = list_images(dir_ / "images");
    std::uintmax_t total = 0;
    for (const ImageFile& f : files) total += f.bytes;
    std::sort(files.begin(), files.end(), [](const ImageFile& a, const ImageFile& b) { return a.used < b.used; });
    int removed = 0;
    for (const ImageFile& f : files) {
        if (total <= max_bytes) break;
        if (f.path == keep) continue;
        std::error_code ec;
        if (!std::filesystem::remove(f.path, ec)) continue;
        total -= f.bytes;
        ++removed;
    }
    return removed;
}

int DocumentCache::clear_images(std::string& error) {
    std::error_code ec;
    const auto dir = dir_ / "images";
    std::filesystem::directory_iterator it(dir, ec);
    if (ec) {
        error = "cannot read " + dir.string() + ": " + ec.message();
        return -1;
    }
    int removed = 0;
    for (const auto& entry : it)
        if (entry.path().extension() == ".img" && std::filesystem::remove(entry.path(), ec)) ++removed;
    return removed;
}

} // namespace kiosk
