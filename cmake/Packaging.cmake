# install() rules and Debian packages (CPack components): the kiosk, which the device image
# installs (image/build), and the collector with its systemd unit (docs/deploy-collector.md).
#   cmake -S . -B build-image -G Ninja -DSELFCHECK_INSTALLED_DATA=ON -DCMAKE_INSTALL_PREFIX=/usr
#   ninja -C build-image kiosk kiosk-hash-pin kiosk-wifi && (cd build-image && cpack -G DEB)
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

install(TARGETS collector RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT collector)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/content/ DESTINATION ${SELFCHECK_INSTALL_DATADIR}/content
        COMPONENT collector FILES_MATCHING PATTERN "*.yaml")
install(DIRECTORY ${LOCALES_RES_DIR}/ DESTINATION ${SELFCHECK_INSTALL_DATADIR}/locales
        COMPONENT collector FILES_MATCHING PATTERN "*.res")
install(FILES ${PROJECT_SOURCE_DIR}/server/packaging/selfcheck-collector.service
        DESTINATION lib/systemd/system COMPONENT collector)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME selfcheck)
set(CPACK_PACKAGE_VENDOR "selfcheck project")
set(CPACK_PACKAGE_CONTACT "selfcheck maintainers <maintainers@selfcheck.invalid>")
# The first line of both packages' descriptions (CPackDeb prepends it to each component's).
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Forced-labour self-check for migrant domestic workers in Hong Kong")
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
# By default the kiosk only, as image/build packages it; the collector's package is asked for:
#   cpack -G DEB -D CPACK_COMPONENTS_ALL=collector     (docs/deploy-collector.md)
set(CPACK_COMPONENTS_ALL kiosk)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_STRIP_FILES ON)   # debug info stays in the build tree
set(CPACK_DEBIAN_KIOSK_PACKAGE_NAME selfcheck-kiosk)
set(CPACK_DEBIAN_KIOSK_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_KIOSK_DESCRIPTION "The touchscreen kiosk: the self-assessment in five languages, the results, where to get \
help, and sealed records queued for the NGO's collector.")
# Shared libraries (SDL2, ICU, yaml-cpp, sodium, curl, ...) by dpkg-shlibdeps; the fonts the
# binary names by path; and what SDL loads at run time to show a software-rendered frame in
# a Wayland kiosk compositor (EGL and Mesa's llvmpipe: see image/README.md).
set(CPACK_DEBIAN_KIOSK_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_KIOSK_PACKAGE_DEPENDS "fonts-noto-core, fonts-noto-cjk, fonts-material-design-icons-iconfont")
set(CPACK_DEBIAN_KIOSK_PACKAGE_RECOMMENDS "cage, libegl1, libgles2, libegl-mesa0, libgl1-mesa-dri")
# The collector: its own package, so an NGO server gets no SDL or fonts. The content and
# locales are the same files the kiosk package carries; the two packages conflict there, and a
# machine runs one or the other.
set(CPACK_DEBIAN_COLLECTOR_PACKAGE_NAME selfcheck-collector)
set(CPACK_DEBIAN_COLLECTOR_PACKAGE_SECTION net)
set(CPACK_DEBIAN_COLLECTOR_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_COLLECTOR_PACKAGE_CONFLICTS "selfcheck-kiosk")
set(CPACK_DEBIAN_COLLECTOR_DESCRIPTION "The collector NGOs run: it stores the sealed records kiosks upload (behind \
Caddy or nginx), checks them against the form, and shows protected reports on a dashboard \
and with 'collector report'. Runs as the selfcheck-collector systemd service.")

# A package built from a developer configuration would look for content in the source tree.
set(check_layout "# content and locales are looked up under ${CMAKE_INSTALL_PREFIX}\n")
if(NOT SELFCHECK_INSTALLED_DATA)
  set(check_layout "message(FATAL_ERROR \"configure with -DSELFCHECK_INSTALLED_DATA=ON -DCMAKE_INSTALL_PREFIX=/usr to package\")\n")
endif()
file(WRITE ${PROJECT_BINARY_DIR}/cpack-check-layout.cmake ${check_layout})
set(CPACK_PRE_BUILD_SCRIPTS ${PROJECT_BINARY_DIR}/cpack-check-layout.cmake)
include(CPack)
