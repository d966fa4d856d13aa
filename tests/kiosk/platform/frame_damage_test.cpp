// Which part of the screen a frame changes: hashes per tile of the draw data.
#include "platform/frame_damage.h"

#include <imgui_internal.h>   // ImDrawListSharedData: draw lists without a context

#include <catch2/catch.hpp>

#include <vector>

using namespace kiosk;

namespace {

// Draw data for a 640×480 screen: one list, what `draw` adds to it.
class Frame {
public:
    template <class Draw>
    explicit Frame(Draw draw) : list_(&shared_) {
        shared_.ClipRectFullscreen = ImVec4(0, 0, 640, 480);
        list_._ResetForNewFrame();
        list_.PushClipRectFullScreen();
        draw(list_);
        list_.PopClipRect();
        lists_[0] = &list_;
        data_.Valid = true;
        data_.CmdLists = lists_;
        data_.CmdListsCount = 1;
        data_.DisplayPos = ImVec2(0, 0);
        data_.DisplaySize = ImVec2(640, 480);
        data_.FramebufferScale = ImVec2(1, 1);
    }
    ImDrawData& data() { return data_; }

private:
    ImDrawListSharedData shared_;
    ImDrawList list_;
    ImDrawList* lists_[1] = {};
    ImDrawData data_;
};

void screen(ImDrawList& dl, ImU32 box_color, float box_x) {
    dl.AddRectFilled(ImVec2(0, 0), ImVec2(640, 480), IM_COL32(20, 20, 20, 255));
    dl.AddRectFilled(ImVec2(box_x, 100), ImVec2(box_x + 50, 140), box_color);
}

bool covers(const DamageRect& r, int x0, int y0, int x1, int y1) {
    return r.x0 <= x0 && r.y0 <= y0 && r.x1 >= x1 && r.y1 >= y1;
}

// The one rectangle of a damage that must be a single one.
DamageRect only(const std::vector<DamageRect>& rects) {
    REQUIRE(rects.size() == 1);
    return rects[0];
}

long area(const std::vector<DamageRect>& rects) {
    long sum = 0;
    for (const DamageRect& r : rects) sum += static_cast<long>(r.width()) * r.height();
    return sum;
}

} // namespace

TEST_CASE("the first frame, and one after invalidate(), is damaged everywhere, an identical frame nowhere") {
    FrameDamage damage;
    Frame a([](ImDrawList& dl) { screen(dl, IM_COL32(200, 0, 0, 255), 100); });
    CHECK(only(damage.compare(a.data(), 640, 480)) == DamageRect{0, 0, 640, 480});
    Frame same([](ImDrawList& dl) { screen(dl, IM_COL32(200, 0, 0, 255), 100); });
    CHECK(damage.compare(same.data(), 640, 480).empty());
    damage.invalidate();
    CHECK(only(damage.compare(same.data(), 640, 480)) == DamageRect{0, 0, 640, 480});
    CHECK(only(damage.compare(same.data(), 800, 480)) == DamageRect{0, 0, 800, 480});   // a new size: all of it
}

TEST_CASE("a changed colour or a moved box damages the tiles it was and is in, not the whole screen") {
    FrameDamage damage;
    Frame before([](ImDrawList& dl) { screen(dl, IM_COL32(200, 0, 0, 255), 100); });
    damage.compare(before.data(), 640, 480);

    Frame recoloured([](ImDrawList& dl) { screen(dl, IM_COL32(0, 200, 0, 255), 100); });
    const DamageRect r = only(damage.compare(recoloured.data(), 640, 480));
    CHECK(covers(r, 100, 100, 150, 140));
    CHECK(r.width() < 640);
    CHECK(r.height() < 480);

    // Where it was and where it is, far apart: two rectangles, not the span between them.
    Frame moved([](ImDrawList& dl) { screen(dl, IM_COL32(0, 200, 0, 255), 400); });
    const std::vector<DamageRect> m = damage.compare(moved.data(), 640, 480);
    REQUIRE(m.size() == 2);
    CHECK(covers(bounding(m[0], m[1]), 100, 100, 450, 140));
    CHECK(area(m) < 350 * 40 * 2);
}

TEST_CASE("damage comes as at most kMaxRects rectangles however scattered the changes") {
    FrameDamage damage;
    auto dots = [](ImU32 color) {
        return [=](ImDrawList& dl) {
            dl.AddRectFilled(ImVec2(0, 0), ImVec2(640, 480), IM_COL32(20, 20, 20, 255));
            for (int i = 0; i < 10; ++i)   // on a diagonal, 2 tiles apart
                dl.AddRectFilled(ImVec2(i * 64.0f + 4, i * 48.0f + 4), ImVec2(i * 64.0f + 12, i * 48.0f + 12), color);
        };
    };
    Frame a(dots(IM_COL32(200, 0, 0, 255)));
    damage.compare(a.data(), 640, 480);
    Frame b(dots(IM_COL32(0, 200, 0, 255)));
    const std::vector<DamageRect> rects = damage.compare(b.data(), 640, 480);
    CHECK(rects.size() <= static_cast<std::size_t>(FrameDamage::kMaxRects));
    CHECK(rects.size() > 1);
    for (int i = 0; i < 10; ++i) {   // every dot is in one of them
        bool found = false;
        for (const DamageRect& r : rects) found = found || covers(r, i * 64 + 4, i * 48 + 4, i * 64 + 12, i * 48 + 12);
        CHECK(found);
    }
}

TEST_CASE("what a clip rectangle hides does not count as damage, moving the clip does") {
    FrameDamage damage;
    auto clipped = [](float box_x, float clip_x1) {
        return [=](ImDrawList& dl) {
            dl.AddRectFilled(ImVec2(0, 0), ImVec2(640, 480), IM_COL32(20, 20, 20, 255));
            dl.PushClipRect(ImVec2(0, 0), ImVec2(clip_x1, 480));
            dl.AddRectFilled(ImVec2(box_x, 100), ImVec2(box_x + 50, 140), IM_COL32(200, 0, 0, 255));
            dl.PopClipRect();
        };
    };
    Frame a(clipped(400, 300));   // the box is outside its clip: invisible
    damage.compare(a.data(), 640, 480);
    Frame b(clipped(500, 300));   // still invisible, elsewhere
    CHECK(damage.compare(b.data(), 640, 480).empty());
    Frame c(clipped(500, 640));   // now shown
    CHECK(covers(only(damage.compare(c.data(), 640, 480)), 500, 100, 550, 140));
}

TEST_CASE("clip_draw_data narrows every command to the damage, one outside it becomes empty") {
    Frame f([](ImDrawList& dl) {
        dl.AddRectFilled(ImVec2(0, 0), ImVec2(640, 480), IM_COL32(20, 20, 20, 255));
        dl.PushClipRect(ImVec2(500, 400), ImVec2(640, 480));
        dl.AddRectFilled(ImVec2(500, 400), ImVec2(600, 450), IM_COL32(200, 0, 0, 255));
        dl.PopClipRect();
    });
    clip_draw_data(f.data(), DamageRect{64, 32, 128, 96});
    std::vector<ImVec4> clips;
    for (const ImDrawCmd& cmd : f.data().CmdLists[0]->CmdBuffer)
        if (cmd.ElemCount > 0) clips.push_back(cmd.ClipRect);
    REQUIRE(clips.size() == 2);
    CHECK(clips[0].x == 64);
    CHECK(clips[0].y == 32);
    CHECK(clips[0].z == 128);
    CHECK(clips[0].w == 96);
    CHECK((clips[1].z <= clips[1].x || clips[1].w <= clips[1].y));   // nothing of it is inside
}
