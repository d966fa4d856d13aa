// Whole-file reads and crash-safe replacement: a reader (or the next start
// after a kill or power cut) sees the old file or the new one, never a mix.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

// Writes a temporary file next to `path`, fsyncs it, renames it over `path`
// and fsyncs the directory. On failure returns false, sets `error` (naming the
// path and the reason) and leaves `path` as it was.
bool write_file_atomically(const std::filesystem::path& path, std::string_view bytes, std::string& error);

// Appends `bytes` to `path` (created when missing) in one O_APPEND write, so a line is never
// interleaved with another writer's, then fsyncs. False with `error` naming the path and the reason.
bool append_file_synced(const std::filesystem::path& path, std::string_view bytes, std::string& error);

// The whole file, or nullopt with `error` set (missing, unreadable, larger than max_bytes).
std::optional<std::string> read_whole_file(const std::filesystem::path& path, std::size_t max_bytes, std::string& error);

// Temporary files left by writers that were killed: ".<name>.tmp-<pid>-<n>" in
// `dir` whose pid is no longer running. Removes them; returns how many.
int remove_stale_temporary_files(const std::filesystem::path& dir);

} // namespace kiosk
