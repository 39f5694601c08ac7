# `cmake --install` and the Debian package (CPack). Layout (GNUInstallDirs;
# the package uses prefix /usr):
#   bin/confsched, bin/confsched-demo (loads the demo conference)
#   share/confsched/{templates,static,sql}   found by default (compiled in)
#   <sysconfdir>/confsched/confsched.ini     from conf/confsched.ini.example
#   <sysconfdir>/confsched/{nginx,apache}/confsched.conf   web server sites
#   lib/systemd/system/confsched.{service,socket}, confsched@.{service,socket}
#   lib/systemd/system/confsched-sync{,@}.{service,timer}
#   share/confsched/instance/{nginx,apache}/confsched@.conf  sites per instance
#   share/doc/confsched/README.md, confsched.ini.example
# For prefix /usr, <sysconfdir> is /etc (GNUInstallDirs' special case).
include(GNUInstallDirs)

set(CONFSCHED_DATA_DIR "${CMAKE_INSTALL_FULL_DATADIR}/confsched")
set(CONFSCHED_CONFIG_DIR "${CMAKE_INSTALL_FULL_SYSCONFDIR}/confsched")
set(CONFSCHED_SYSTEMD_UNIT_DIR "lib/systemd/system"
    CACHE STRING "Where the systemd units go, relative to the prefix")

set_property(SOURCE src/config/config.cc APPEND PROPERTY COMPILE_DEFINITIONS
             CONFSCHED_DATA_DIR="${CONFSCHED_DATA_DIR}"
             CONFSCHED_CONFIG_DIR="${CONFSCHED_CONFIG_DIR}"
             CONFSCHED_LOCALE_DIR="${CMAKE_INSTALL_FULL_LOCALEDIR}")

install(TARGETS confsched confsched-demo RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY templates/ DESTINATION ${CMAKE_INSTALL_DATADIR}/confsched/templates
        FILES_MATCHING PATTERN "*.tpl" PATTERN "static" EXCLUDE)
install(DIRECTORY templates/static/ DESTINATION ${CMAKE_INSTALL_DATADIR}/confsched/static)
install(DIRECTORY sql/ DESTINATION ${CMAKE_INSTALL_DATADIR}/confsched/sql
        FILES_MATCHING PATTERN "*.sql")
install(FILES README.md conf/confsched.ini.example DESTINATION ${CMAKE_INSTALL_DOCDIR})

# Configuration. In the package these are conffiles (dpkg keeps an admin's
# edits across upgrades); a plain `cmake --install` never overwrites one
# that exists, so reinstalling keeps the admin's settings.
set(confsched_config_files
    "conf/confsched.ini.example|confsched.ini"
    "conf/nginx/confsched.conf|nginx/confsched.conf")
# conf/apache is written separately; shipped when it is there.
if(EXISTS "${PROJECT_SOURCE_DIR}/conf/apache/confsched.conf")
  list(APPEND confsched_config_files "conf/apache/confsched.conf|apache/confsched.conf")
