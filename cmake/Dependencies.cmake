# Every dependency is a Debian bookworm package; scripts/setup installs them.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)

pkg_check_modules(SDL2 REQUIRED IMPORTED_TARGET sdl2)
pkg_check_modules(IMGUI REQUIRED IMPORTED_TARGET imgui)      # libimgui-dev 1.86, static, Requires: stb
pkg_check_modules(FREETYPE REQUIRED IMPORTED_TARGET freetype2)
pkg_check_modules(SQLITE3 REQUIRED IMPORTED_TARGET sqlite3)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
pkg_check_modules(QRENCODE REQUIRED IMPORTED_TARGET libqrencode)
pkg_check_modules(CURL REQUIRED IMPORTED_TARGET libcurl)
pkg_check_modules(YAMLCPP REQUIRED IMPORTED_TARGET yaml-cpp)
pkg_check_modules(ICU REQUIRED IMPORTED_TARGET icu-uc icu-i18n)
find_package(nlohmann_json 3.10 REQUIRED)
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)   # the kiosk's sync client and test clients
find_package(Boost 1.74 REQUIRED)                                 # Beast and Asio (header-only): the collector's HTTP server
pkg_check_modules(PQXX REQUIRED IMPORTED_TARGET libpqxx)          # collector's PostgreSQL store
pkg_check_modules(SNDFILE REQUIRED IMPORTED_TARGET sndfile)       # read-aloud clips: WAV, FLAC, Vorbis, Opus
pkg_check_modules(EBUR128 REQUIRED IMPORTED_TARGET libebur128)    # EBU R128 loudness of clips
pkg_check_modules(ESPEAKNG REQUIRED IMPORTED_TARGET espeak-ng)    # the machine voice (libespeak-ng-dev)

find_program(GENRB_EXECUTABLE genrb REQUIRED)   # icu-devtools

# Dear ImGui's SDL_Renderer backend ships as example source in libimgui-dev; compile it
# ourselves, without our warning flags (it is not our code).
set(IMGUI_BACKEND_DIR /usr/share/doc/libimgui-dev/examples/backends CACHE PATH
    "Directory holding imgui_impl_sdlrenderer.cpp from libimgui-dev")
if(NOT EXISTS ${IMGUI_BACKEND_DIR}/imgui_impl_sdlrenderer.cpp)
  message(FATAL_ERROR "imgui_impl_sdlrenderer.cpp not found in ${IMGUI_BACKEND_DIR}: install libimgui-dev")
endif()
add_library(imgui_sdlrenderer STATIC ${IMGUI_BACKEND_DIR}/imgui_impl_sdlrenderer.cpp)
target_include_directories(imgui_sdlrenderer SYSTEM PUBLIC /usr/include/imgui/backends)
target_link_libraries(imgui_sdlrenderer PUBLIC PkgConfig::IMGUI PkgConfig::SDL2 PkgConfig::FREETYPE)

# Fonts come from Debian's font packages (fonts-noto-core, fonts-noto-cjk, fonts-material-design-icons-iconfont). Their paths
# become the kiosk's defaults; a config value can point elsewhere.
find_file(FONT_LATIN NotoSans-Regular.ttf PATHS /usr/share/fonts/truetype/noto NO_DEFAULT_PATH REQUIRED)
find_file(FONT_LATIN_BOLD NotoSans-Bold.ttf PATHS /usr/share/fonts/truetype/noto NO_DEFAULT_PATH REQUIRED)
find_file(FONT_CJK NotoSansCJK-Regular.ttc PATHS /usr/share/fonts/opentype/noto NO_DEFAULT_PATH REQUIRED)
find_file(FONT_CJK_BOLD NotoSansCJK-Bold.ttc PATHS /usr/share/fonts/opentype/noto NO_DEFAULT_PATH REQUIRED)
# Icons (globe, yes/no, backspace...) from fonts-material-design-icons-iconfont, merged into the atlas.
find_file(FONT_ICONS MaterialIcons-Regular.ttf PATHS /usr/share/fonts/truetype/material-design-icons-iconfont
          NO_DEFAULT_PATH REQUIRED)
