#include "config/config.h"

#include <arpa/inet.h>
#include <ini.h>
#include <sys/stat.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <utility>
#include <vector>

#include "util/files.h"

// cmake/Install.cmake defines these for this file from GNUInstallDirs; a build
// that compiles it elsewhere (the fuzz targets) gets the Debian layout.
#ifndef CONFSCHED_DATA_DIR
#define CONFSCHED_DATA_DIR "/usr/share/confsched"
#endif
#ifndef CONFSCHED_CONFIG_DIR
#define CONFSCHED_CONFIG_DIR "/etc/confsched"
#endif
#ifndef CONFSCHED_LOCALE_DIR
#define CONFSCHED_LOCALE_DIR "/usr/share/locale"
#endif

namespace confsched {

std::string installed_data_dir() { return CONFSCHED_DATA_DIR; }
std::string installed_config_dir() { return CONFSCHED_CONFIG_DIR; }
std::string installed_locale_dir() { return CONFSCHED_LOCALE_DIR; }

bool valid_language(std::string_view language) {
  auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
  auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  const size_t code = language.find('_');
  const std::string_view base = language.substr(0, code);
  if (base.size() < 2 || base.size() > 3 || !std::all_of(base.begin(), base.end(), lower))
    return false;
  if (code == std::string_view::npos) return true;
  const std::string_view region = language.substr(code + 1);
  return region.size() == 2 && std::all_of(region.begin(), region.end(), upper);
}

namespace {

struct ParseState {
  Config* config;
  std::string password_file;
  std::string error;
  // [replica] keys in file order, applied over [database] once the whole
  // file is read (its defaults are [database]'s, wherever that section is).
  std::vector<std::pair<std::string, std::string>> replica_keys;
  bool has_replica = false;
  // [site] logo and stylesheet, read once the file's folder is known.
  std::string logo_file = {};
  std::string stylesheet_file = {};
  // Which spelling gave the accent colour, so that a second one is refused.
  std::string accent_key = {};
};

unsigned int parse_unsigned(const std::string& value, int base, unsigned int max, const char* key) {
  unsigned int out = 0;
  auto r = std::from_chars(value.data(), value.data() + value.size(), out, base);
  if (value.empty() || r.ec != std::errc() || r.ptr != value.data() + value.size() || out > max)
    throw ConfigError(std::string("bad value for ") + key + ": \"" + value + "\"");
  return out;
}

void set_server_key(Config& c, const std::string& key, const std::string& value) {
  if (key == "listen")
    c.listen = value;
  else if (key == "socket_mode")
    c.socket_mode = parse_unsigned(value, 8, 0777, "socket_mode");
  else if (key == "workers")
    c.workers = parse_unsigned(value, 10, 256, "workers");
  else if (key == "template_dir")
    c.template_dir = value;
  else if (key == "static_dir")
    c.static_dir = value;
  else if (key == "sql_dir")
    c.sql_dir = value;
  else if (key == "locale_dir")
    c.locale_dir = value;
  else if (key == "version_check_ms")
    c.version_check_ms = parse_unsigned(value, 10, 60000, "version_check_ms");
  else if (key == "public_url")
    c.public_url = value;
  else if (key == "status_allow")
    c.status_allow = parse_address_list(value);
  else
    throw ConfigError("unknown key [server] " + key);
}

// A key of [database] or [replica] (section names it in errors).
void set_database_key(DatabaseConfig& d, std::string& password_file, const std::string& section,
                      const std::string& key, const std::string& value) {
  if (key == "host")
    d.host = value;
  else if (key == "port")
    d.port = parse_unsigned(value, 10, 65535, "port");
  else if (key == "socket")
    d.socket = value;
  else if (key == "user")
    d.user = value;
  else if (key == "password")
    d.password = value;
  else if (key == "password_file")
    password_file = value;
  else if (key == "name")
    d.name = value;
  else if (key == "timeout_s")
    d.timeout_s = parse_unsigned(value, 10, 600, "timeout_s");
  else if (key == "galera_nodes" && section == "database")
    d.galera_nodes = parse_node_list(value);
  else if (key == "node_retry_s" && section == "database") {
    d.node_retry_s = parse_unsigned(value, 10, 3600, "node_retry_s");
    if (d.node_retry_s == 0) throw ConfigError("node_retry_s must be at least 1");
  } else
    throw ConfigError("unknown key [" + section + "] " + key);
}

void note_replica_key(ParseState& s, const std::string& key, const std::string& value) {
  s.has_replica = true;
  if (key == "retry_s") {
    s.config->replica_retry_s = parse_unsigned(value, 10, 3600, "retry_s");
    return;
  }
  // Checked now, so that a bad key or value is reported with its line.
  DatabaseConfig scratch;
  std::string scratch_file;
  set_database_key(scratch, scratch_file, "replica", key, value);
  s.replica_keys.emplace_back(key, value);
}

void set_auth_key(Config& c, const std::string& key, const std::string& value) {
  if (key == "secret_file")
    c.secret_file = value;
  else if (key == "delegate_user")
    c.delegate_user = value;
  else if (key == "staff_user")
    c.staff_user = value;
  else if (key == "session_hours")
    c.session_hours = parse_unsigned(value, 10, 24 * 366, "session_hours");
  else
    throw ConfigError("unknown key [auth] " + key);
}

void set_pages_key(Config& c, const std::string& key, const std::string& value) {
  if (key == "changed_hours")
    c.changed_hours = parse_unsigned(value, 10, 24 * 14, "changed_hours");
  else
    throw ConfigError("unknown key [pages] " + key);
}

void set_login_key(Config& c, const std::string& key, const std::string& value) {
  ThrottlePolicy& t = c.login_throttle;
  constexpr unsigned int kDay = 24 * 3600;
  if (key == "max_failures")
    t.max_failures = parse_unsigned(value, 10, 255, "max_failures");
  else if (key == "window_s")
    t.window_s = parse_unsigned(value, 10, kDay, "window_s");
  else if (key == "block_s")
    t.block_s = parse_unsigned(value, 10, kDay, "block_s");
  else if (key == "max_block_s")
    t.max_block_s = parse_unsigned(value, 10, kDay, "max_block_s");
  else if (key == "forget_s")
    t.forget_s = parse_unsigned(value, 10, 7 * kDay, "forget_s");
  else if (key == "argon2_slots")
    c.argon2_slots = parse_unsigned(value, 10, 256, "argon2_slots");
  else
    throw ConfigError("unknown key [login] " + key);
}

bool parse_yes_no(const std::string& value, const char* key) {
  if (value == "yes" || value == "true" || value == "1") return true;
  if (value == "no" || value == "false" || value == "0") return false;
  throw ConfigError(std::string(key) + " must be yes or no");
}

void set_sync_key(Config& c, const std::string& key, const std::string& value) {
  if (key == "url") {
    if (!value.empty() && !sync_url_allowed(value))
      throw ConfigError("[sync] url must start with http://, https:// or file:///");
    c.sync.url = value;
  } else if (key == "timeout_s") {
    c.sync.timeout_s = parse_unsigned(value, 10, 600, "timeout_s");
  } else if (key == "max_bytes") {
    c.sync.max_bytes = parse_unsigned(value, 10, 1u << 30, "max_bytes");
  } else if (key == "prune") {
    c.sync.prune = parse_yes_no(value, "prune");
  } else {
    throw ConfigError("unknown key [sync] " + key);
  }
}

// [site]: the accent colour is checked here (its line is known); the two
// files are read by load_config once relative paths can be resolved.
void set_site_key(ParseState& s, const std::string& key, const std::string& value) {
  if (key == "language") {
    if (!valid_language(value))
      throw ConfigError("[site] language must be a language code such as en or de, not \"" + value +
                        "\"");
    s.config->language = value;
  } else if (key == "logo") {
    s.logo_file = value;
  } else if (key == "stylesheet") {
    s.stylesheet_file = value;
  } else if (key == "accent_colour" || key == "accent_color") {
    // Both spellings are taken, since either is a natural guess, but only
    // once: two lines would leave it unclear which one was meant.
    if (!s.accent_key.empty())
      throw ConfigError("[site] " + key + " repeats " + s.accent_key + "; give the colour once");
    s.accent_key = key;
    s.config->site.accent_colour = value.empty() ? "" : parse_accent_colour(value, key.c_str());
  } else {
    throw ConfigError("unknown key [site] " + key);
  }
}

int on_ini_entry(void* user, const char* section, const char* name, const char* value) {
  auto* state = static_cast<ParseState*>(user);
  try {
    std::string s(section), k(name), v(value);
    if (s == "server")
      set_server_key(*state->config, k, v);
    else if (s == "database")
      set_database_key(state->config->database, state->password_file, s, k, v);
    else if (s == "replica")
      note_replica_key(*state, k, v);
    else if (s == "auth")
      set_auth_key(*state->config, k, v);
    else if (s == "login")
      set_login_key(*state->config, k, v);
    else if (s == "pages")
      set_pages_key(*state->config, k, v);
    else if (s == "sync")
      set_sync_key(*state->config, k, v);
    else if (s == "site")
      set_site_key(*state, k, v);
    else
      throw ConfigError("unknown section [" + s + "]");
  } catch (const ConfigError& e) {
    if (state->error.empty()) state->error = e.what();
    return 0;
  }
  return 1;
}

std::string folder_of(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? "." : path.substr(0, slash);
}

void make_absolute(std::string& path, const std::string& base) {
  if (!path.empty() && path[0] != '/') path = base + "/" + path;
}

std::string read_first_line(const std::string& path, const char* what) {
  std::ifstream in(path);
  if (!in)
    throw ConfigError(std::string("cannot read ") + what + " " + path + ": " +
                      std::strerror(errno));
  std::string line;
  std::getline(in, line);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

// A file that holds the database password must not be readable by every
// local user. Group access is left to the admin (a "confsched" group is a
// common way to let the service read its configuration); the cookie key is
// stricter (load_secret), since it alone lets anyone forge a login.
void refuse_world_readable(const std::string& path, const char* what) {
  struct stat st {};
  if (stat(path.c_str(), &st) != 0) return;  // reading it reports the error
  if ((st.st_mode & S_IRWXO) != 0)
    throw ConfigError(std::string(what) + " " + path +
                      " holds the database password and is readable by everyone; chmod o-rwx it");
}

void apply_environment(DatabaseConfig& d, const GetEnv& get_env) {
  if (const char* v = get_env("CONFSCHED_DB_HOST")) d.host = v;
  if (const char* v = get_env("CONFSCHED_DB_PORT"))
    d.port = parse_unsigned(v, 10, 65535, "CONFSCHED_DB_PORT");
  if (const char* v = get_env("CONFSCHED_DB_SOCKET")) d.socket = v;
  if (const char* v = get_env("CONFSCHED_DB_USER")) d.user = v;
  if (const char* v = get_env("CONFSCHED_DB_PASSWORD")) d.password = v;
  if (const char* v = get_env("CONFSCHED_DB_NAME")) d.name = v;
}

// A password file's first line, once its permissions pass.
std::string read_password_file(const std::string& path) {
  refuse_world_readable(path, "password_file");
  return read_first_line(path, "password_file");
}

// [replica]: [database] as resolved (environment included), with the
// replica's own keys over it (already checked while parsing).
DatabaseConfig resolve_replica(const ParseState& state, const std::string& base) {
  DatabaseConfig replica = state.config->database;
  std::string password_file;
  for (const auto& [key, value] : state.replica_keys) {
    set_database_key(replica, password_file, "replica", key, value);
    if (key == "password" && !value.empty())
      refuse_world_readable(state.config->file, "config file");
  }
  make_absolute(replica.socket, base);
  if (!password_file.empty()) {
    make_absolute(password_file, base);
    replica.password = read_password_file(password_file);
  }
  return replica;
}

}  // namespace

bool sync_url_allowed(std::string_view url) {
  for (char ch : url)
    if (static_cast<unsigned char>(ch) <= ' ' || ch == '\x7f') return false;
  for (std::string_view scheme : {"http://", "https://"})
    if (url.size() > scheme.size() && url.substr(0, scheme.size()) == scheme) return true;
  return url.size() > 8 && url.substr(0, 8) == "file:///";
}

std::vector<std::string> parse_address_list(const std::string& text) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < text.size()) {
    size_t end = text.find_first_of(" \t,", i);
    if (end == std::string::npos) end = text.size();
    if (end > i) {
      std::string address = text.substr(i, end - i);
      unsigned char parsed[sizeof(in6_addr)];
      if (inet_pton(AF_INET, address.c_str(), parsed) != 1 &&
          inet_pton(AF_INET6, address.c_str(), parsed) != 1)
        throw ConfigError("bad address in status_allow: \"" + address + "\"");
      out.push_back(std::move(address));
    }
    i = end + 1;
  }
  return out;
}

