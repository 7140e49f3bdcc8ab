# Tests are built only with CXBENCH_TESTS=ON (the dev, ci and tsan presets;
# make test and make test-fast): a release build (make demo) compiles no test.
#
# Every test carries one ctest label of what it needs (make test-fast runs
# "unit" only):
#   unit     a GoogleTest file, no process of its own to start
#   e2e      a script driving the cxbench command (a *.sh test)
#   browser  the web app in Chromium (needs the front end built: make web)
# plus "threaded" for the tests named in CXBENCH_THREADED_TESTS (make
# test-tsan runs them) and "fuzz" for fuzz/ (its own function there).

# cxbench_add_test(NAME source.cc LIBS lib...)
# Registers one GoogleTest file, kept beside the module it tests, with ctest.
# Tests run from the source tree so fixtures resolve as tests/fixtures/...
# The fuzz build registers no unit tests.
function(cxbench_add_test name source)
  cmake_parse_arguments(ARG "" "" "LIBS" ${ARGN})
  if(CXBENCH_FUZZ OR NOT CXBENCH_TESTS)
    return()
  endif()
  set(labels unit)
  if(name IN_LIST CXBENCH_THREADED_TESTS)
    list(APPEND labels threaded)
  endif()
  add_executable(${name} ${source})
  target_link_libraries(${name} PRIVATE ${ARG_LIBS} GTest::gtest GTest::gtest_main)
  gtest_discover_tests(${name}
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
    DISCOVERY_TIMEOUT 60
    PROPERTIES ENVIRONMENT "CXBENCH_SOURCE_DIR=${PROJECT_SOURCE_DIR}")
  # The labels are set by a file ctest reads after the discovered tests
  # (${name}_TESTS lists them): gtest_discover_tests flattens its PROPERTIES,
  # so "LABELS unit;threaded" would lose the second label.
  set(label_file ${CMAKE_CURRENT_BINARY_DIR}/${name}_labels.cmake)
  file(WRITE ${label_file}
       "if(DEFINED ${name}_TESTS)\n"
       "  set_tests_properties(\${${name}_TESTS} PROPERTIES LABELS \"${labels}\")\n"
       "endif()\n")
  set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES ${label_file})
endfunction()

# cxbench_add_command_test(NAME LABEL e2e|browser COMMAND arg... [ENV VAR=value...]
#                          [WORKING_DIRECTORY dir] [TIMEOUT seconds])
# A test that runs the built cxbench command (CXBENCH= its path) through a
# script; from the source tree unless WORKING_DIRECTORY says otherwise.
function(cxbench_add_command_test name)
  cmake_parse_arguments(ARG "" "LABEL;WORKING_DIRECTORY;TIMEOUT" "COMMAND;ENV" ${ARGN})
  if(CXBENCH_FUZZ OR NOT CXBENCH_TESTS)
    return()
  endif()
  if(NOT ARG_WORKING_DIRECTORY)
    set(ARG_WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  endif()
  add_test(NAME ${name}
           COMMAND ${CMAKE_COMMAND} -E env CXBENCH=$<TARGET_FILE:cxbench> ${ARG_ENV} ${ARG_COMMAND}
           WORKING_DIRECTORY ${ARG_WORKING_DIRECTORY})
  set_tests_properties(${name} PROPERTIES LABELS ${ARG_LABEL})
  if(ARG_TIMEOUT)
    set_tests_properties(${name} PROPERTIES TIMEOUT ${ARG_TIMEOUT})
  endif()
endfunction()
