// The INI configuration (conf/confsched.ini.example documents every key).
// Loaded once at start-up and on SIGHUP by the master; workers get a copy.
#pragma once

#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "auth/login_throttle.h"
#include "config/branding.h"

namespace confsched {

struct ConfigError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Where `cmake --install` put the shared files (templates, static, sql)
// and the configuration: CMAKE_INSTALL_FULL_DATADIR/confsched and
// CMAKE_INSTALL_FULL_SYSCONFDIR/confsched, compiled in. For the Debian
// package (prefix /usr): /usr/share/confsched and /etc/confsched.
std::string installed_data_dir();
std::string installed_config_dir();
// CMAKE_INSTALL_FULL_LOCALEDIR (/usr/share/locale in the package).
std::string installed_locale_dir();

// A language as [site] language names it: two or three lower-case letters,
// optionally "_" and a region ("de", "pt_BR"). It names a folder.
bool valid_language(std::string_view language);

// One node of a Galera cluster, as [database] galera_nodes lists it.
struct DbNode {
  std::string host;
  unsigned int port = 3306;
  bool operator==(const DbNode&) const = default;
};

struct DatabaseConfig {
  std::string host = "localhost";
  unsigned int port = 3306;
  std::string socket = "/run/mysqld/mysqld.sock";
  std::string user = "confsched";
  std::string password;  // resolved from password or password_file
  std::string name = "confsched";
  unsigned int timeout_s = 3;
  // [database] galera_nodes: the nodes of a Galera cluster this server may
  // use, its own (nearest) first. Empty: host and port name one server.
  // Set: they replace host and port; a connection goes to the first node
  // that answers and is synced with the cluster (store/node_choice.h).
  std::vector<DbNode> galera_nodes;
  // [database] node_retry_s: a node that failed is not tried again for
  // this long, and a server away from its first node tries to go back to
  // it this often.
  unsigned int node_retry_s = 5;
};

struct Config {
  std::string file;  // where it was read from
  // The instance this configuration is for ($CONFSCHED_INSTANCE, which
  // `confsched --instance NAME` sets), or "" for the host's one site.
  // /_status names it.
  std::string instance;

  std::string listen = "unix:/run/confsched/fcgi.sock";
  unsigned int socket_mode = 0660;
  unsigned int workers = 0;  // 0: one per core
  std::string template_dir = installed_data_dir() + "/templates";
  std::string static_dir = installed_data_dir() + "/static";
  std::string sql_dir = installed_data_dir() + "/sql";
  // Where the compiled catalogues are: <locale_dir>/<language>/LC_MESSAGES/
  // confsched.mo, as gettext lays them out (po/, CMake's msgfmt step).
  std::string locale_dir = installed_locale_dir();
  // [site] language: the site's language, a catalogue's name ("de"), or
  // "en", the templates' own, which needs none. Its `lang` attribute.
  std::string language = "en";
  unsigned int version_check_ms = 500;
  // "https://conf.example.org": the site's address as the world sees it,
  // for absolute links and iCalendar UIDs in the feeds. Empty: feeds use
  // relative links and a UID domain derived from the secret (feeds/feed_text.h).
  // Never taken from the Host header, since feeds are rendered once and
  // shared by every request.
  std::string public_url;
  // Client addresses (REMOTE_ADDR as the web server passes it) that may
  // read /_status; exact addresses, no ranges. The FastCGI socket is the
  // web server's alone, so REMOTE_ADDR is the address of whoever connected
  // to the web server (behind a further proxy, that proxy's).
  std::vector<std::string> status_allow = {"127.0.0.1", "::1"};

  // The primary: every write, and every staff page's read (so a staff
  // member always sees what they just saved).
  DatabaseConfig database;
  // [replica]: a MariaDB replica (or the local node of a Galera cluster)
  // that workers read delegate data from: the data version, programme,
  // announcements and credentials. Keys it leaves out are [database]'s.
  // Absent: everything reads from [database].
  std::optional<DatabaseConfig> replica;
  // [replica] retry_s: after the replica failed, reads go to the primary
  // for this long before the replica is tried again.
  unsigned int replica_retry_s = 5;

  // [pages]: sessions changed within this many hours carry a "changed"
  // badge on /schedule.
  unsigned int changed_hours = 3;

  // [sync]: the upstream export `confsched sync` keeps the programme in
  // step with (README, "Keeping in step with pretalx or frab"). url ""
  // turns sync off; it must be http://, https:// or file:///.
  struct Sync {
    std::string url;
    unsigned int timeout_s = 30;         // the whole fetch, connection included
    unsigned int max_bytes = 20u << 20;  // a larger body is refused
    bool prune = true;                   // drop sessions upstream dropped (never ones made here)
  } sync;