std::vector<DbNode> parse_node_list(const std::string& text) {
  std::vector<DbNode> out;
  size_t i = 0;
  while (i < text.size()) {
    size_t end = text.find_first_of(" \t,", i);
    if (end == std::string::npos) end = text.size();
    if (end > i) {
      const std::string item = text.substr(i, end - i);
      auto bad = [&] { return ConfigError("bad node in galera_nodes: \"" + item + "\""); };
      DbNode node;
      std::string port;
      if (item[0] == '[') {
        size_t close = item.find(']');
        if (close == std::string::npos || close == 1) throw bad();
        node.host = item.substr(1, close - 1);
        if (close + 1 < item.size()) {
          if (item[close + 1] != ':') throw bad();
          port = item.substr(close + 2);
        }
        unsigned char parsed[sizeof(in6_addr)];
        if (inet_pton(AF_INET6, node.host.c_str(), parsed) != 1) throw bad();
      } else {
        size_t colon = item.find(':');
        node.host = item.substr(0, colon);
        if (colon != std::string::npos) port = item.substr(colon + 1);
        if (node.host.empty() || node.host.find_first_of(":[]/") != std::string::npos) throw bad();
      }
      if (!port.empty() || (item.back() == ':')) {
        try {
          node.port = parse_unsigned(port, 10, 65535, "port");
        } catch (const ConfigError&) {
          throw bad();
        }
        if (node.port == 0) throw bad();
      }
      if (std::find(out.begin(), out.end(), node) != out.end())
        throw ConfigError("galera_nodes names \"" + item + "\" twice");
      out.push_back(std::move(node));
    }
    i = end + 1;
  }
  return out;
}

