#include "platform/frame_damage.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace kiosk {

namespace {

constexpr std::uint64_t kSeed = 0xcbf29ce484222325ull;

std::uint64_t mix(std::uint64_t h, std::uint64_t v) {
    h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    return h * 0x100000001b3ull;
}

std::uint64_t bits(float f) {
    std::uint32_t u;
    std::memcpy(&u, &f, sizeof u);
    return u;
}

std::uint64_t vertex_hash(const ImDrawVert& v) {
    std::uint64_t h = mix(bits(v.pos.x), bits(v.pos.y) << 32 | v.col);
    return mix(h, bits(v.uv.x) << 32 | bits(v.uv.y));
}

long area(const DamageRect& r) { return static_cast<long>(r.width()) * r.height(); }

bool overlap(const DamageRect& a, const DamageRect& b) {
    return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

// Rectangles of tiles → fewer rectangles: merges any two whose bounding box
// wastes little (or that overlap, as a merge may make them), then the
// cheapest pairs until at most `most` are left.
void merge_rects(std::vector<DamageRect>& rects, std::size_t most) {
    for (bool merged = true; merged;) {
        merged = false;
        for (std::size_t i = 0; i < rects.size() && !merged; ++i)
            for (std::size_t j = i + 1; j < rects.size() && !merged; ++j) {
                const DamageRect u = bounding(rects[i], rects[j]);
                if (overlap(rects[i], rects[j]) || area(u) * 4 <= (area(rects[i]) + area(rects[j])) * 5) {
                    rects[i] = u;
                    rects.erase(rects.begin() + static_cast<long>(j));
                    merged = true;
                }
            }
        if (merged || rects.size() <= most) continue;
        std::size_t best_i = 0, best_j = 1;
        long best = -1;
        for (std::size_t i = 0; i < rects.size(); ++i)
            for (std::size_t j = i + 1; j < rects.size(); ++j) {
                const long waste = area(bounding(rects[i], rects[j])) - area(rects[i]) - area(rects[j]);
                if (best < 0 || waste < best) best = waste, best_i = i, best_j = j;
            }
        rects[best_i] = bounding(rects[best_i], rects[best_j]);
        rects.erase(rects.begin() + static_cast<long>(best_j));
        merged = true;
    }
}

} // namespace

DamageRect bounding(const DamageRect& a, const DamageRect& b) {
    return DamageRect{std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1), std::max(a.y1, b.y1)};
}

const std::vector<DamageRect>& FrameDamage::compare(const ImDrawData& data, int width, int height) {
    const int columns = (width + kTile - 1) / kTile, rows = (height + kTile - 1) / kTile;
    rects_.clear();
    if (columns <= 0 || rows <= 0) return rects_;
    next_.assign(static_cast<std::size_t>(columns) * rows, kSeed);
    bool everything = false;   // a callback draws what we cannot see
    const ImVec2 origin = data.DisplayPos;
    for (int l = 0; l < data.CmdListsCount; ++l) {
        const ImDrawList& list = *data.CmdLists[l];
        for (const ImDrawCmd& cmd : list.CmdBuffer) {
            if (cmd.UserCallback) {
                everything = everything || cmd.UserCallback != ImDrawCallback_ResetRenderState;
                continue;
            }
            // Where this command may paint: its clip rectangle on the screen, in whole pixels.
            const float cx0 = std::max(0.0f, cmd.ClipRect.x - origin.x), cy0 = std::max(0.0f, cmd.ClipRect.y - origin.y);
            const float cx1 = std::min(float(width), cmd.ClipRect.z - origin.x);
            const float cy1 = std::min(float(height), cmd.ClipRect.w - origin.y);
            if (cx1 <= cx0 || cy1 <= cy0 || cmd.ElemCount == 0) continue;
            std::uint64_t command = mix(reinterpret_cast<std::uintptr_t>(cmd.TextureId), bits(cx0) << 32 | bits(cy0));
            command = mix(command, bits(cx1) << 32 | bits(cy1));
            const ImDrawIdx* idx = list.IdxBuffer.Data + cmd.IdxOffset;
            const ImDrawVert* vtx = list.VtxBuffer.Data + cmd.VtxOffset;
            for (unsigned i = 0; i + 2 < cmd.ElemCount; i += 3) {
                const ImDrawVert& a = vtx[idx[i]];
                const ImDrawVert& b = vtx[idx[i + 1]];
                const ImDrawVert& c = vtx[idx[i + 2]];
                // The triangle's bounding box, widened by a pixel for antialiasing and rounding.
                const float x0 = std::max(cx0, std::min({a.pos.x, b.pos.x, c.pos.x}) - origin.x - 1);
                const float y0 = std::max(cy0, std::min({a.pos.y, b.pos.y, c.pos.y}) - origin.y - 1);
                const float x1 = std::min(cx1, std::max({a.pos.x, b.pos.x, c.pos.x}) - origin.x + 1);
                const float y1 = std::min(cy1, std::max({a.pos.y, b.pos.y, c.pos.y}) - origin.y + 1);
                if (x1 <= x0 || y1 <= y0) continue;
                const std::uint64_t h = mix(mix(mix(command, vertex_hash(a)), vertex_hash(b)), vertex_hash(c));
                const int tx0 = static_cast<int>(x0) / kTile, ty0 = static_cast<int>(y0) / kTile;
                const int tx1 = std::min(columns - 1, static_cast<int>(std::ceil(x1)) / kTile);
                const int ty1 = std::min(rows - 1, static_cast<int>(std::ceil(y1)) / kTile);
                for (int ty = ty0; ty <= ty1; ++ty)
                    for (int tx = tx0; tx <= tx1; ++tx) {
                        std::uint64_t& tile = next_[static_cast<std::size_t>(ty) * columns + tx];
                        tile = mix(tile, h);
                    }
            }
        }
    }
    const bool resized = columns != columns_ || rows != rows_ || tiles_.size() != next_.size();
    columns_ = columns;
    rows_ = rows;
    if (resized || everything) {
        tiles_.swap(next_);
        rects_.push_back(DamageRect{0, 0, width, height});
        return rects_;
    }
    // Each row's runs of changed tiles, then merged.
    for (int ty = 0; ty < rows; ++ty)
        for (int tx = 0; tx < columns; ++tx) {
            const std::size_t row = static_cast<std::size_t>(ty) * columns;
            if (next_[row + tx] == tiles_[row + tx]) continue;
            int end = tx + 1;
            while (end < columns && next_[row + end] != tiles_[row + end]) ++end;
            rects_.push_back(DamageRect{tx * kTile, ty * kTile, std::min(width, end * kTile), std::min(height, (ty + 1) * kTile)});
            tx = end;
        }
    tiles_.swap(next_);
    merge_rects(rects_, kMaxRects);
    return rects_;
}

void clip_draw_data(ImDrawData& data, const DamageRect& r) {
    const ImVec2 o = data.DisplayPos;
    for (int l = 0; l < data.CmdListsCount; ++l)
        for (ImDrawCmd& cmd : data.CmdLists[l]->CmdBuffer) {
            ImVec4& c = cmd.ClipRect;
            c.x = std::max(c.x, o.x + float(r.x0));
            c.y = std::max(c.y, o.y + float(r.y0));
            c.z = std::max(c.x, std::min(c.z, o.x + float(r.x1)));   // an empty result stays empty, never inverted
            c.w = std::max(c.y, std::min(c.w, o.y + float(r.y1)));
        }
}

} // namespace kiosk
