# Every library of the project is one folder, declared with selfcheck_library() in that
# folder's CMakeLists.txt. Headers are included by their path from the repository root
# ("kiosk/core/session.h", "protocol/record/record.h") through an include view: a directory
# in the build tree holding a link to that one folder only. A target therefore sees the
# headers of the targets it links, and no others: a folder can include only what it links.
#
#   selfcheck_library(NAME name SOURCES a.cpp ... [PUBLIC lib ...] [PRIVATE lib ...])
#   selfcheck_expose_folder(target folder)   # the same view for any target (tests, tools)

function(selfcheck_expose_folder TARGET FOLDER)
  file(RELATIVE_PATH relative ${PROJECT_SOURCE_DIR} ${FOLDER})
  set(view ${PROJECT_BINARY_DIR}/include-views/${TARGET})
  get_filename_component(parent ${view}/${relative} DIRECTORY)
  file(MAKE_DIRECTORY ${parent})
  if(NOT EXISTS ${view}/${relative})
    file(CREATE_LINK ${FOLDER} ${view}/${relative} SYMBOLIC)
  endif()
  get_target_property(type ${TARGET} TYPE)
  if(type STREQUAL "INTERFACE_LIBRARY")
    target_include_directories(${TARGET} INTERFACE ${view})
  elseif(type STREQUAL "EXECUTABLE")
    target_include_directories(${TARGET} PRIVATE ${view})
  else()
    target_include_directories(${TARGET} PUBLIC ${view})
  endif()
endfunction()

function(selfcheck_library)
  cmake_parse_arguments(L "" "NAME" "SOURCES;PUBLIC;PRIVATE" ${ARGN})
  add_library(${L_NAME} STATIC ${L_SOURCES})
  selfcheck_expose_folder(${L_NAME} ${CMAKE_CURRENT_SOURCE_DIR})
  target_link_libraries(${L_NAME} PUBLIC ${L_PUBLIC} PRIVATE project_options ${L_PRIVATE})
endfunction()
