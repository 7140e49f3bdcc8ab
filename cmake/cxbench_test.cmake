# cxbench_add_test(NAME source.cc LIBS lib...)
# Registers one GoogleTest file, kept beside the module it tests, with ctest.
# Tests run from the source tree so fixtures resolve as tests/fixtures/...
function(cxbench_add_test name source)
  cmake_parse_arguments(ARG "" "" "LIBS" ${ARGN})
  add_executable(${name} ${source})
  target_link_libraries(${name} PRIVATE ${ARG_LIBS} GTest::gtest GTest::gtest_main)
  gtest_discover_tests(${name}
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
    DISCOVERY_TIMEOUT 60
    PROPERTIES ENVIRONMENT "CXBENCH_SOURCE_DIR=${PROJECT_SOURCE_DIR}")
endfunction()
include(GoogleTest)
