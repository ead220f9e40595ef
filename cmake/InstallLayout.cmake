# Where the kiosk looks for its form content, compiled locales and read-aloud clips by
# default (the --content/--locales flags still override). Recorded clips live in
# assets/audio, machine-voice clips are made by the build (cmake/AudioClips.cmake). A developer build reads them from the source
# and build trees; a packaged build (the .deb the device image installs) from the install
# prefix:
#   cmake -S . -B build-image -DSELFCHECK_INSTALLED_DATA=ON -DCMAKE_INSTALL_PREFIX=/usr
# Fonts need no such switch: they are found at the paths Debian's font packages use, which
# are the same on the build machine and on the device (cmake/Dependencies.cmake).
include(GNUInstallDirs)
option(SELFCHECK_INSTALLED_DATA "Look for content and locales under the install prefix (for packages)" OFF)
set(SELFCHECK_INSTALL_DATADIR ${CMAKE_INSTALL_DATADIR}/selfcheck)
set(AUDIO_CLIPS_DIR ${PROJECT_BINARY_DIR}/audio)   # the build's machine-voice clips, by locale
if(SELFCHECK_INSTALLED_DATA)
  set(SELFCHECK_CONTENT_DIR ${CMAKE_INSTALL_FULL_DATADIR}/selfcheck/content)
  set(SELFCHECK_LOCALES_DIR ${CMAKE_INSTALL_FULL_DATADIR}/selfcheck/locales)
  set(SELFCHECK_RECORDED_AUDIO_DIR ${CMAKE_INSTALL_FULL_DATADIR}/selfcheck/audio/recorded)
  set(SELFCHECK_SYNTHESISED_AUDIO_DIR ${CMAKE_INSTALL_FULL_DATADIR}/selfcheck/audio/synthesised)
else()
  set(SELFCHECK_CONTENT_DIR ${PROJECT_SOURCE_DIR}/content)
  set(SELFCHECK_LOCALES_DIR ${LOCALES_RES_DIR})
  set(SELFCHECK_RECORDED_AUDIO_DIR ${PROJECT_SOURCE_DIR}/assets/audio)
  set(SELFCHECK_SYNTHESISED_AUDIO_DIR ${AUDIO_CLIPS_DIR})
endif()

# The one place programs learn those defaults: link `default_data_dirs` and the paths
# arrive as SELFCHECK_DEFAULT_CONTENT_DIR, SELFCHECK_DEFAULT_LOCALES_DIR (after the locales
# are compiled) and the read-aloud clips' SELFCHECK_DEFAULT_RECORDED_AUDIO_DIR and
# SELFCHECK_DEFAULT_SYNTHESISED_AUDIO_DIR.
add_library(default_data_dirs INTERFACE)
target_compile_definitions(default_data_dirs INTERFACE
  SELFCHECK_DEFAULT_CONTENT_DIR="${SELFCHECK_CONTENT_DIR}"
  SELFCHECK_DEFAULT_LOCALES_DIR="${SELFCHECK_LOCALES_DIR}"
  SELFCHECK_DEFAULT_RECORDED_AUDIO_DIR="${SELFCHECK_RECORDED_AUDIO_DIR}"
  SELFCHECK_DEFAULT_SYNTHESISED_AUDIO_DIR="${SELFCHECK_SYNTHESISED_AUDIO_DIR}")
