# Runs one fuzz target briefly on a scratch copy of its seed corpus.
# Called by ctest: cmake -DFUZZER=... -DSEEDS=... -DWORK=... -DRUNS=...
# -DSECONDS=... -P run_fuzzer.cmake
foreach(var FUZZER SEEDS WORK RUNS SECONDS)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "run_fuzzer.cmake: ${var} not set")
  endif()
endforeach()

file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}/corpus" "${WORK}/artifacts")
file(GLOB seeds "${SEEDS}/*")
if(NOT seeds)
  message(FATAL_ERROR "no seed inputs in ${SEEDS}")
endif()
file(COPY ${seeds} DESTINATION "${WORK}/corpus")

execute_process(
  COMMAND "${FUZZER}" -runs=${RUNS} -max_total_time=${SECONDS} -timeout=10 -rss_limit_mb=2048
          -print_final_stats=1 "-artifact_prefix=${WORK}/artifacts/" "${WORK}/corpus"
  WORKING_DIRECTORY "${WORK}"
  RESULT_VARIABLE status
  OUTPUT_VARIABLE fuzz_output
  ERROR_VARIABLE fuzz_output)
message("${fuzz_output}")
# One line of figures per target beside its work folder, for scripts/test's
# closing summary: how many inputs ran, in how long, from how many seeds.
get_filename_component(target "${WORK}" NAME)
string(REGEX MATCH "stat::number_of_executed_units: +([0-9]+)" _ "${fuzz_output}")
set(executions "${CMAKE_MATCH_1}")
string(REGEX MATCH "stat::peak_rss_mb: +([0-9]+)" _ "${fuzz_output}")
set(peak_rss "${CMAKE_MATCH_1}")
list(LENGTH seeds seed_count)
file(GLOB corpus_now "${WORK}/corpus/*")
list(LENGTH corpus_now corpus_count)
file(WRITE "${WORK}.summary"
     "fuzz ${target}: ${executions} executions in at most ${SECONDS} s, corpus ${seed_count} seeds -> ${corpus_count} inputs, peak RSS ${peak_rss} MB, exit ${status}\n")
if(NOT status EQUAL 0)
  file(GLOB crashes "${WORK}/artifacts/*")
  message(FATAL_ERROR "${FUZZER} failed (${status}); reproducer: ${crashes}")
endif()
