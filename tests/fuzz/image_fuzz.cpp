// A product picture's bytes as an image worker gets them: the header's size
// check, the decode with the kiosk's limits at a size the screen asks for, and
// the edge bleed. The input's length picks the size class, so any byte may vary.
#include "fuzz_require.h"
#include "images/image_decode.h"
#include "images/image_loader.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

using namespace kiosk;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static constexpr float kShownSizes[] = {40, 96, 180, 300, 520, 1100};   // thumbnails to the product screen
    const ImageSize size_class = image_size_class(kShownSizes[size % 6], kShownSizes[size / 6 % 6]);

    const ImageLimits limits;   // the kiosk's own (ImageLoaderOptions keeps the defaults)
    const std::span<const std::uint8_t> bytes(data, size);
    const DecodePlan plan = plan_decode(bytes, size_class, limits);
    std::string error;
    auto image = decode_image(bytes, plan.target.width, plan.target.height, &error, limits);
    fuzz::require(image.has_value() != !error.empty(), "a decode fails exactly when it says why");
    if (!image) return 0;
    fuzz::require(image->width >= 1 && image->height >= 1 && image->width <= plan.target.width &&
                      image->height <= plan.target.height,
                  "the picture fits the size asked for");
    fuzz::require(image->rgba.size() == static_cast<std::size_t>(image->width) * image->height * 4,
                  "the pixels are width × height RGBA");
    bleed_into_transparent(*image);
    return 0;
}

// stb_image's decoders compiled here with the fuzzer's instrumentation, from the
// same header Debian's libstb is built from; the program's own definitions take
// precedence over the shared library's, so coverage and ASan reach inside them.
#define STB_IMAGE_IMPLEMENTATION
#include <stb_image.h>
