#include "images/image_loader.h"

#include "images/image_fetch.h"

#include <stb_image.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <filesystem>

namespace kiosk {

namespace {

constexpr int kSizeClasses[] = {32, 48, 64, 96, 128, 192, 256, 384, 512, 768, 1024, 1536, 2048, 3072, 4096};
constexpr std::int64_t kBigDecodePixels = 4096 * 4096;   // 64 MB of RGBA while decoding, before the shrink
constexpr int kBatchBits = 20;                           // requests per frame, far more than a screen shows

int size_class(float px) {
    for (int c : kSizeClasses)
        if (px <= static_cast<float>(c)) return c;
    return kSizeClasses[std::size(kSizeClasses) - 1];
}

ImageSize larger_of(ImageSize a, ImageSize b) { return {std::max(a.width, b.width), std::max(a.height, b.height)}; }

} // namespace

ImageSize image_size_class(float width, float height) { return {size_class(width), size_class(height)}; }

// Fully transparent pixels take the colour of their visible neighbours: the GPU's
// linear filter then blends an emblem's edge towards its own colour, not towards
// the black that decoders leave in transparent pixels (a dark fringe on white cards).
void bleed_into_transparent(DecodedImage& img) {
    const auto& px = img.rgba;
    bool any = false;
    for (std::size_t i = 3; i < px.size() && !any; i += 4) any = px[i] == 0;
    if (!any) return;
    const std::vector<std::uint8_t> src = px;
    const int w = img.width, h = img.height;
    auto at = [&](int x, int y) { return &src[(static_cast<std::size_t>(y) * w + x) * 4]; };
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            if (at(x, y)[3] != 0) continue;
            unsigned sum[3] = {0, 0, 0}, weight = 0;
            for (int ny = std::max(0, y - 1); ny <= std::min(h - 1, y + 1); ++ny)
                for (int nx = std::max(0, x - 1); nx <= std::min(w - 1, x + 1); ++nx) {
                    const std::uint8_t* n = at(nx, ny);
                    for (int c = 0; c < 3; ++c) sum[c] += n[c] * unsigned{n[3]};
                    weight += n[3];
                }
            if (weight == 0) continue;
            std::uint8_t* out = &img.rgba[(static_cast<std::size_t>(y) * w + x) * 4];
            for (int c = 0; c < 3; ++c) out[c] = static_cast<std::uint8_t>((sum[c] + weight / 2) / weight);
        }
}

DecodePlan plan_decode(std::span<const std::uint8_t> data, ImageSize size_class, const ImageLimits& limits) {
    DecodePlan plan{size_class};
    int w = 0, h = 0, channels = 0;
    if (data.size() <= limits.max_input_bytes && data.size() <= static_cast<std::size_t>(INT_MAX) && safe_for_stb(data) &&
        stbi_info_from_memory(data.data(), static_cast<int>(data.size()), &w, &h, &channels) && w > 0 && h > 0) {
        plan.target = cover_size({w, h}, size_class);
        plan.full_size = plan.target == ImageSize{w, h};
        plan.big = w <= limits.max_side && h <= limits.max_side && std::int64_t{w} * h > kBigDecodePixels;
    }
    return plan;
}

ImageSize cover_size(ImageSize original, ImageSize size_class) {
    if (original.width <= 0 || original.height <= 0) return size_class;
    const double scale = std::max(static_cast<double>(size_class.width) / original.width,
                                  static_cast<double>(size_class.height) / original.height);
    if (scale >= 1.0) return original;
    auto side = [&](int length) {
        return std::clamp(static_cast<int>(std::ceil(length * scale - 1e-9)), 1, length);
    };
    return {side(original.width), side(original.height)};
}

std::string resolve_image_location(std::string_view image, std::string_view feed_location) {
    if (image.empty() || looks_like_url(image) || feed_location.empty()) return std::string(image);
    if (std::filesystem::path(image).is_absolute()) return std::string(image);
    if (!looks_like_url(feed_location))
        return (std::filesystem::path(feed_location).parent_path() / image).lexically_normal().string();
    // The URL's directory: up to the last '/' of its path, without query or fragment.
    std::string_view base = feed_location.substr(0, feed_location.find_first_of("?#"));
    const std::size_t path_start = base.find('/', base.find("://") + 3);
    if (path_start == std::string_view::npos) return std::string(base) + "/" + std::string(image);
    return std::string(base.substr(0, base.rfind('/') + 1)) + std::string(image);
}

ImageLoader::ImageLoader(ImageLoaderOptions options)
    : options_(std::move(options)), summarizer_(options_.summary_window, options_.clock) {
    window_start_ = options_.clock();
    for (int i = 0; i < std::max(1, options_.workers); ++i) workers_.emplace_back([this] { work(); });
}

ImageLoader::~ImageLoader() { stop(); }

void ImageLoader::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    work_ready_.notify_all();
    for (std::thread& t : workers_)
        if (t.joinable()) t.join();
    workers_.clear();
    summarizer_.clear("");   // failures counted but not yet logged
}

