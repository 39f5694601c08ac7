# shellcheck shell=bash
# Shared helpers for scripts/quickstart and scripts/test. Source it; it sets
# no shell options of its own and runs nothing when sourced.

CONFSCHED_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

# mariadbd and nginx live in /usr/sbin, which a non-login PATH may lack.
case ":$PATH:" in
  *:/usr/sbin:*) ;;
  *) PATH=$PATH:/usr/local/sbin:/usr/sbin:/sbin ;;
esac
export PATH

# The Debian 12 packages, in three lists by what needs them. scripts/quickstart
# installs the first two; scripts/test (and bench/) install all three, as
# CONFSCHED_PACKAGES (install_packages with no arguments).
#
# 1. Building the confsched binary: the compiler and build tools, and the
#    -dev packages of CMakeLists.txt's pkg_check_modules / find_package
#    (fcgi, libmariadb, libctemplate, libargon2, inih, libcmark, zlib,
#    libxml-2.0, libical, libqrencode, libcurl; OpenSSL; nlohmann_json;
#    date), and gettext's msgfmt, which compiles the translations (po/).
CONFSCHED_BUILD_PACKAGES=(
  cmake g++ make pkg-config gettext
  libfcgi-dev libmariadb-dev libctemplate-dev libargon2-dev libssl-dev
  libinih-dev libcmark-dev zlib1g-dev libxml2-dev libical-dev nlohmann-json3-dev
  libhowardhinnant-date-dev libqrencode-dev libcurl4-openssl-dev
)
# 2. Running the demo (scripts/quickstart), beside the binary:
#  - mariadb-server-core gives mariadbd and mariadb-install-db and starts no
#    system service (mariadb-server would); mariadb-client-core gives the
#    mariadb client (quickstart's mysql_root) and my_print_defaults, which
#    mariadb-install-db calls.
#  - nginx: on Debian 12 "nginx-light" is only a transitional package that
#    pulls in "nginx" plus the echo module; nginx itself is built with
#    --with-http_auth_request_module, which conf/nginx/confsched.conf needs.
#  - openssl: `openssl rand` makes the database password and the cookie key;
#    curl: the check that the first page answers 200; tzdata: the event's
#    time zone (src/util/time_zone.cc reads /usr/share/zoneinfo through date/tz; the demo
#    conference is in Europe/London).
CONFSCHED_DEMO_PACKAGES=(
  mariadb-server-core mariadb-client-core
  nginx
  openssl curl tzdata
)
# 3. Only the tests (scripts/test, tests/, bench/), beside the two above:
#  - libboost-test-dev: the unit tests (tests/unit, Boost.Test).
#  - python3: ctest's integration and browser tests (find_package(Python3)
#    when CONFSCHED_INTEGRATION_TESTS is on), tests/summarize.py, bench/.
#  - libxml2-utils (xmllint), python3-icalendar, python3-jsonschema and
#    python3-rfc3987: the feed checks (tests/integration/test_feeds.py).
#  - apache2-bin: Apache's binary and modules without Debian's apache2
#    configuration and service (which would start on port 80), for the
#    tests of conf/apache/confsched.conf; they write their own config and
#    load the modules it needs. media-types gives /etc/mime.types.
#  - mariadb-client: mariadb-dump, which `confsched db backup` runs
#    (test_backup); spawn-fcgi and systemd (systemd-socket-activate,
#    systemd-analyze): the launcher tests (test_activation) and the unit
#    check (test_package); dpkg-dev: dpkg-shlibdeps, which cpack runs for
#    the package's Depends (test_package).
#  - ca-certificates: HTTPS for the browser test's `npm ci` (tests/browser).
# The browser test's own packages are in install_browser_packages; the
# fuzz build's (clang, libclang-rt-14-dev) are named in scripts/test.
CONFSCHED_TEST_PACKAGES=(
  libboost-test-dev
  python3
  libxml2-utils python3-icalendar python3-jsonschema python3-rfc3987
  apache2-bin media-types
  mariadb-client spawn-fcgi systemd dpkg-dev
  ca-certificates
)
# 4. Only the Galera harness (tests/integration/galera.py), not part of
#    CONFSCHED_PACKAGES: galera-4 gives the provider library
#    /usr/lib/galera/libgalera_smm.so; the state-transfer scripts
#    (wsrep_sst_rsync, wsrep_sst_common, wsrep_sst_mariabackup in /usr/bin)
#    ship only in mariadb-server, which also pulls in socat; rsync is what
#    wsrep_sst_rsync runs. mariadb-server would start a system MariaDB
#    service on install: install_cluster_packages prevents that.
CONFSCHED_CLUSTER_PACKAGES=(galera-4 mariadb-server rsync)
# Everything: what scripts/test and bench/ install.
CONFSCHED_PACKAGES=(
  "${CONFSCHED_BUILD_PACKAGES[@]}"
  "${CONFSCHED_DEMO_PACKAGES[@]}"
  "${CONFSCHED_TEST_PACKAGES[@]}"
)

