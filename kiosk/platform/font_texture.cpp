#include "platform/font_texture.h"

// Order matters: the define before the first GL header, or gl.h comes without the prototypes.
#define GL_GLEXT_PROTOTYPES
#include <GL/gl.h>
#include <GL/glext.h>

#include <cstdint>

namespace kiosk {

void FontTexture::upload(ImFontAtlas& atlas) {
    release();
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    atlas.GetTexDataAsAlpha8(&pixels, &w, &h);
    GLint last = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &last);
    glGenTextures(1, &id_);
    glBindTexture(GL_TEXTURE_2D, id_);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    const GLint swizzle[] = {GL_ONE, GL_ONE, GL_ONE, GL_RED};
    glTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_RGBA, swizzle);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, w, h, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(last));
    atlas.SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(id_)));
    atlas.ClearTexData();   // the GPU has it now
    bytes_ = static_cast<std::size_t>(w) * h;
}

void FontTexture::release() {
    if (id_) glDeleteTextures(1, &id_);
    id_ = 0;
    bytes_ = 0;
}

} // namespace kiosk
