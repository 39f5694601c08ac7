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
  RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  file(GLOB crashes "${WORK}/artifacts/*")
  message(FATAL_ERROR "${FUZZER} failed (${status}); reproducer: ${crashes}")
endif()
