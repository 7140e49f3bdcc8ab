# cxbench_add_test(NAME source.cc LIBS lib...)
# Registers one GoogleTest file, kept beside the module it tests, with ctest.
# Tests run from the source tree so fixtures resolve as tests/fixtures/...
# Tests named in CXBENCH_THREADED_TESTS carry the ctest label "threaded"
# (make test-tsan runs them). The fuzz build registers no unit tests.
function(cxbench_add_test name source)
  cmake_parse_arguments(ARG "" "" "LIBS" ${ARGN})
  if(CXBENCH_FUZZ)
    return()
  endif()
  set(labels "")
  if(name IN_LIST CXBENCH_THREADED_TESTS)
    set(labels LABELS threaded)
  endif()
  add_executable(${name} ${source})
  target_link_libraries(${name} PRIVATE ${ARG_LIBS} GTest::gtest GTest::gtest_main)
  gtest_discover_tests(${name}
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
    DISCOVERY_TIMEOUT 60
    PROPERTIES ENVIRONMENT "CXBENCH_SOURCE_DIR=${PROJECT_SOURCE_DIR}" ${labels})
endfunction()
include(GoogleTest)
