#pragma once
// Icons from Debian's fonts-material-design-icons-iconfont (Material Icons, Apache 2.0), merged
// into the glyph atlas at their code points in the Private Use Area. Each is a UTF-8 string
// of one code point, drawn with the kiosk's fonts like any text.
#include <string>
#include <vector>

namespace selfcheck::ui::icon {

inline constexpr const char* kLanguage = "\xee\xa2\x94";     // U+E894 language (a globe)
inline constexpr const char* kYes = "\xee\x97\x8a";          // U+E5CA check
inline constexpr const char* kNo = "\xee\x97\x8d";           // U+E5CD close
inline constexpr const char* kNotSure = "\xee\xa3\xbd";      // U+E8FD help_outline
inline constexpr const char* kPreferNot = "\xee\x85\x9d";    // U+E15D remove_circle_outline
inline constexpr const char* kErase = "\xee\x85\x8a";        // U+E14A backspace
inline constexpr const char* kDone = "\xee\x97\x8a";         // U+E5CA check
inline constexpr const char* kBack = "\xee\x97\x84";         // U+E5C4 arrow_back
inline constexpr const char* kMoreBelow = "\xee\x97\x8f";    // U+E5CF expand_more
inline constexpr const char* kShowLess = "\xee\x97\x8e";     // U+E5CE expand_less
inline constexpr const char* kWarning = "\xee\x80\x82";      // U+E002 warning
inline constexpr const char* kInfo = "\xee\xa2\x8e";         // U+E88E info
inline constexpr const char* kUnknown = "\xee\xa2\x87";      // U+E887 help (a filled question mark)
inline constexpr const char* kCheckCircle = "\xee\xa1\xac";  // U+E86C check_circle
inline constexpr const char* kCall = "\xee\x82\xb0";         // U+E0B0 call
inline constexpr const char* kExit = "\xee\xa6\xba";         // U+E9BA logout
inline constexpr const char* kForward = "\xee\x97\x88";      // U+E5C8 arrow_forward
inline constexpr const char* kReadAloud = "\xee\x81\x90";    // U+E050 volume_up (a speaker)
inline constexpr const char* kStopReading = "\xee\x81\x87";  // U+E047 stop (a square)
inline constexpr const char* kHeadphones = "\xee\x8c\x90";   // U+E310 headset
inline constexpr const char* kLock = "\xee\xa2\x97";         // U+E897 lock: the network needs a passphrase
inline constexpr const char* kWifi = "\xee\x98\xbe";         // U+E63E wifi: an open network
inline constexpr const char* kShift = "\xee\x97\x98";        // U+E5D8 arrow_upward: the keyboard's shift

// Every code point above, for the atlas.
std::vector<unsigned> all_code_points();

// The icon for a common answer (yes, no, not_sure, prefer_not); nullptr for others.
const char* for_answer(const std::string& code);

}  // namespace selfcheck::ui::icon
