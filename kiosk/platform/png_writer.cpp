#include "kiosk/platform/png_writer.h"

#include <stb_image_write.h>  // implementation is in Debian's libstb

#include <stdexcept>

namespace selfcheck::platform {

void write_png(const std::string& path, int width, int height, const std::vector<uint8_t>& rgba) {
    if (rgba.size() != static_cast<size_t>(width) * height * 4) throw std::invalid_argument("write_png: size mismatch");
    // Level 1: several times faster than stb's default 8 for screenshots barely larger.
    stbi_write_png_compression_level = 1;
    if (!stbi_write_png(path.c_str(), width, height, 4, rgba.data(), width * 4))
        throw std::runtime_error("cannot write screenshot " + path);
}

}  // namespace selfcheck::platform