Config load_config(const std::string& path, const GetEnv& get_env) {
  Config config;
  config.file = path;
  if (const char* instance = get_env(kInstanceEnv); instance != nullptr && *instance != '\0') {
    if (!valid_instance_name(instance))
      throw ConfigError(std::string("environment: ") + kInstanceEnv + " \"" + instance +
                        "\": " + kInstanceNameRule);
    config.instance = instance;
    config.listen = "unix:/run/confsched/" + config.instance + "/fcgi.sock";
    config.database.name = "confsched_" + config.instance;
    config.secret_file = installed_config_dir() + "/" + config.instance + ".cookie-secret";
  }
  ParseState state{&config, {}, {}, {}, false, {}, {}, {}};
  int rc = ini_parse(path.c_str(), on_ini_entry, &state);
  if (rc == -1) throw ConfigError("cannot open config file " + path + ": " + std::strerror(errno));
  if (rc != 0) {
    std::string why = state.error.empty() ? "syntax error" : state.error;
    throw ConfigError(path + ":" + std::to_string(rc) + ": " + why);
  }

  const std::string base = folder_of(path);
  for (std::string* p : {&config.template_dir, &config.static_dir, &config.sql_dir,
                         &config.locale_dir, &config.secret_file, &state.password_file,
                         &config.database.socket, &state.logo_file, &state.stylesheet_file})
    make_absolute(*p, base);
  try {
    if (!state.logo_file.empty()) read_logo(state.logo_file, config.site);
    if (!state.stylesheet_file.empty())
      config.site.stylesheet = read_branding_stylesheet(state.stylesheet_file);
  } catch (const ConfigError& e) {
    throw ConfigError(path + ": " + e.what());
  }
  if (config.listen.rfind("unix:", 0) == 0 && config.listen.size() > 5 && config.listen[5] != '/')
    config.listen = "unix:" + base + "/" + config.listen.substr(5);

  if (!config.database.password.empty()) refuse_world_readable(path, "config file");
  if (!state.password_file.empty())
    config.database.password = read_password_file(state.password_file);
  try {
    apply_environment(config.database, get_env);
  } catch (const ConfigError& e) {
    throw ConfigError(std::string("environment: ") + e.what());
  }
  if (state.has_replica) config.replica = resolve_replica(state, base);
  // Every node of a Galera cluster takes writes and reads: the worker reads
  // delegate data from the nodes too (without waiting for the cluster, see
  // server/worker.cc), so a [replica] would only be a second way to say it.
  if (!config.database.galera_nodes.empty() && config.replica)
    throw ConfigError(path +
                      ": [database] galera_nodes and [replica] exclude each other: with "
                      "a Galera cluster every node is read from; remove [replica]");
  while (!config.public_url.empty() && config.public_url.back() == '/')
    config.public_url.pop_back();
  if (!config.public_url.empty() && config.public_url.rfind("https://", 0) != 0 &&
      config.public_url.rfind("http://", 0) != 0)
    throw ConfigError(path + ": public_url must start with https:// or http://");
  if (config.delegate_user.empty() || config.staff_user.empty())
    throw ConfigError(path + ": delegate_user and staff_user must not be empty");
  if (config.delegate_user == config.staff_user)
    throw ConfigError(path + ": delegate_user and staff_user must differ");
  if (config.session_hours == 0) throw ConfigError(path + ": session_hours must be at least 1");
  const ThrottlePolicy& t = config.login_throttle;
  if (t.max_failures == 0 || t.window_s == 0 || t.block_s == 0)
    throw ConfigError(path + ": [login] max_failures, window_s and block_s must be at least 1");
  if (t.max_block_s < t.block_s)
    throw ConfigError(path + ": [login] max_block_s must not be below block_s");
  return config;
}