  std::string secret_file = installed_config_dir() + "/cookie-secret";
  std::string delegate_user = "delegate";
  std::string staff_user = "staff";
  unsigned int session_hours = 168;

  // [login]: brute-force throttling (auth/login_throttle.h) and the cap on
  // concurrent Argon2id verifications across all workers.
  ThrottlePolicy login_throttle;
  // 0: one fewer than the workers (at least 1), so one worker is always
  // free for pages and remembered passwords while wrong ones pour in.
  // The master resolves it before it starts workers.
  unsigned int argon2_slots = 0;

  // [site]: the logo, accent colour and extra stylesheet (config/branding.h),
  // their files already read and checked. Empty: the site looks as shipped,
  // byte for byte.
  SiteBranding site;
};

// Whether `url` may be fetched by sync: http://, https:// or an absolute
// file:/// path, with no control characters or spaces. Pure.
bool sync_url_allowed(std::string_view url);

// "127.0.0.1, ::1 10.0.0.5" as a list of addresses, each checked to be an
// IPv4 or IPv6 address in the form REMOTE_ADDR carries it. Throws
// ConfigError for anything else. Pure.
std::vector<std::string> parse_address_list(const std::string& text);
// "10.0.0.1:3306, db2.example.org, [::1]:3307": host[:port] items separated
// by commas or blanks (port 3306 when left out; an IPv6 address in
// brackets). Throws ConfigError naming the bad item.
std::vector<DbNode> parse_node_list(const std::string& text);

using GetEnv = std::function<const char*(const char*)>;

// Reads the file (over the instance's defaults when get_env names one in
// CONFSCHED_INSTANCE), applies CONFSCHED_DB_* overrides from get_env, resolves
// relative paths against the file's folder and reads password_file.
// Throws ConfigError naming the file, line and key at fault. Unknown
// sections and keys are errors: a typo must not silently fall back to a
// default.
Config load_config(const std::string& path, const GetEnv& get_env);

// The cookie-signing secret from secret_file: at least 32 bytes. Throws
// ConfigError when missing, too short or readable by group or others.
std::string load_secret(const Config& config);

// Where the configuration is looked for when --config is not given:
// $CONFSCHED_CONFIG, else the instance's file ($CONFSCHED_INSTANCE), else
// <config dir>/confsched.ini.
std::string default_config_path(const GetEnv& get_env);

// Several events on one host (README "Several events on one host"): each
// is an instance NAME, with <config dir>/NAME.ini, the units
// confsched@NAME.socket and confsched@NAME.service, and these defaults in
// place of the single site's, so that two instances share nothing unless
// their files say so:
//   [server] listen       unix:/run/confsched/NAME/fcgi.sock
//   [database] name       confsched_NAME
//   [auth] secret_file    <config dir>/NAME.cookie-secret
// A name is 1 to 32 characters of a-z, 0-9 and '_', the first a letter or
// digit: it goes into file and unit names, a database name and nginx zone
// and variable names (which take no '-'). Pure.
bool valid_instance_name(std::string_view name);
// What is wrong with a name valid_instance_name refuses, for messages.
extern const char* const kInstanceNameRule;
// <config dir>/NAME.ini
std::string instance_config_path(std::string_view name);
// The environment variable that names the instance.
inline constexpr const char* kInstanceEnv = "CONFSCHED_INSTANCE";
// What an instance's configuration shares with the host's one site: each
// of [database] name, [auth] secret_file and [server] listen still at the
// single site's default (as a copy of confsched.ini leaves them), as
// "key value". Empty for the single site itself. `confsched check` warns
// of each. Pure.
std::vector<std::string> shared_with_single_site(const Config& config);

// Takes `--config FILE` or `--config=FILE` at args[i] into `path` and
// leaves i on the option's last word; false, with nothing changed, for any
// other word (a `--config` without a file too). confsched and
// confsched-demo read the option alike through it.
bool take_config_option(const std::vector<std::string>& args, size_t& i, std::string& path);
// The same for any option NAME ("--instance") that takes one value.
bool take_option(const std::vector<std::string>& args, size_t& i, std::string_view name,
                 std::string& value);

// load_config with the real environment. On a ConfigError prints
// "<program>: <reason>" to stderr and returns false.
bool load_config_or_report(const std::string& path, Config& out,
                           std::string_view program = "confsched");

}  // namespace confsched
