#include "platform/render_target.h"


// Order matters: the define before the first GL header, or gl.h comes without the prototypes.
#define GL_GLEXT_PROTOTYPES
#include <GL/gl.h>
#include <GL/glext.h>

#include <cstdio>
#include <vector>

namespace kiosk {

bool RenderTarget::resize(int width, int height) {
    if (fbo_ && width == width_ && height == height_) return true;
    release();
    glGenTextures(1, &texture_);
    glBindTexture(GL_TEXTURE_2D, texture_);
    // Rotations by quarter turns map pixels onto pixels: nearest keeps them sharp.
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glBindTexture(GL_TEXTURE_2D, 0);
    glGenFramebuffers(1, &fbo_);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture_, 0);
    const bool complete = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    if (!complete) {
        release();
        return false;
    }
    width_ = width;
    height_ = height;
    return true;
}

void RenderTarget::bind() const { glBindFramebuffer(GL_FRAMEBUFFER, fbo_); }
void RenderTarget::bind_window() { glBindFramebuffer(GL_FRAMEBUFFER, 0); }

void RenderTarget::release() {
    if (fbo_) glDeleteFramebuffers(1, &fbo_);
    if (texture_) glDeleteTextures(1, &texture_);
    fbo_ = texture_ = 0;
    width_ = height_ = 0;
}

namespace {

constexpr const char* kVertexShader = R"(#version 130
in vec2 position;
in vec2 uv;
out vec2 frag_uv;
void main() { frag_uv = uv; gl_Position = vec4(position, 0.0, 1.0); }
)";

constexpr const char* kFragmentShader = R"(#version 130
uniform sampler2D picture;
in vec2 frag_uv;
out vec4 color;
void main() { color = texture(picture, frag_uv); }
)";

GLuint compile(GLenum type, const char* source) {
    const GLuint shader = glCreateShader(type);
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    GLint ok = 0;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        char log[512] = {};
        glGetShaderInfoLog(shader, sizeof log, nullptr, log);
        std::fprintf(stderr, "kiosk: the rotation shader does not compile: %s\n", log);
    }
    return shader;
}

} // namespace

RotatedPresenter::~RotatedPresenter() {
    if (vbo_) glDeleteBuffers(1, &vbo_);
    if (vao_) glDeleteVertexArrays(1, &vao_);
    if (program_) glDeleteProgram(program_);
}

bool RotatedPresenter::build() {
    const GLuint vs = compile(GL_VERTEX_SHADER, kVertexShader), fs = compile(GL_FRAGMENT_SHADER, kFragmentShader);
    program_ = glCreateProgram();
    glAttachShader(program_, vs);
    glAttachShader(program_, fs);
    glBindAttribLocation(program_, 0, "position");
    glBindAttribLocation(program_, 1, "uv");
    glBindFragDataLocation(program_, 0, "color");
    glLinkProgram(program_);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint ok = 0;
    glGetProgramiv(program_, GL_LINK_STATUS, &ok);
    if (!ok) {
        std::fprintf(stderr, "kiosk: the rotation shader does not link\n");
        return false;
    }
    glGenVertexArrays(1, &vao_);
    glGenBuffers(1, &vbo_);
    glBindVertexArray(vao_);
    glBindBuffer(GL_ARRAY_BUFFER, vbo_);
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 4 * sizeof(float), nullptr);
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, 4 * sizeof(float), reinterpret_cast<void*>(2 * sizeof(float)));
    glBindVertexArray(0);
    return true;
}

bool RotatedPresenter::draw(const RenderTarget& target, Size2 window, int rotation) {
    if (failed_) return false;
    if (!program_ && !build()) {
        failed_ = true;
        return false;
    }
    // Each window corner samples the UI point a touch there maps to, so the
    // picture and the touches turn by the same function.
    const Size2 logical = logical_size(window, rotation);
    const Point2 corners[4] = {{0, 0}, {0, window.height}, {window.width, 0}, {window.width, window.height}};
    float vertices[16];
    for (int i = 0; i < 4; ++i) {
        const Point2 ui = to_logical(corners[i], window, rotation);
        vertices[i * 4 + 0] = corners[i].x / window.width * 2 - 1;
        vertices[i * 4 + 1] = 1 - corners[i].y / window.height * 2;
        vertices[i * 4 + 2] = ui.x / logical.width;
        vertices[i * 4 + 3] = 1 - ui.y / logical.height;   // GL textures run bottom-up
    }
    RenderTarget::bind_window();
    glViewport(0, 0, static_cast<GLsizei>(window.width), static_cast<GLsizei>(window.height));
    glDisable(GL_BLEND);
    glDisable(GL_SCISSOR_TEST);
    glUseProgram(program_);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, target.texture());
    glUniform1i(glGetUniformLocation(program_, "picture"), 0);
    glBindVertexArray(vao_);
    glBindBuffer(GL_ARRAY_BUFFER, vbo_);
    glBufferData(GL_ARRAY_BUFFER, sizeof vertices, vertices, GL_STREAM_DRAW);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    glBindVertexArray(0);
    glUseProgram(0);
    return true;
}

std::vector<std::uint8_t> read_pixels(int w, int h) {
    std::vector<std::uint8_t> pixels(static_cast<std::size_t>(w) * h * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    return pixels;
}

} // namespace kiosk
