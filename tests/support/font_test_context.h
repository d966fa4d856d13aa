// An ImGui context for tests that build and install fonts but draw no frame: made over a
// placeholder atlas, as the runner's is (FontKeeper's atlases replace it), gone with the test.
#pragma once

#include <imgui.h>

namespace kiosk::test {

struct FontTestContext {
    ImFontAtlas placeholder;
    FontTestContext() { ImGui::CreateContext(&placeholder); }
    ~FontTestContext() { ImGui::DestroyContext(); }
    FontTestContext(const FontTestContext&) = delete;
    FontTestContext& operator=(const FontTestContext&) = delete;
};

} // namespace kiosk::test
