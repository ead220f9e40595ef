#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace selfcheck::platform {
// Writes tightly packed RGBA pixels as a PNG (stb_image_write). Throws on failure.
void write_png(const std::string& path, int width, int height, const std::vector<uint8_t>& rgba);
}  // namespace selfcheck::platform
