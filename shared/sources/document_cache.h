// The last-known-good documents and images on disk, so a kiosk started without
// network shows the last content at once. Layout of the cache directory:
//   <name>.json             the last valid document of a source ("feed", "live")
//   <name>.validators.json  its URL, ETag and Last-Modified, for conditional GETs
//   schedule-memory.json    each session's first announced time and place (sources/schedule_keeper.h)
//   images/<hash>.img       downloaded images, by URL, at most set_image_limit() bytes in all:
//                           the least recently used go first (a file's mtime is its last use)
// Every file is replaced atomically (see atomic_file.h).
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

// $CACHE_DIRECTORY (systemd's CacheDirectory=, i.e. /var/cache/… for the
// service), else $XDG_CACHE_HOME/lvliang-kiosk, else ~/.cache/lvliang-kiosk,
// else /var/cache/lvliang-kiosk. `getenv` is injectable for tests.
std::filesystem::path default_cache_dir(const std::function<const char*(const char*)>& getenv = ::getenv);

struct CachedDocument {
    std::string text;
    std::string url;             // where it came from; validators apply to this URL only
    std::string etag;
    std::string last_modified;
    std::chrono::system_clock::time_point written;   // when the cache got it
};

class DocumentCache {
public:
    explicit DocumentCache(std::filesystem::path dir, std::size_t max_document_bytes = 20u * 1024 * 1024);

    const std::filesystem::path& dir() const { return dir_; }

    // The images' total size limit (config key image_cache_mb); 0: no limit.
    void set_image_limit(std::uintmax_t bytes) { image_limit_ = bytes; }

    // Creates the directories and removes temporary files of killed writers.
    bool prepare(std::string& error);

    std::filesystem::path document_path(std::string_view name) const;
    std::optional<CachedDocument> load(std::string_view name, std::string& error) const;
    // The text first, then its validators: a kill in between leaves new text
    // with old validators, which only costs one full download.
    bool store(std::string_view name, const CachedDocument& doc, std::string& error);

    std::filesystem::path image_path(std::string_view url) const;
    // A hit marks the image as just used.
    std::optional<std::string> load_image(std::string_view url, std::string& error) const;
    // Then removes the least recently used others while over the limit. A failed
    // write (a full disk) frees room the same way and tries once more.
    bool store_image(std::string_view url, std::string_view bytes, std::string& error);
    // Removes the least recently used images, sparing `keep`, until they take at
    // most `max_bytes`; returns how many were removed.
    int trim_images(std::uintmax_t max_bytes, const std::filesystem::path& keep = {});
    struct ImageUsage {
        int files = 0;
        std::uintmax_t bytes = 0;
    };
    ImageUsage image_usage() const;
    // Deletes every cached image (the admin panel's "clear image cache"); returns
    // how many, or -1 with `error` when the directory cannot be read.
    int clear_images(std::string& error);

private:
    std::filesystem::path dir_;
    std::size_t max_document_bytes_;
    std::uintmax_t image_limit_ = 256u * 1024 * 1024;
};

} // namespace kiosk