# install_browser_packages: what the browser test (tests/browser) needs:
# Debian's chromium (playwright's own browser download does not work here),
# node + npm for playwright-core and Lighthouse, and Java 17 for the Nu HTML
# Checker (vnu-jar needs 17 or later), and zbar-tools (zbarimg, a QR
# decoder not ours, reads the stars' QR code). nodejs and npm only when the commands
# are missing: a nodejs from elsewhere (NodeSource) bundles its own npm, and
# Debian's npm package would conflict with it.
install_browser_packages() {
  local pkgs=(chromium openjdk-17-jre-headless zbar-tools)
  command -v node >/dev/null 2>&1 || pkgs+=(nodejs)
  command -v npm >/dev/null 2>&1 || pkgs+=(npm)
  install_packages "${pkgs[@]}"
}

# install_cluster_packages: CONFSCHED_CLUSTER_PACKAGES, with service starts
# prevented during the install (Debian's /usr/sbin/policy-rc.d: one that
# exits 101 is written when there is none, and removed afterwards, even when
# the install fails; an existing one is left as it is). Afterwards, a
# mariadbd that the package started all the same (its service's pid file,
# /run/mysqld/mysqld.pid) is stopped by that pid; never by name.
install_cluster_packages() {
  local policy=/usr/sbin/policy-rc.d sudo=() ours=0 rc=0 before pid
  if ((EUID != 0)); then
    command -v sudo >/dev/null 2>&1 || die "installing the cluster packages needs root or sudo"
    sudo=(sudo)
  fi
  before=$(pidfile_pid /run/mysqld/mysqld.pid mariadbd || true)
  if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\n# written by confsched install_cluster_packages: no service starts\nexit 101\n' |
      "${sudo[@]}" tee "$policy" >/dev/null || die "could not write $policy"
    "${sudo[@]}" chmod 755 "$policy"
    ours=1
  fi
  (install_packages "${CONFSCHED_CLUSTER_PACKAGES[@]}") || rc=$?
  if ((ours)); then
    "${sudo[@]}" rm -f "$policy" || log "could not remove $policy"
  fi
  ((rc == 0)) || die "installing the cluster packages failed"
  # A mariadbd started by the install (none should be): stop it by the pid
  # its service wrote, when it was not already running before.
  if pid=$(pidfile_pid /run/mysqld/mysqld.pid mariadbd) && [[ $pid != "$before" ]]; then
    log "the mariadb-server package started a system mariadbd (pid $pid): stopping it"
    if ((EUID == 0)); then
      stop_pid "$pid" "system mariadbd" 60
    else
      sudo kill -TERM "$pid" || true
      # shellcheck disable=SC2016 # $1 is expanded by the inner bash
      wait_for 60 "the system mariadbd to stop" bash -c '! kill -0 "$1" 2>/dev/null' _ "$pid" ||
        sudo kill -KILL "$pid" || true
    fi
  fi
}

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf '[%s] error: %s\n' "$(date +%H:%M:%S)" "$*" >&2; exit 1; }

# Milliseconds since the epoch, for timings.
now_ms() { date +%s%3N; }
# fmt_ms 12345 -> "12.3s"
fmt_ms() { printf '%d.%ds' "$(($1 / 1000))" "$((($1 % 1000) / 100))"; }

