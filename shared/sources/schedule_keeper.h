// [issue 16: schedule changes] The feed worker's memory of each session's first
// announced time and place (feed/schedule_changes.h), kept in the cache
// directory as schedule-memory.json and replaced atomically, so a kiosk
// restarted later in the day still marks a session moved before the restart.
#pragma once

#include "feed/model.h"
#include "feed/schedule_changes.h"

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>

namespace kiosk {

inline constexpr const char* kScheduleMemoryFile = "schedule-memory.json";

class ScheduleKeeper {
public:
    // `file`: where the memory is kept; empty: in memory only (lost at exit).
    // `source`: the feed's path or URL; another one starts afresh.
    explicit ScheduleKeeper(std::filesystem::path file, std::string source = {});

    // The feed with its change marks (a copy when any were added); saves the
    // memory when it learnt something. The file is read at the first call.
    std::shared_ptr<const Feed> mark(std::shared_ptr<const Feed> feed);

    const std::filesystem::path& file() const { return file_; }

private:
    void load();
    void save();

    std::filesystem::path file_;
    std::string source_;
    std::mutex mutex_;   // one feed worker calls mark(); guarded all the same
    bool loaded_ = false;
    ScheduleMemory memory_;
};

} // namespace kiosk