endif()
set(confsched_conffiles "")
foreach(entry IN LISTS confsched_config_files)
  string(REPLACE "|" ";" pair "${entry}")
  list(GET pair 0 source)
  list(GET pair 1 target)
  set(dest "${CONFSCHED_CONFIG_DIR}/${target}")
  get_filename_component(dest_dir "${dest}" DIRECTORY)
  get_filename_component(dest_name "${dest}" NAME)
  string(APPEND confsched_conffiles "${dest}\n")
  install(CODE "
    if(EXISTS \"\$ENV{DESTDIR}${dest}\")
      message(STATUS \"Kept (exists): \$ENV{DESTDIR}${dest}\")
    else()
      # file(INSTALL) puts DESTDIR in front by itself.
      file(INSTALL \"${PROJECT_SOURCE_DIR}/${source}\" DESTINATION \"${dest_dir}\"
           RENAME \"${dest_name}\")
    endif()")
endforeach()

# The shipped nginx site keeps its caches under /var/cache/nginx, which
# Debian's nginx does not make (nginx makes the last level only, and
# `nginx -t` fails without it: found by scripts/check-deb-chroot).
install(DIRECTORY DESTINATION ${CMAKE_INSTALL_FULL_LOCALSTATEDIR}/cache/nginx)

# The units: confsched.{socket,service} for a host's one site, and the
# templates confsched@.{socket,service} for several events on one host
# (README "Several events on one host"), each pair made from the same file
# so that the hardening cannot drift apart.
function(confsched_systemd_units file unit shown described note config_args socket_path)
  set(CONFSCHED_UNIT "${unit}")
  set(CONFSCHED_UNIT_SHOWN "${shown}")
  set(CONFSCHED_UNIT_DESCRIBED "${described}")
  set(CONFSCHED_UNIT_NOTE "${note}")
  set(CONFSCHED_UNIT_CONFIG_ARGS "${config_args}")
  set(CONFSCHED_UNIT_SOCKET "${socket_path}")
  foreach(kind service socket)
    configure_file(conf/systemd/confsched.${kind}.in
                   ${PROJECT_BINARY_DIR}/systemd/${file}.${kind} @ONLY)
    install(FILES ${PROJECT_BINARY_DIR}/systemd/${file}.${kind}
            DESTINATION ${CONFSCHED_SYSTEMD_UNIT_DIR})
  endforeach()
endfunction()
confsched_systemd_units(confsched confsched confsched "" ""
                        "--config ${CONFSCHED_CONFIG_DIR}/confsched.ini" /run/confsched/fcgi.sock)
confsched_systemd_units(confsched@ confsched@%i confsched@NAME ", instance %i"
                        "\n# A template: confsched@NAME.socket and confsched@NAME.service run the\n\
# instance NAME, configured in ${CONFSCHED_CONFIG_DIR}/NAME.ini."
                        "--instance %i" /run/confsched/%i/fcgi.sock)

# The per-instance web server sites, made from the shipped ones at configure
# time: every name nginx keeps for the whole http {} context (cache zones,
# maps' variables, the upstream, the login limit's zone, the log format)
# gets the instance's name in it, as do the socket and the cache folders,
# so that several sites load side by side and share no cache. The template
# says @INSTANCE@ where the name goes and @SERVER_NAME@ for its host name
# (README "Several events on one host": one sed renders it).
# tests/integration/test_instances.py runs two side by side in one nginx.
function(confsched_instance_site source target)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/${source})
  file(READ ${PROJECT_SOURCE_DIR}/${source} site)
  string(REPLACE "/run/confsched/fcgi.sock" "/run/confsched/@INSTANCE@/fcgi.sock" site "${site}")
  string(REPLACE "/var/cache/nginx/confsched-" "/var/cache/nginx/confsched-@INSTANCE@-" site
         "${site}")
  # nginx names: confsched_ after anything that cannot be part of a word,
  # a path or a URI (so /_confsched_auth and $upstream_http_x_confsched_...
  # stay as they are).
  string(REGEX REPLACE "([^A-Za-z0-9_/-])confsched_([a-z])" "\\1confsched_@INSTANCE@_\\2" site
         "${site}")
  # ... but not the names of cookies the app sets (confsched_device=): the
  # app's, the same for every instance (each on its own host name).
  string(REGEX REPLACE "confsched_@INSTANCE@_([a-z_]+)=" "confsched_\\1=" site "${site}")
  # Each instance answers its own host name (two servers named "_" on one
  # port: nginx ignores the second).
  string(REPLACE "server_name _;" "server_name @SERVER_NAME@;" site "${site}")
  string(REPLACE "ServerName confsched.example.org" "ServerName @SERVER_NAME@" site "${site}")
  # Apache: mod_proxy's worker name, so the sites' workers stay apart.
  string(REPLACE "fcgi://confsched-app/" "fcgi://confsched-@INSTANCE@/" site "${site}")
  file(WRITE ${PROJECT_BINARY_DIR}/${target}
       "# One of several events on this host (README \"Several events on one host\"):\n\
# ${source} with the instance's name for @INSTANCE@ in its socket, cache\n\
# folders and http-level names, made by cmake/Install.cmake; the README\n\
# renders it with one sed, @SERVER_NAME@ too.\n\n${site}")
endfunction()
confsched_instance_site(conf/nginx/confsched.conf instance/nginx/confsched@.conf)
if(EXISTS "${PROJECT_SOURCE_DIR}/conf/apache/confsched.conf")
  confsched_instance_site(conf/apache/confsched.conf instance/apache/confsched@.conf)
endif()
install(DIRECTORY ${PROJECT_BINARY_DIR}/instance/ DESTINATION ${CMAKE_INSTALL_DATADIR}/confsched/instance)

# `confsched sync` every 3 minutes (README "Keeping in step with pretalx or
# frab"), for the one site and as a template per instance; enabled by the
# admin, not the package.
function(confsched_sync_units file described config_args)
  set(CONFSCHED_SYNC_DESCRIBED "${described}")
  set(CONFSCHED_SYNC_CONFIG_ARGS "${config_args}")
  configure_file(conf/systemd/confsched-sync.service.in
                 ${PROJECT_BINARY_DIR}/systemd/${file}.service @ONLY)
  configure_file(conf/systemd/confsched-sync.timer.in ${PROJECT_BINARY_DIR}/systemd/${file}.timer
                 @ONLY)
  install(FILES ${PROJECT_BINARY_DIR}/systemd/${file}.service
                ${PROJECT_BINARY_DIR}/systemd/${file}.timer
          DESTINATION ${CONFSCHED_SYSTEMD_UNIT_DIR})
endfunction()
confsched_sync_units(confsched-sync "" "--config ${CONFSCHED_CONFIG_DIR}/confsched.ini")
confsched_sync_units(confsched-sync@ ", instance %i" "--instance %i")

# ---------------------------------------------------------------- Debian package
# `cpack -G DEB` in the build folder (or `cmake --build build --target package`)
# makes confsched_<version>_<arch>.deb. Depends come from dpkg-shlibdeps
# (the libraries the binaries link) plus what the maintainer scripts and the
# commands use.
file(WRITE ${PROJECT_BINARY_DIR}/debian/conffiles "${confsched_conffiles}")
foreach(script postinst prerm postrm)
  configure_file(packaging/debian/${script}.in ${PROJECT_BINARY_DIR}/debian/${script} @ONLY)
endforeach()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME confsched)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "confsched maintainers <confsched@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "conference website served over FastCGI from MariaDB")
set(CPACK_PACKAGE_DESCRIPTION
    "A conference's public landing page and full schedule behind one shared\n\
delegate login, with staff editing, feeds and room displays, served by a C++\n\
FastCGI application behind nginx or Apache.")
# The paths compiled into the binaries follow the configured prefix, so the
# package is made from a build configured with -DCMAKE_INSTALL_PREFIX=/usr
# (packaging/check-prefix.cmake refuses any other). DESTDIR staging keeps
# the absolute /etc paths inside the package.
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
set(CPACK_SET_DESTDIR ON)
set(CPACK_PROJECT_CONFIG_FILE ${PROJECT_SOURCE_DIR}/packaging/check-prefix.cmake)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION web)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# adduser: postinst; tzdata: the event's time zone (src/util/time_zone.cc);
# mariadb-client: `confsched db backup/restore` (mariadb-dump, mariadb).
set(CPACK_DEBIAN_PACKAGE_DEPENDS "adduser, tzdata, mariadb-client")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "nginx | apache2, mariadb-server")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    "${PROJECT_BINARY_DIR}/debian/conffiles;${PROJECT_BINARY_DIR}/debian/postinst;\
${PROJECT_BINARY_DIR}/debian/prerm;${PROJECT_BINARY_DIR}/debian/postrm")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
