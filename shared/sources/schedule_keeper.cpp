#include "sources/schedule_keeper.h"

#include "base/atomic_file.h"
#include "base/log.h"

namespace kiosk {

namespace {

constexpr std::size_t kMaxMemoryBytes = 16u * 1024 * 1024;

} // namespace

ScheduleKeeper::ScheduleKeeper(std::filesystem::path file, std::string source)
    : file_(std::move(file)), source_(std::move(source)) {}

void ScheduleKeeper::load() {
    loaded_ = true;
    if (file_.empty()) return;
    std::error_code ec;
    if (!std::filesystem::exists(file_, ec)) return;   // the first start: nothing known yet
    std::string error;
    const std::optional<std::string> text = read_whole_file(file_, kMaxMemoryBytes, error);
    std::optional<ScheduleMemory> memory = text ? memory_from_json(*text, error) : std::nullopt;
    if (!memory) {   // damaged: start afresh; the next feed is taken as announced
        log_warning("schedule changes: " + file_.string() + ": " + error + "; starting without earlier plans");
        return;
    }
    memory_ = std::move(*memory);
}

void ScheduleKeeper::save() {
    if (file_.empty()) return;
    std::string error;
    if (!write_file_atomically(file_, memory_to_json(memory_), error))
        log_warning("schedule changes: cannot keep earlier plans: " + error);
}

std::shared_ptr<const Feed> ScheduleKeeper::mark(std::shared_ptr<const Feed> feed) {
    if (!feed) return feed;
    std::lock_guard lock(mutex_);
    if (!loaded_) load();
    auto marked = std::make_shared<Feed>(*feed);
    if (compare_with_memory(*marked, memory_, source_)) save();
    return marked;
}

} // namespace kiosk
