# One helper adds a Catch2 test executable and registers each of its test cases with CTest,
# carrying the labels that let a part be run alone (ctest -L unit, -L ui, -L sync, ...).
find_package(Catch2 2.13 REQUIRED)

# The long runs (UI walks, PostgreSQL, load, fuzz, the browser, benchmarks) are built and run
# once, in the normal build; a sanitizer build keeps to the logic they exercise, which the
# unit, content, sync, fault and crash tests already cover, so CI stays within its time.
if(SELFCHECK_SANITIZE)
  set(SELFCHECK_LONG_TESTS OFF)
else()
  set(SELFCHECK_LONG_TESTS ON)
endif()
include(Catch)

# selfcheck_add_test(NAME name SOURCES a.cpp b.cpp LIBS lib... LABELS unit ... [TIMEOUT s] [COST n])
# COST: CTest starts costlier tests first, so a long one that mostly waits (a simulated slow
# link) overlaps the rest of the suite instead of trailing it.
function(selfcheck_add_test)
  cmake_parse_arguments(T "" "NAME;TIMEOUT;COST" "SOURCES;LIBS;LABELS" ${ARGN})
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 120)
  endif()
  if(NOT T_COST)
    set(T_COST 0)
  endif()
  add_executable(${T_NAME} ${T_SOURCES})
  target_link_libraries(${T_NAME} PRIVATE catch2_main test_support project_options ${T_LIBS})
  selfcheck_expose_folder(${T_NAME} ${CMAKE_CURRENT_SOURCE_DIR})  # the area's own helper headers
  catch_discover_tests(${T_NAME}
    TEST_PREFIX "${T_NAME}: "
    PROPERTIES TIMEOUT ${T_TIMEOUT} COST ${T_COST})
  # The labels are set by a file CTest reads after Catch's list of the cases: Catch's discovery
  # flattens the properties it is given, so a second label ("LABELS unit fault") would become
  # a property name of its own and be lost.
  set(labels_file "${CMAKE_CURRENT_BINARY_DIR}/${T_NAME}_labels.cmake")
  file(WRITE "${labels_file}"
    "if(${T_NAME}_TESTS)\n  set_tests_properties(\${${T_NAME}_TESTS} PROPERTIES LABELS \"${T_LABELS}\")\nendif()\n")
  set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES "${labels_file}")
endfunction()
