# confsched_boost_suites(EXECUTABLE PREFIX LABELS TIMEOUT SOURCES...): one
# ctest test per Boost.Test suite of EXECUTABLE, named PREFIX.<suite>, where
# foo_test.cc holds exactly BOOST_AUTO_TEST_SUITE(foo): a failure names the
# module at fault, suites run in parallel under `ctest -j`, and a misnamed
# suite fails loudly (Boost.Test refuses a --run_test filter that matches
# nothing).
function(confsched_boost_suites executable prefix labels timeout)
  foreach(source IN LISTS ARGN)
    get_filename_component(stem "${source}" NAME_WE)
    string(REGEX REPLACE "_test$" "" suite "${stem}")
    add_test(NAME ${prefix}.${suite}
             COMMAND ${executable} --run_test=${suite} --log_level=test_suite
                     --report_level=short --color_output=no)
    set_tests_properties(${prefix}.${suite} PROPERTIES TIMEOUT ${timeout} LABELS "${labels}")
  endforeach()
endfunction()
