# install() rules and a Debian package of the kiosk (CPack), which the device image
# installs (image/build). Only the kiosk component is packaged for now; the collector can get
# its own component later.
#   cmake -S . -B build-image -G Ninja -DSELFCHECK_INSTALLED_DATA=ON -DCMAKE_INSTALL_PREFIX=/usr
#   ninja -C build-image kiosk kiosk-hash-pin && (cd build-image && cpack -G DEB)
# (building kiosk makes the read-aloud clips too: cmake/AudioClips.cmake)
install(TARGETS kiosk kiosk-hash-pin kiosk-wifi RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT kiosk)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/content/ DESTINATION ${SELFCHECK_INSTALL_DATADIR}/content
        COMPONENT kiosk FILES_MATCHING PATTERN "*.yaml")
install(DIRECTORY ${LOCALES_RES_DIR}/ DESTINATION ${SELFCHECK_INSTALL_DATADIR}/locales
        COMPONENT kiosk FILES_MATCHING PATTERN "*.res")
# Read-aloud clips (cmake/AudioClips.cmake): the NGO's recordings and the build's machine
# voice, each locale beside the texts.tsv that says what its clips say.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/assets/audio/ DESTINATION ${SELFCHECK_INSTALL_DATADIR}/audio/recorded
        COMPONENT kiosk FILES_MATCHING PATTERN "*.ogg" PATTERN "*.flac" PATTERN "*.wav" PATTERN "*.opus"
        PATTERN "texts.tsv")
install(DIRECTORY ${AUDIO_CLIPS_DIR}/ DESTINATION ${SELFCHECK_INSTALL_DATADIR}/audio/synthesised
        COMPONENT kiosk FILES_MATCHING PATTERN "*.ogg" PATTERN "texts.tsv")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME selfcheck)
set(CPACK_PACKAGE_VENDOR "selfcheck project")
set(CPACK_PACKAGE_CONTACT "selfcheck maintainers <maintainers@selfcheck.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Touchscreen self-assessment kiosk for migrant domestic workers")
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
set(CPACK_COMPONENTS_ALL kiosk)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_STRIP_FILES ON)   # debug info stays in the build tree
set(CPACK_DEBIAN_KIOSK_PACKAGE_NAME selfcheck-kiosk)
set(CPACK_DEBIAN_KIOSK_PACKAGE_SECTION misc)
# Shared libraries (SDL2, ICU, yaml-cpp, sodium, curl, ...) by dpkg-shlibdeps; the fonts the
# binary names by path; and what SDL loads at run time to show a software-rendered frame in
# a Wayland kiosk compositor (EGL and Mesa's llvmpipe: see image/README.md).
set(CPACK_DEBIAN_KIOSK_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_KIOSK_PACKAGE_DEPENDS "fonts-noto-core, fonts-noto-cjk")
set(CPACK_DEBIAN_KIOSK_PACKAGE_RECOMMENDS "cage, libegl1, libgles2, libegl-mesa0, libgl1-mesa-dri")

# A package built from a developer configuration would look for content in the source tree.
set(check_layout "# content and locales are looked up under ${CMAKE_INSTALL_PREFIX}\n")
if(NOT SELFCHECK_INSTALLED_DATA)
  set(check_layout "message(FATAL_ERROR \"configure with -DSELFCHECK_INSTALLED_DATA=ON -DCMAKE_INSTALL_PREFIX=/usr to package\")\n")
endif()
file(WRITE ${PROJECT_BINARY_DIR}/cpack-check-layout.cmake ${check_layout})
set(CPACK_PRE_BUILD_SCRIPTS ${PROJECT_BINARY_DIR}/cpack-check-layout.cmake)
include(CPack)