# Timings: step_begin NAME ... step_end; timings_report prints them all.
CONFSCHED_STEP_NAMES=()
CONFSCHED_STEP_MS=()
CONFSCHED_STEP_CURRENT=""
CONFSCHED_STEP_T0=0
CONFSCHED_RUN_T0=$(now_ms)
step_begin() {
  step_end
  CONFSCHED_STEP_CURRENT=$1
  CONFSCHED_STEP_T0=$(now_ms)
  log "== $1"
}
step_end() {
  [[ -n $CONFSCHED_STEP_CURRENT ]] || return 0
  CONFSCHED_STEP_NAMES+=("$CONFSCHED_STEP_CURRENT")
  CONFSCHED_STEP_MS+=("$(($(now_ms) - CONFSCHED_STEP_T0))")
  CONFSCHED_STEP_CURRENT=""
}
timings_report() {
  step_end
  local i
  echo "Timings:"
  for i in "${!CONFSCHED_STEP_NAMES[@]}"; do
    printf '  %-22s %8s\n' "${CONFSCHED_STEP_NAMES[$i]}" "$(fmt_ms "${CONFSCHED_STEP_MS[$i]}")"
  done
  printf '  %-22s %8s\n' "total" "$(fmt_ms "$(($(now_ms) - CONFSCHED_RUN_T0))")"
}

# Prints, one a line, those of the named packages that are not installed.
missing_packages() {
  local p status
  for p in "$@"; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    [[ $status == "install ok installed" ]] || printf '%s\n' "$p"
  done
}