void ImageLoader::request(std::span<const ImageRequest> requests) {
    if (requests.empty()) return;
    bool added = false;
    {
        std::lock_guard lock(mutex_);
        const std::uint64_t base = ++generation_ << kBatchBits;
        const std::size_t last = (std::size_t{1} << kBatchBits) - 1;
        for (std::size_t i = 0; i < requests.size(); ++i) {
            const ImageRequest& r = requests[i];
            if (r.location.empty() || failed_.count(r.location)) continue;
            const ImageSize wanted = image_size_class(r.width, r.height);
            const auto ready = ready_sizes_.find(r.location);
            if (ready != ready_sizes_.end() && ready->second.covers(wanted)) continue;
            const auto loading = loading_.find(r.location);
            if (loading != loading_.end() && loading->second.covers(wanted)) continue;
            const std::uint64_t priority = base + (last - std::min(i, last));   // earlier in the frame: sooner
            auto [it, inserted] = queued_.try_emplace(r.location, Queued{wanted, priority});
            if (!inserted) {
                it->second.size_class = larger_of(it->second.size_class, wanted);
                it->second.priority = std::max(it->second.priority, priority);
            }
            added = true;
        }
        // Pictures scrolled past long ago make way for the ones on screen now.
        while (queued_.size() > std::max<std::size_t>(1, options_.max_queued)) {
            auto oldest = std::min_element(queued_.begin(), queued_.end(),
                                           [](const auto& a, const auto& b) { return a.second.priority < b.second.priority; });
            queued_.erase(oldest);
        }
    }
    if (added) work_ready_.notify_all();
}

std::vector<LoadedImage> ImageLoader::take(std::size_t max) {
    std::vector<LoadedImage> out;
    {
        std::lock_guard lock(mutex_);
        while (out.size() < max && !ready_.empty()) {
            out.push_back(std::move(ready_.front()));
            ready_.pop_front();
            ready_bytes_ -= out.back().image.rgba.size();
            const std::string& location = out.back().location;
            const bool more = std::any_of(ready_.begin(), ready_.end(), [&](const LoadedImage& r) { return r.location == location; });
            if (!more) ready_sizes_.erase(location);
        }
    }
    if (!out.empty()) work_ready_.notify_all();   // room for the workers again
    return out;
}

void ImageLoader::retry_failed() {
    std::lock_guard lock(mutex_);
    failed_.clear();
}

bool ImageLoader::idle() const {
    std::lock_guard lock(mutex_);
    return queued_.empty() && loading_.empty() && ready_.empty();
}

ImageLoaderStats ImageLoader::stats() const {
    std::lock_guard lock(mutex_);
    return {static_cast<int>(queued_.size()), static_cast<int>(loading_.size()), static_cast<int>(ready_.size()),
            static_cast<int>(failed_.size())};
}

void ImageLoader::work() {
    std::unique_lock lock(mutex_);
    for (;;) {
        // The newest request whose picture is not loading already (at a smaller size, by another worker).
        auto next = queued_.end();
        auto can_start = [&] {
            if (!ready_.empty() && ready_bytes_ >= options_.max_ready_bytes) return false;
            next = queued_.end();
            for (auto it = queued_.begin(); it != queued_.end(); ++it)
                if (!loading_.count(it->first) && (next == queued_.end() || it->second.priority > next->second.priority))
                    next = it;
            return next != queued_.end();
        };
        // Wake now and then while idle so summarised failure counts reach the log.
        if (!work_ready_.wait_for(lock, std::chrono::seconds(30), [&] { return stopping_ || can_start(); })) {
            lock.unlock();
            summarizer_.tick();
            lock.lock();
            continue;
        }
        if (stopping_) return;
        const Job job{next->first, next->second.size_class};
        queued_.erase(next);
        loading_[job.location] = job.size_class;

        lock.unlock();
        LoadedImage result = load(job);
        lock.lock();

        loading_.erase(job.location);
        if (stopping_) return;
        if (result.ok()) {
            auto& size = ready_sizes_[job.location];
            size = larger_of(size, job.size_class);
        } else {
            failed_.insert(job.location);
            queued_.erase(job.location);   // a larger size asked for meanwhile would fail the same way
        }
        ready_bytes_ += result.image.rgba.size();
        ready_.push_back(std::move(result));
        work_ready_.notify_all();   // a request held back while this picture loaded may start
        if (options_.on_ready) {
            lock.unlock();
            options_.on_ready();
            lock.lock();
        }
    }
}

LoadedImage ImageLoader::load(const Job& job) {
    LoadedImage out;
    out.location = job.location;
    out.size_class = job.size_class;
    const std::string where = resolve_image_location(job.location, options_.feed_location);
    ImageBytes bytes = fetch_image(where, options_.cache, options_.fetch, &stopping_);
    if (!bytes.ok()) {
        out.error = bytes.error;
        if (!stopping_) note_failure(out.error);
        return out;
    }
    const std::span<const std::uint8_t> data(reinterpret_cast<const std::uint8_t*>(bytes.bytes.data()), bytes.bytes.size());

    // The header says how large to decode; decode_image checks it again and names any problem.
    const DecodePlan plan = plan_decode(data, job.size_class, options_.limits);
    out.full_size = plan.full_size;
    std::unique_lock big_decode(big_decode_mutex_, std::defer_lock);
    if (plan.big) big_decode.lock();
    std::string error;
    if (auto image = decode_image(data, plan.target.width, plan.target.height, &error, options_.limits)) {
        out.image = std::move(*image);
        bleed_into_transparent(out.image);
    } else {
        out.error = redact_url(where) + ": " + error;
        note_failure(out.error);
    }
    return out;
}

void ImageLoader::note_failure(const std::string& error) {
    std::lock_guard lock(log_mutex_);
    const auto now = options_.clock();
    if (now - window_start_ >= options_.summary_window) {
        window_start_ = now;
        lines_in_window_ = 0;
    }
    if (lines_in_window_ < options_.individual_failure_lines) {
        ++lines_in_window_;
        log_warning("image: " + error + "; showing a placeholder");
        return;
    }
    summarizer_.report(LogLevel::warning, "image:more",
                       "image: more than " + std::to_string(options_.individual_failure_lines) +
                           " pictures failed within " + format_duration(options_.summary_window) +
                           "; the latest: " + error);
}

} // namespace kiosk
