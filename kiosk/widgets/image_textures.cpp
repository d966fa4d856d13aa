#include "widgets/image_textures.h"

#include "base/log.h"

// Order matters: the define before the first GL header, or gl.h comes without the prototypes.
#define GL_GLEXT_PROTOTYPES
#include <GL/gl.h>
#include <GL/glext.h>

#include <algorithm>
#include <cstdint>

namespace kiosk {

namespace {

class GlTextureUploader final : public TextureUploader {
public:
    ImTextureID upload(const DecodedImage& image) override {
        if (image.width <= 0 || image.height <= 0) return nullptr;
        while (glGetError() != GL_NO_ERROR) {}   // errors of others must not be taken for ours
        GLint last = 0;
        glGetIntegerv(GL_TEXTURE_BINDING_2D, &last);
        GLuint id = 0;
        glGenTextures(1, &id);
        glBindTexture(GL_TEXTURE_2D, id);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 4);   // RGBA8 rows are always whole words
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, image.width, image.height, 0, GL_RGBA, GL_UNSIGNED_BYTE,
                     image.rgba.data());
        const GLenum error = glGetError();
        glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(last));
        if (error != GL_NO_ERROR) {
            glDeleteTextures(1, &id);
            return nullptr;
        }
        return reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(id));
    }
    void release(ImTextureID texture) override {
        const GLuint id = static_cast<GLuint>(reinterpret_cast<std::intptr_t>(texture));
        glDeleteTextures(1, &id);
    }
};

std::string megabytes(std::size_t bytes) { return std::to_string((bytes + (1u << 19)) >> 20) + " MB"; }

} // namespace

std::unique_ptr<TextureUploader> make_gl_texture_uploader() { return std::make_unique<GlTextureUploader>(); }

ImageTextures::ImageTextures(ImageLoader& loader, TextureUploader& uploader, ImageTextureOptions options)
    : loader_(loader), uploader_(uploader), options_(options) {}

ImageTextures::~ImageTextures() { release_all(); }

void ImageTextures::drawn(const std::string& url, float width, float height) {
    Entry& e = entries_[url];
    e.last_drawn = frame_;
    if (e.failed) return;
    if (e.texture && (e.full_size || e.size_class.covers(image_size_class(width, height)))) return;
    wanted_.push_back({url, width, height});
}

void ImageTextures::end_frame() {
    loader_.request(wanted_);
    wanted_.clear();
    ++frame_;
}

bool ImageTextures::update() {
    bool changed = false;
    for (LoadedImage& r : loader_.take(static_cast<std::size_t>(std::max(1, options_.uploads_per_frame)))) {
        Entry& e = entries_[r.location];
        if (!r.ok()) {
            // A larger version failed: keep the one on screen, stop asking.
            if (e.texture) e.full_size = true;
            else e.failed = true;
            continue;
        }
        // A smaller version that finished after a larger one is of no use.
        if (e.texture && e.size_class.covers(r.size_class) && !(e.size_class == r.size_class)) continue;
        const std::size_t bytes = r.image.rgba.size();
        evict_for(bytes > e.bytes ? bytes - e.bytes : 0);
        const ImTextureID texture = uploader_.upload(r.image);
        if (!texture) {
            log_warning("image: " + r.location + ": cannot make a " + std::to_string(r.image.width) + "×" +
                        std::to_string(r.image.height) + " texture; showing a placeholder");
            if (!e.texture) e.failed = true;
            continue;
        }
        drop_texture(r.location, e);
        e.texture = texture;
        e.size_class = r.size_class;
        e.full_size = r.full_size;
        e.bytes = bytes;
        bytes_ += bytes;
        set_image_texture(r.location, texture, ImVec2(static_cast<float>(r.image.width), static_cast<float>(r.image.height)));
        changed = true;
    }
    evict_for(0);
    if (bytes_ > options_.budget_bytes && !warned_over_budget_) {
        warned_over_budget_ = true;   // only when one screen alone needs more than the budget
        log_warning("image: the pictures on screen need " + megabytes(bytes_) + ", over the texture budget of " +
                    megabytes(options_.budget_bytes) + " (display.texture_budget_mb)");
    }
    return changed;
}

void ImageTextures::drop_texture(const std::string& url, Entry& e) {
    if (!e.texture) return;
    uploader_.release(e.texture);
    set_image_texture(url, nullptr, ImVec2());
    bytes_ -= e.bytes;
    e.texture = nullptr;
    e.bytes = 0;
    e.size_class = {};
    e.full_size = false;
}

void ImageTextures::evict_for(std::size_t incoming) {
    while (bytes_ + incoming > options_.budget_bytes) {
        // The last frame drew frame_ - 1: its pictures are on screen and stay.
        Entry* oldest = nullptr;
        const std::string* oldest_url = nullptr;
        for (auto& [url, e] : entries_) {
            if (!e.texture || e.last_drawn + 1 >= frame_) continue;
            if (!oldest || e.last_drawn < oldest->last_drawn) {
                oldest = &e;
                oldest_url = &url;
            }
        }
        if (!oldest) return;
        drop_texture(*oldest_url, *oldest);
    }
}

void ImageTextures::feed_changed() {
    loader_.retry_failed();
    for (auto it = entries_.begin(); it != entries_.end();) {
        if (!it->second.texture) it = entries_.erase(it);   // failed or never loaded: asked for afresh when drawn
        else ++it;
    }
}

void ImageTextures::forget_all_but(const std::unordered_set<std::string>& locations) {
    for (auto it = entries_.begin(); it != entries_.end();) {
        if (locations.count(it->first)) {
            ++it;
            continue;
        }
        drop_texture(it->first, it->second);
        it = entries_.erase(it);
    }
}

bool ImageTextures::has_ready() const { return loader_.stats().ready > 0; }

bool ImageTextures::busy() const { return !wanted_.empty() || !loader_.idle(); }

void ImageTextures::release_all() {
    for (auto& [url, e] : entries_) drop_texture(url, e);
    bytes_ = 0;
}

ImageTextureStats ImageTextures::stats() const {
    ImageTextureStats s;
    for (const auto& [url, e] : entries_) {
        s.textures += e.texture != nullptr;
        s.failed += e.failed;
    }
    s.bytes = bytes_;
    s.pending = loader_.stats().pending();
    return s;
}

} // namespace kiosk
