# Unity build of the layers (CONFSCHED_UNITY_BUILD, default ON; issue 15).
#
# Each layer library compiles its .cc files in batches of
# CONFSCHED_UNITY_BUILD_BATCH_SIZE, one generated source per batch
# (CMake's UNITY_BUILD). A TU here spends about half its time parsing the
# same ~45,000 lines of libstdc++ headers (92% of all the lines the compiler
# reads) and the other half optimising the same inline templates
# (std::string, vector, map, function, optional...): a batch does that once
# instead of once per file. A clean Release build of the confsched target
# (quickstart's) takes about 115 s of CPU instead of 225 s; on 2 cores,
# 55 s instead of 120 s (with CMAKE_OPTIMIZE_DEPENDENCIES, CMakeLists.txt).
#
# -DCONFSCHED_UNITY_BUILD=OFF compiles file by file again: what a long
# edit-compile session on one file wants (an edit then recompiles only that
# file, not its batch), and the way to check that every .cc includes what it
# uses (in a batch a missing #include can be hidden by an earlier file's).
#
# A batch is one translation unit: names in anonymous namespaces (and
# `static` ones) of the files in it meet. The files below define such a name
# that another file of their layer defines too (a redefinition error in a
# batch, or an ambiguous name), so they are compiled on their own. A new
# clash shows as "redefinition of ... {anonymous}::..." (or "... is
# ambiguous") in .../Unity/unity_N_cxx.cxx: rename the helper, or add the
# file here.
function(confsched_unity_build target)
  if(CONFSCHED_UNITY_BUILD)
    set_target_properties(${target} PROPERTIES
      UNITY_BUILD ON
      UNITY_BUILD_MODE BATCH
      UNITY_BUILD_BATCH_SIZE ${CONFSCHED_UNITY_BUILD_BATCH_SIZE})
  endif()
endfunction()

set_source_files_properties(
  # auth: kDomain (also csrf.cc's), kMaxTokenLength
  src/auth/device_token.cc
  src/auth/feed_token.cc
  src/auth/session_token.cc
  # model: trimmed() (also announcement_form.cc's)
  src/model/session_form.cc
  src/model/settings_form.cc
  # store: SessionRow (and store/programme_writer.h's), to_stored() (and
  # announcement_store.cc's), AuditValues (and model/history.h's, which an
  # earlier file of the batch includes)
  src/store/programme.cc
  src/store/session_store.cc
  src/store/settings_store.cc
  # import: class Reader (and frab_xml.cc's)
  src/import/schedule_json.cc
  # admin: EditState, render_edit(), save_posted() (and admin_pages.cc's),
  # notice_for() (and display_pages.cc's), kNotSaved
  src/admin/announcement_pages.cc
  src/admin/item_pages.cc
  src/admin/password_page.cc
  src/admin/speaker_pages.cc
  PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)
# (src/config/config.cc is compiled on its own anyway: CMake leaves out of
# a batch every file with COMPILE_DEFINITIONS of its own, cmake/Install.cmake.)