# install_packages [PKG...]: installs those of the packages (default: all of
# CONFSCHED_PACKAGES) that are missing. apt-get update runs at most once per
# process, and only when something has to be installed.
CONFSCHED_APT_UPDATED=0
install_packages() {
  (($#)) || set -- "${CONFSCHED_PACKAGES[@]}"
  command -v dpkg-query >/dev/null 2>&1 || die "dpkg-query not found: these scripts expect Debian 12"
  local missing=()
  mapfile -t missing < <(missing_packages "$@")
  if ((${#missing[@]} == 0)); then
    log "all ${#} packages already installed"
    return 0
  fi
  local sudo=()
  if ((EUID != 0)); then
    command -v sudo >/dev/null 2>&1 || die "missing packages (${missing[*]}) and not root; run as root or install sudo"
    sudo=(sudo)
  fi
  log "installing: ${missing[*]}"
  if ((CONFSCHED_APT_UPDATED == 0)); then
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update </dev/null ||
      die "apt-get update failed"
    CONFSCHED_APT_UPDATED=1
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
    "${missing[@]}" </dev/null || die "apt-get install failed"
}

# build_confsched BUILD_DIR BUILD_TYPE [extra cmake args...]
# Configures with -DCONFSCHED_TESTS=ON unless the arguments set it: a build
# folder that scripts/quickstart configured with the tests off (a cached
# OFF) gets them back when scripts/test builds in it.
build_confsched() {
  local dir=$1 type=$2
  shift 2
  local jobs arg tests=(-DCONFSCHED_TESTS=ON) targets=()
  for arg in "$@"; do
    [[ $arg != -DCONFSCHED_TESTS=* && $arg != -DCONFSCHED_TESTS:* ]] || tests=()
  done
  jobs=$(nproc 2>/dev/null || echo 2)
  cmake -S "$CONFSCHED_ROOT" -B "$dir" -DCMAKE_BUILD_TYPE="$type" "${tests[@]}" "$@" ||
    die "cmake configure failed"
  # CONFSCHED_BUILD_TARGETS, a list separated by spaces, narrows the build
  # (quickstart needs only the server and confsched-demo, not the tests).
  read -ra targets <<<"${CONFSCHED_BUILD_TARGETS:-}"
  cmake --build "$dir" -j"$jobs" ${targets[@]+--target "${targets[@]}"} ||
    die "build failed"
}

# start_bg PIDFILE LOGFILE CMD...: starts CMD in a new session, detached from
# the terminal, with stdout+stderr appended to LOGFILE, and writes its pid to
# PIDFILE. The pid is written by the process itself just before it execs CMD,
# so it is exact whether or not setsid had to fork.
start_bg() {
  local pidfile=$1 logfile=$2
  shift 2
  rm -f "$pidfile"
  setsid sh -c 'echo $$ > "$1"; shift; exec "$@"' sh "$pidfile" "$@" \
    </dev/null >>"$logfile" 2>&1 &
  local i
  for ((i = 0; i < 50; i++)); do
    [[ -s $pidfile ]] && break
    sleep 0.1
  done
  [[ -s $pidfile ]] || die "could not start $1 (no pid file $pidfile)"
}

# pid_alive PID: true while the process exists and is not a zombie.
pid_alive() {
  local pid=$1 state
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  [[ -r /proc/$pid/stat ]] || return 1
  state=$(sed -E 's/^.*\) ([A-Za-z]).*$/\1/' "/proc/$pid/stat" 2>/dev/null) || return 1
  [[ $state != Z && $state != X ]]
}

# pidfile_pid PIDFILE NAME: prints the pid recorded in PIDFILE when that
# process is alive and its command line mentions NAME (so a recycled pid is
# never taken for ours); otherwise prints nothing and fails.
pidfile_pid() {
  local pidfile=$1 name=$2 pid
  [[ -s $pidfile ]] || return 1
  pid=$(head -n1 "$pidfile" 2>/dev/null | tr -dc '0-9')
  pid_alive "$pid" || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$name" || return 1
  printf '%s\n' "$pid"
}

# child_pids PID: direct children of PID.
child_pids() {
  cat /proc/"$1"/task/*/children 2>/dev/null | tr ' ' '\n' | grep -E '^[0-9]+$' || true
}

# stop_pid PID LABEL TIMEOUT_S: SIGTERM, wait up to TIMEOUT_S for it to go,
# then SIGKILL. Children that the process leaves behind (its workers) are
# given the same treatment, by their own pids.
stop_pid() {
  local pid=$1 label=$2 timeout=$3 i kids=() k
  pid_alive "$pid" || return 0
  mapfile -t kids < <(child_pids "$pid")
  log "stopping $label (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < timeout * 10; i++)); do
    pid_alive "$pid" || break
    sleep 0.1
  done
  if pid_alive "$pid"; then
    log "$label (pid $pid) still running after ${timeout}s: SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do
      pid_alive "$pid" || break
      sleep 0.1
    done
  fi
  for k in "${kids[@]}"; do
    for ((i = 0; i < 30; i++)); do
      pid_alive "$k" || break
      sleep 0.1
    done
    if pid_alive "$k"; then
      log "$label child $k left behind: SIGKILL"
      kill -KILL "$k" 2>/dev/null || true
    fi
  done
}

# stop_pidfile PIDFILE NAME LABEL TIMEOUT_S
stop_pidfile() {
  local pidfile=$1 name=$2 label=$3 timeout=$4 pid
  if pid=$(pidfile_pid "$pidfile" "$name"); then
    stop_pid "$pid" "$label" "$timeout"
  fi
  rm -f "$pidfile"
}

# wait_for TIMEOUT_S DESCRIPTION CMD...: runs CMD every 0.2 s until it
# succeeds or the time is up.
wait_for() {
  local timeout=$1 what=$2 deadline
  shift 2
  deadline=$(($(now_ms) + timeout * 1000))
  while (($(now_ms) < deadline)); do
    "$@" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  log "timed out after ${timeout}s waiting for $what"
  return 1
}

# port_in_use PORT: something accepts connections on 127.0.0.1:PORT.
port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# render_nginx_site SRC DEST FCGI_SOCKET STATIC_DIR CACHE_DIR LISTEN LOG_DIR
# Copies conf/nginx/confsched.conf replacing only the install paths and the
# listen line (LISTEN is e.g. "127.0.0.1:8080"); /var/log/nginx/access.log
# becomes LOG_DIR/nginx-access.log. Fails when one of the expected strings
# is no longer in the file, rather than render a site that silently points
# at the system paths.
render_nginx_site() {
  local src=$1 dest=$2 sock=$3 static=$4 cache=$5 listen=$6 logdir=$7 s
  for s in '/run/confsched/fcgi.sock' '/usr/share/confsched/static' '/var/cache/nginx/' \
    '/var/log/nginx/' 'listen 80;'; do
    grep -qF -- "$s" "$src" || die "$src no longer contains '$s'; update render_nginx_site"
  done
  # '|' cannot occur in these paths (checked by the caller's layout), and
  # sed replacement specials are escaped.
  local esc_sock esc_static esc_cache esc_log
  esc_sock=$(printf '%s' "$sock" | sed 's/[&|\\]/\\&/g')
  esc_static=$(printf '%s' "$static" | sed 's/[&|\\]/\\&/g')
  esc_cache=$(printf '%s' "${cache%/}/" | sed 's/[&|\\]/\\&/g')
  esc_log=$(printf '%s' "${logdir%/}/nginx-" | sed 's/[&|\\]/\\&/g')
  sed -e "s|/run/confsched/fcgi\.sock|$esc_sock|g" \
    -e "s|/usr/share/confsched/static|$esc_static|g" \
    -e "s|/var/cache/nginx/|$esc_cache|g" \
    -e "s|/var/log/nginx/|$esc_log|g" \
    -e "s|listen 80;|listen $listen;|" \
    "$src" >"$dest.tmp" || die "could not render $dest"
  mv -f "$dest.tmp" "$dest"
}
