# Compiles the ICU resource bundles in locales/ with genrb at build time. The kiosk and the
# content tool load them from ${LOCALES_RES_DIR} (ICU's ResourceBundle with fallback).
file(GLOB LOCALE_SOURCES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/locales/*.txt)
set(LOCALES_RES_DIR ${PROJECT_BINARY_DIR}/locales)
set(LOCALE_OUTPUTS "")
foreach(src ${LOCALE_SOURCES})
  get_filename_component(name ${src} NAME_WE)
  list(APPEND LOCALE_OUTPUTS ${LOCALES_RES_DIR}/${name}.res)
endforeach()
add_custom_command(
  OUTPUT ${LOCALE_OUTPUTS}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${LOCALES_RES_DIR}
  COMMAND ${GENRB_EXECUTABLE} -q -e UTF-8 -d ${LOCALES_RES_DIR} ${LOCALE_SOURCES}
  DEPENDS ${LOCALE_SOURCES}
  COMMENT "Compiling ICU resource bundles (genrb)")
add_custom_target(locales ALL DEPENDS ${LOCALE_OUTPUTS})
