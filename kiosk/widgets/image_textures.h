// Feed pictures on the GPU (UI thread). Learns from draw_image which pictures
// each frame shows and at what size, asks the ImageLoader for the missing ones
// after the frame, uploads a few finished ones between frames (so a screenful
// of new pictures never stalls a frame), and keeps the textures under a memory
// budget by dropping the least recently drawn first.
#pragma once

#include "images/image_loader.h"
#include "widgets/image_view.h"

#include <imgui.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace kiosk {

// The GL calls, behind an interface so tests run without a GPU.
class TextureUploader {
public:
    virtual ~TextureUploader() = default;
    // An RGBA8 texture of `image` (straight alpha, as ImGui blends; linear
    // filtering); null when it could not be made.
    virtual ImTextureID upload(const DecodedImage& image) = 0;
    virtual void release(ImTextureID texture) = 0;
};

// Needs the GL context current at each call (the runner's update and release_gpu).
std::unique_ptr<TextureUploader> make_gl_texture_uploader();

struct ImageTextureOptions {
    std::size_t budget_bytes = 256u * 1024 * 1024;   // display.texture_budget_mb
    int uploads_per_frame = 2;
};

// For the admin panel.
struct ImageTextureStats {
    int textures = 0;
    std::size_t bytes = 0;
    int pending = 0;   // queued, loading or waiting for upload
    int failed = 0;    // shown as placeholders until the feed changes
};

class ImageTextures final : public ImageDemand {
public:
    // The app hands it to the screens as FrameContext::images.
    ImageTextures(ImageLoader& loader, TextureUploader& uploader, ImageTextureOptions options = {});
    ~ImageTextures() override;
    ImageTextures(const ImageTextures&) = delete;
    ImageTextures& operator=(const ImageTextures&) = delete;

    // ImageDemand: from draw_image, during a frame.
    void drawn(const std::string& url, float width, float height) override;

    // After a frame: asks the loader for what the frame lacked, in drawing order.
    void end_frame();
    // Between frames, GL current: uploads at most uploads_per_frame pictures and
    // evicts over budget. True when a picture appeared, i.e. redraw.
    bool update();
    // New feed: pictures that failed may be tried again.
    void feed_changed();
    // New feed: textures of pictures it no longer names are deleted now, not when
    // the budget runs out (a five-day event sees many pictures come and go).
    void forget_all_but(const std::unordered_set<std::string>& locations);

    bool has_ready() const;   // finished pictures wait for upload: draw again at once
    bool busy() const;        // pictures the screen asked for are still coming
    // Deletes every texture; the runner calls it while GL is still current.
    void release_all();

    ImageTextureStats stats() const;

private:
    struct Entry {
        ImTextureID texture = nullptr;
        ImageSize size_class;        // what the texture was decoded for
        bool full_size = false;      // the texture is the whole original: no larger one exists
        std::size_t bytes = 0;
        std::uint64_t last_drawn = 0;   // frame number
        bool failed = false;
    };

    void drop_texture(const std::string& url, Entry& e);
    // Evicts least recently drawn textures until `incoming` more bytes fit, sparing the last frame's.
    void evict_for(std::size_t incoming);

    ImageLoader& loader_;
    TextureUploader& uploader_;
    ImageTextureOptions options_;
    std::unordered_map<std::string, Entry> entries_;
    std::vector<ImageRequest> wanted_;   // this frame's pictures without a (large enough) texture
    std::uint64_t frame_ = 1;            // the frame being drawn; end_frame() advances it
    std::size_t bytes_ = 0;
    bool warned_over_budget_ = false;
};

} // namespace kiosk