std::string load_secret(const Config& config) {
  struct stat st {};
  if (stat(config.secret_file.c_str(), &st) != 0)
    throw ConfigError("cannot read secret_file " + config.secret_file + ": " +
                      std::strerror(errno));
  if ((st.st_mode & 077) != 0)
    throw ConfigError("secret_file " + config.secret_file + " is readable by others; chmod 600 it");
  std::string secret;
  try {
    secret = read_whole_file(config.secret_file);
  } catch (const std::runtime_error& e) {
    throw ConfigError(std::string("secret_file: ") + e.what());
  }
  if (secret.size() < 32)
    throw ConfigError("secret_file " + config.secret_file +
                      " holds fewer than 32 bytes; fill it with: openssl rand -out FILE 48");
  return secret;
}

std::string default_config_path(const GetEnv& get_env) {
  if (const char* v = get_env("CONFSCHED_CONFIG")) return v;
  if (const char* instance = get_env(kInstanceEnv); instance != nullptr && *instance != '\0')
    return instance_config_path(instance);
  return installed_config_dir() + "/confsched.ini";
}

const char* const kInstanceNameRule =
    "an instance name is 1 to 32 characters of a-z, 0-9 and _, starting with a letter or digit";

bool valid_instance_name(std::string_view name) {
  if (name.empty() || name.size() > 32 || name.front() == '_') return false;
  for (char ch : name)
    if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_')) return false;
  return true;
}

