#include "kiosk/core/qr_code.h"

#include <qrencode.h>

#include <cerrno>
#include <limits>
#include <memory>
#include <stdexcept>
#include <system_error>

namespace selfcheck {

namespace {

struct QrcodeFree {
    void operator()(QRcode* code) const { QRcode_free(code); }
};

}  // namespace

QrCode QrCode::encode(const std::string& text) {
    // encodeData rather than encodeString8bit: same 8-bit mode, but it takes a length, so a
    // NUL inside the text cannot silently cut it short.
    if (text.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))
        throw std::runtime_error("QR code: cannot encode " + std::to_string(text.size()) +
                                 " bytes: too long for a QR code");
    errno = 0;
    std::unique_ptr<QRcode, QrcodeFree> code(QRcode_encodeData(
        static_cast<int>(text.size()), reinterpret_cast<const unsigned char*>(text.data()), 0, QR_ECLEVEL_M));
    if (!code) {
        const int error = errno;
        std::string reason = error == 0 ? "libqrencode gave no reason" : std::generic_category().message(error);
        if (error == ERANGE) reason = "too long for a QR code at level M (" + reason + ")";
        throw std::runtime_error("QR code: cannot encode " + std::to_string(text.size()) + " bytes: " + reason);
    }
    const int size = code->width;
    std::vector<bool> modules(static_cast<std::size_t>(size) * static_cast<std::size_t>(size));
    // Bit 0 of each byte is the colour; the other bits describe what the module is part of.
    for (std::size_t i = 0; i < modules.size(); ++i) modules[i] = (code->data[i] & 1) != 0;
    return QrCode(size, std::move(modules));
}

bool QrCode::dark(int x, int y) const {
    if (x < 0 || y < 0 || x >= size_ || y >= size_)
        throw std::out_of_range("QR code: module (" + std::to_string(x) + ", " + std::to_string(y) + ") is outside a " +
                                std::to_string(size_) + "x" + std::to_string(size_) + " code");
    return modules_[static_cast<std::size_t>(y) * static_cast<std::size_t>(size_) + static_cast<std::size_t>(x)];
}

std::vector<QrCode::Run> QrCode::dark_runs() const {
    std::vector<Run> runs;
    for (int y = 0; y < size_; ++y) {
        const std::size_t row = static_cast<std::size_t>(y) * static_cast<std::size_t>(size_);
        int x = 0;
        while (x < size_) {
            if (!modules_[row + static_cast<std::size_t>(x)]) {
                ++x;
                continue;
            }
            const int begin = x;
            while (x < size_ && modules_[row + static_cast<std::size_t>(x)]) ++x;
            runs.push_back({y, begin, x});
        }
    }
    return runs;
}

}  // namespace selfcheck
