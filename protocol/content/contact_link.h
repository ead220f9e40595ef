#pragma once
// Links for the help directory's phone and WhatsApp numbers, put in QR codes on the result
// screen so a worker can scan a number with her own phone instead of writing it down.
#include <string>

namespace selfcheck {

// "tel:+85221579537" from "+852 2157 9537"; "tel:999" from "999". Spaces are dropped and a
// leading + is kept. Throws std::invalid_argument, naming the input, for anything but digits
// and spaces with an optional leading +.
std::string tel_link(const std::string& phone);

// "https://wa.me/85259813754" from "+852 5981 3754". wa.me takes only the full international
// number, so one without a +<country code> throws std::invalid_argument, as does anything
// tel_link rejects.
std::string whatsapp_link(const std::string& number);

}  // namespace selfcheck