std::vector<std::string> shared_with_single_site(const Config& config) {
  std::vector<std::string> shared;
  if (config.instance.empty()) return shared;
  const Config single;
  if (config.database.name == single.database.name)
    shared.push_back("[database] name " + config.database.name);
  if (config.secret_file == single.secret_file)
    shared.push_back("[auth] secret_file " + config.secret_file);
  if (config.listen == single.listen) shared.push_back("[server] listen " + config.listen);
  return shared;
}

std::string instance_config_path(std::string_view name) {
  return installed_config_dir() + "/" + std::string(name) + ".ini";
}

bool take_option(const std::vector<std::string>& args, size_t& i, std::string_view name,
                 std::string& value) {
  if (args[i] == name && i + 1 < args.size()) {
    value = args[++i];
    return true;
  }
  if (args[i].size() > name.size() && args[i].compare(0, name.size(), name) == 0 &&
      args[i][name.size()] == '=') {
    value = args[i].substr(name.size() + 1);
    return true;
  }
  return false;
}

bool take_config_option(const std::vector<std::string>& args, size_t& i, std::string& path) {
  return take_option(args, i, "--config", path);
}

bool load_config_or_report(const std::string& path, Config& out, std::string_view program) {
  try {
    out = load_config(path, ::getenv);
    return true;
  } catch (const ConfigError& e) {
    std::cerr << program << ": " << e.what() << "\n";
    return false;
  }
}

}  // namespace confsched
