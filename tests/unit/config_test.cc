#include "config/config.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "test_support.h"

using confsched::Config;
using confsched::ConfigError;
using confsched::default_config_path;
using confsched::GetEnv;
using confsched::installed_config_dir;
using confsched::installed_data_dir;
using confsched::instance_config_path;
using confsched::load_config;
using confsched::load_secret;
using confsched::take_option;
using confsched::valid_instance_name;

namespace fs = std::filesystem;

namespace {

// A fresh folder per test case, so relative-path resolution has a known
// base and nothing leaks between cases.
struct TempDir {
  std::string path;
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "confsched-config-test-XXXXXX").string();
    char* made = mkdtemp(pattern.data());
    if (made == nullptr) throw std::runtime_error("mkdtemp failed");
    path = made;
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
  std::string write(const std::string& name, const std::string& content,
                    fs::perms mode = fs::perms::owner_read | fs::perms::owner_write) const {
    std::string file = path + "/" + name;
    fs::create_directories(fs::path(file).parent_path());
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << content;
    out.close();
    fs::permissions(file, mode);
    return file;
  }
};

// The fake environment: what a test puts in the map, and nothing else.
struct FakeEnv {
  std::map<std::string, std::string> vars;
  GetEnv get() const {
    return [this](const char* name) -> const char* {
      auto it = vars.find(name);
      return it == vars.end() ? nullptr : it->second.c_str();
    };
  }
};

const GetEnv kNoEnv = [](const char*) -> const char* { return nullptr; };

// The message of the ConfigError that loading throws, or "" if it loads.
std::string load_error(const std::string& file, const GetEnv& env = kNoEnv) {
  try {
    load_config(file, env);
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "";
}

bool contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(config)

BOOST_AUTO_TEST_CASE(empty_file_gives_defaults) {
  TempDir dir;
  std::string file = dir.write("confsched.ini", "; nothing but a comment\n");
  Config c = load_config(file, kNoEnv);
  Config d;
  BOOST_TEST(c.file == file);
  BOOST_TEST(c.listen == d.listen);
  BOOST_TEST(c.listen == "unix:/run/confsched/fcgi.sock");
  BOOST_TEST(c.socket_mode == 0660u);
  BOOST_TEST(c.workers == 0u);
  // The installed share folder, compiled in (GNUInstallDirs).
  BOOST_TEST(installed_data_dir().front() == '/');
  BOOST_TEST(installed_data_dir().ends_with("/share/confsched"));
  BOOST_TEST(c.template_dir == installed_data_dir() + "/templates");
  BOOST_TEST(c.static_dir == installed_data_dir() + "/static");
  BOOST_TEST(c.sql_dir == installed_data_dir() + "/sql");
  BOOST_TEST(c.version_check_ms == 500u);
  BOOST_TEST(c.database.host == "localhost");
  BOOST_TEST(c.database.port == 3306u);
  BOOST_TEST(c.database.socket == "/run/mysqld/mysqld.sock");
  BOOST_TEST(c.database.user == "confsched");
  BOOST_TEST(c.database.password == "");
  BOOST_TEST(c.database.name == "confsched");
  BOOST_TEST(c.database.timeout_s == 3u);
  BOOST_TEST(c.secret_file == installed_config_dir() + "/cookie-secret");
  BOOST_TEST(c.delegate_user == "delegate");
  BOOST_TEST(c.staff_user == "staff");
  BOOST_TEST(c.session_hours == 168u);
}

BOOST_AUTO_TEST_CASE(the_shipped_example_is_all_defaults) {
  // conf/confsched.ini.example claims to show every key with its default.
  std::string example = std::string(CONFSCHED_SOURCE_DIR) + "/conf/confsched.ini.example";
  BOOST_TEST_REQUIRE(fs::exists(example), example);
  Config c = load_config(example, kNoEnv);
  Config d;
  BOOST_TEST(c.listen == d.listen);
  BOOST_TEST(c.socket_mode == d.socket_mode);
  BOOST_TEST(c.workers == d.workers);
  BOOST_TEST(c.template_dir == d.template_dir);
  BOOST_TEST(c.static_dir == d.static_dir);
  BOOST_TEST(c.sql_dir == d.sql_dir);
  BOOST_TEST(c.version_check_ms == d.version_check_ms);
  BOOST_TEST(c.database.host == d.database.host);
  BOOST_TEST(c.database.port == d.database.port);
  BOOST_TEST(c.database.socket == d.database.socket);
  BOOST_TEST(c.database.user == d.database.user);
  BOOST_TEST(c.database.password == d.database.password);
  BOOST_TEST(c.database.name == d.database.name);
  BOOST_TEST(c.database.timeout_s == d.database.timeout_s);
  BOOST_TEST(c.secret_file == d.secret_file);
  BOOST_TEST(c.delegate_user == d.delegate_user);
  BOOST_TEST(c.staff_user == d.staff_user);
  BOOST_TEST(c.session_hours == d.session_hours);
  BOOST_TEST(c.login_throttle.max_failures == d.login_throttle.max_failures);
  BOOST_TEST(c.login_throttle.window_s == d.login_throttle.window_s);
  BOOST_TEST(c.login_throttle.block_s == d.login_throttle.block_s);
  BOOST_TEST(c.login_throttle.max_block_s == d.login_throttle.max_block_s);
  BOOST_TEST(c.login_throttle.forget_s == d.login_throttle.forget_s);
  BOOST_TEST(c.argon2_slots == d.argon2_slots);
  BOOST_TEST(c.changed_hours == d.changed_hours);
  BOOST_TEST(c.status_allow == d.status_allow);
}

BOOST_AUTO_TEST_CASE(status_allow_is_a_checked_address_list) {
  using confsched::parse_address_list;
  BOOST_TEST((Config().status_allow == std::vector<std::string>{"127.0.0.1", "::1"}));
  BOOST_TEST((parse_address_list("127.0.0.1, ::1 10.0.0.5") ==
              std::vector<std::string>{"127.0.0.1", "::1", "10.0.0.5"}));
  BOOST_TEST(parse_address_list("").empty());
  for (const char* bad : {"localhost", "10.0.0.0/8", "127.0.0.1;", "1.2.3", "::1%lo"})
    BOOST_CHECK_THROW(parse_address_list(bad), ConfigError);
  TempDir dir;
  Config c = load_config(dir.write("c.ini", "[server]\nstatus_allow = 192.0.2.7\n"), kNoEnv);
  BOOST_TEST((c.status_allow == std::vector<std::string>{"192.0.2.7"}));
  BOOST_TEST(!load_error(dir.write("bad.ini", "[server]\nstatus_allow = all\n")).empty());
}

BOOST_AUTO_TEST_CASE(galera_nodes_is_a_checked_list_of_host_and_port) {
  using confsched::DbNode;
  using confsched::parse_node_list;
  BOOST_TEST(
      (parse_node_list("10.0.0.1:3307, db2.example.org [::1]:3308 [fe80::1]") ==
       std::vector<DbNode>{
           {"10.0.0.1", 3307}, {"db2.example.org", 3306}, {"::1", 3308}, {"fe80::1", 3306}}));
  BOOST_TEST(parse_node_list(" , ").empty());
  for (const char* bad : {"10.0.0.1:", "10.0.0.1:0", "10.0.0.1:65536", "10.0.0.1:33x", ":3306",
                          "[::1", "[]:3306", "[::1]3306", "[10.0.0.1]:3306", "::1", "a/b:1",
                          "10.0.0.1:3306, 10.0.0.1:3306", "db:3306:1"})
    BOOST_CHECK_THROW(parse_node_list(bad), ConfigError);

  TempDir dir;
  Config c = load_config(dir.write("c.ini",
                                   "[database]\ngalera_nodes = 127.0.0.1:3311, "
                                   "127.0.0.1:3312\nnode_retry_s = 2\n"),
                         kNoEnv);
  BOOST_TEST(
      (c.database.galera_nodes == std::vector<DbNode>{{"127.0.0.1", 3311}, {"127.0.0.1", 3312}}));
  BOOST_TEST(c.database.node_retry_s == 2u);
  BOOST_TEST(Config().database.galera_nodes.empty());
  BOOST_TEST(Config().database.node_retry_s == 5u);
  BOOST_TEST(!load_error(dir.write("b1.ini", "[database]\ngalera_nodes = 127.0.0.1:x\n")).empty());
  BOOST_TEST(!load_error(dir.write("b2.ini", "[database]\nnode_retry_s = 0\n")).empty());
  // A replica has no nodes of its own, and a cluster needs no replica.
  BOOST_TEST(!load_error(dir.write("b3.ini", "[replica]\ngalera_nodes = 127.0.0.1\n")).empty());
  std::string both = load_error(
      dir.write("b4.ini", "[database]\ngalera_nodes = 127.0.0.1:3311\n[replica]\nport = 3312\n"));
  BOOST_TEST(both.find("exclude each other") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(login_section_is_read_and_checked) {
  TempDir dir;
  Config c = load_config(dir.write("c.ini",
                                   "[login]\nmax_failures = 5\nwindow_s = 10\nblock_s = 3\n"
                                   "max_block_s = 8\nforget_s = 20\nargon2_slots = 2\n"),
                         kNoEnv);
  BOOST_TEST(c.login_throttle.max_failures == 5u);
  BOOST_TEST(c.login_throttle.window_s == 10u);
  BOOST_TEST(c.login_throttle.block_s == 3u);
  BOOST_TEST(c.login_throttle.max_block_s == 8u);
  BOOST_TEST(c.login_throttle.forget_s == 20u);
  BOOST_TEST(c.argon2_slots == 2u);
  // The defaults let 250 correct logins through by construction (only
  // failures count) and tolerate a venue's worth of typos.
  Config d;
  BOOST_TEST(d.login_throttle.max_failures >= 20u);
  for (const char* text :
       {"[login]\nmax_failures = 0\n", "[login]\nmax_failures = 256\n", "[login]\nblock_s = 0\n",
        "[login]\nblock_s = 60\nmax_block_s = 30\n", "[login]\nwindow_s = -1\n",
        "[login]\nargon2_slots = 999\n", "[login]\nlockout = 1\n"})
    BOOST_TEST(!load_error(dir.write("bad.ini", text)).empty(), text);
}

BOOST_AUTO_TEST_CASE(every_key_is_read) {
  TempDir dir;
  std::string file = dir.write("c.ini",
                               "[server]\n"
                               "listen = 127.0.0.1:9000\n"
                               "socket_mode = 0600\n"
                               "workers = 4\n"
                               "template_dir = /srv/t\n"
                               "static_dir = /srv/s\n"
                               "sql_dir = /srv/q\n"
                               "version_check_ms = 250\n"
                               "[database]\n"
                               "host = db.internal\n"
                               "port = 3307\n"
                               "socket = /tmp/my.sock\n"
                               "user = cs\n"
                               "password = pw with spaces\n"
                               "name = csdb\n"
                               "timeout_s = 10\n"
                               "[auth]\n"
                               "secret_file = /srv/secret\n"
                               "delegate_user = attendee\n"
                               "staff_user = organiser\n"
                               "session_hours = 12\n");
  Config c = load_config(file, kNoEnv);
  BOOST_TEST(c.listen == "127.0.0.1:9000");
  BOOST_TEST(c.socket_mode == 0600u);
  BOOST_TEST(c.workers == 4u);
  BOOST_TEST(c.template_dir == "/srv/t");
  BOOST_TEST(c.static_dir == "/srv/s");
  BOOST_TEST(c.sql_dir == "/srv/q");
  BOOST_TEST(c.version_check_ms == 250u);
  BOOST_TEST(c.database.host == "db.internal");
  BOOST_TEST(c.database.port == 3307u);
  BOOST_TEST(c.database.socket == "/tmp/my.sock");
  BOOST_TEST(c.database.user == "cs");
  BOOST_TEST(c.database.password == "pw with spaces");
  BOOST_TEST(c.database.name == "csdb");
  BOOST_TEST(c.database.timeout_s == 10u);
  BOOST_TEST(c.secret_file == "/srv/secret");
  BOOST_TEST(c.delegate_user == "attendee");
  BOOST_TEST(c.staff_user == "organiser");
  BOOST_TEST(c.session_hours == 12u);
}

BOOST_AUTO_TEST_CASE(inline_comments_are_not_values) {
  TempDir dir;
  std::string file = dir.write("c.ini", "[database]\nport = 3307 ; the replica\n");
  BOOST_TEST(load_config(file, kNoEnv).database.port == 3307u);
}

BOOST_AUTO_TEST_CASE(unknown_key_is_an_error_naming_it) {
  TempDir dir;
  std::string file = dir.write("c.ini", "[server]\nworkers = 2\nwrokers = 3\n");
  std::string why = load_error(file);
  BOOST_TEST(contains(why, "wrokers"), why);
  BOOST_TEST(contains(why, file), why);
  BOOST_TEST(contains(why, ":3"), why);  // the line

  for (const char* text : {"[database]\nhostname = x\n", "[auth]\nsecret = x\n"}) {
    std::string f = dir.write("k.ini", text);
    std::string w = load_error(f);
    BOOST_TEST(!w.empty(), text);
  }
  BOOST_TEST(contains(load_error(dir.write("k.ini", "[database]\nhostname = x\n")), "hostname"));
  // A key in the wrong section is as unknown as a typo.
  BOOST_TEST(contains(load_error(dir.write("k.ini", "[server]\nport = 1\n")), "port"));
}

BOOST_AUTO_TEST_CASE(unknown_section_is_an_error_naming_it) {
  TempDir dir;
  std::string why = load_error(dir.write("c.ini", "[databse]\nhost = x\n"));
  BOOST_TEST(contains(why, "databse"), why);
  // Keys before any section heading belong to no known section.
  BOOST_TEST(!load_error(dir.write("d.ini", "workers = 2\n")).empty());
}

BOOST_AUTO_TEST_CASE(syntax_error_is_an_error) {
  TempDir dir;
  BOOST_TEST(!load_error(dir.write("c.ini", "[server]\njust some words\n")).empty());
  BOOST_TEST(!load_error(dir.write("d.ini", "[server\nworkers = 2\n")).empty());
}

BOOST_AUTO_TEST_CASE(bad_numbers_are_errors) {
  TempDir dir;
  const char* cases[] = {
      "[database]\nport = abc\n",
      "[database]\nport = 12abc\n",
      "[database]\nport = 70000\n",
      "[database]\nport = -1\n",
      "[database]\nport = \n",
      "[database]\nport = 0x10\n",
      "[database]\nport = 99999999999999999999\n",
      "[server]\nworkers = -1\n",
      "[server]\nworkers = 257\n",
      "[server]\nsocket_mode = 0999\n",
      "[server]\nsocket_mode = 01777\n",
      "[server]\nversion_check_ms = 1.5\n",
      "[database]\ntimeout_s = 601\n",
      "[auth]\nsession_hours = 0\n",
      "[auth]\nsession_hours = 100000\n",
  };
  for (const char* text : cases) {
    std::string why = load_error(dir.write("c.ini", text));
    BOOST_TEST(!why.empty(), "accepted: " << text);
  }
  BOOST_TEST(contains(load_error(dir.write("c.ini", "[database]\nport = abc\n")), "port"));
}

BOOST_AUTO_TEST_CASE(users_must_be_distinct_and_non_empty) {
  TempDir dir;
  BOOST_TEST(!load_error(dir.write("a.ini", "[auth]\ndelegate_user =\n")).empty());
  BOOST_TEST(!load_error(dir.write("b.ini", "[auth]\nstaff_user =\n")).empty());
  BOOST_TEST(!load_error(dir.write("c.ini", "[auth]\nstaff_user = delegate\n")).empty());
}

BOOST_AUTO_TEST_CASE(relative_paths_resolve_against_the_files_folder) {
  TempDir dir;
  std::string file = dir.write("etc/c.ini",
                               "[server]\n"
                               "listen = unix:run/fcgi.sock\n"
                               "template_dir = templates\n"
                               "static_dir = ../static\n"
                               "sql_dir = /abs/sql\n"
                               "[auth]\n"
                               "secret_file = cookie-secret\n");
  std::string base = dir.path + "/etc";
  Config c = load_config(file, kNoEnv);
  BOOST_TEST(c.listen == "unix:" + base + "/run/fcgi.sock");
  BOOST_TEST(c.template_dir == base + "/templates");
  BOOST_TEST(c.static_dir == base + "/../static");
  BOOST_TEST(c.sql_dir == "/abs/sql");
  BOOST_TEST(c.secret_file == base + "/cookie-secret");
}

BOOST_AUTO_TEST_CASE(tcp_listen_address_is_not_a_path) {
  TempDir dir;
  Config c = load_config(dir.write("c.ini", "[server]\nlisten = 127.0.0.1:9000\n"), kNoEnv);
  BOOST_TEST(c.listen == "127.0.0.1:9000");
  Config e = load_config(dir.write("e.ini", "[server]\nlisten =\n"), kNoEnv);
  BOOST_TEST(e.listen == "");  // the inherited-socket mode
}

BOOST_AUTO_TEST_CASE(password_file_is_read) {
  TempDir dir;
  dir.write("secrets/db-password", "s3cret pass\nsecond line is ignored\n");
  std::string file = dir.write("c.ini",
                               "[database]\n"
                               "password = overridden\n"
                               "password_file = secrets/db-password\n");
  BOOST_TEST(load_config(file, kNoEnv).database.password == "s3cret pass");

  dir.write("crlf", "windows\r\n");
  BOOST_TEST(load_config(dir.write("d.ini", "[database]\npassword_file = crlf\n"), kNoEnv)
                 .database.password == "windows");

  dir.write("no-newline", "bare");
  BOOST_TEST(load_config(dir.write("e.ini", "[database]\npassword_file = no-newline\n"), kNoEnv)
                 .database.password == "bare");
}

BOOST_AUTO_TEST_CASE(database_password_readable_by_everyone_is_refused) {
  TempDir dir;
  using P = fs::perms;
  const P world = P::owner_read | P::owner_write | P::group_read | P::others_read;  // 0644
  const P group = P::owner_read | P::owner_write | P::group_read;                   // 0640
  std::string why = load_error(dir.write("c.ini", "[database]\npassword = pw\n", world));
  BOOST_TEST(contains(why, "readable by everyone"), why);
  BOOST_TEST(!contains(why, "= pw"), why);
  BOOST_TEST(load_config(dir.write("g.ini", "[database]\npassword = pw\n", group), kNoEnv)
                 .database.password == "pw");
  // No password in it: a world-readable config is fine.
  BOOST_TEST(load_config(dir.write("n.ini", "[server]\nworkers = 2\n", world), kNoEnv).workers ==
             2u);
  dir.write("pw", "s3cret\n", world);
  why = load_error(dir.write("f.ini", "[database]\npassword_file = pw\n"));
  BOOST_TEST(contains(why, "password_file"), why);
  BOOST_TEST(!contains(why, "s3cret"), why);
}

BOOST_AUTO_TEST_CASE(missing_password_file_is_an_error) {
  TempDir dir;
  std::string why = load_error(dir.write("c.ini", "[database]\npassword_file = nope\n"));
  BOOST_TEST(contains(why, "nope"), why);
}

BOOST_AUTO_TEST_CASE(environment_overrides_the_database_keys) {
  TempDir dir;
  dir.write("pw", "from-file\n");
  std::string file = dir.write("c.ini",
                               "[database]\n"
                               "host = file-host\nport = 1111\nsocket = /file.sock\n"
                               "user = file-user\npassword_file = pw\nname = file-db\n");
  FakeEnv env;
  env.vars = {{"CONFSCHED_DB_HOST", "env-host"},    {"CONFSCHED_DB_PORT", "2222"},
              {"CONFSCHED_DB_SOCKET", "/env.sock"}, {"CONFSCHED_DB_USER", "env-user"},
              {"CONFSCHED_DB_PASSWORD", "env-pw"},  {"CONFSCHED_DB_NAME", "env-db"}};
  Config c = load_config(file, env.get());
  BOOST_TEST(c.database.host == "env-host");
  BOOST_TEST(c.database.port == 2222u);
  BOOST_TEST(c.database.socket == "/env.sock");
  BOOST_TEST(c.database.user == "env-user");
  BOOST_TEST(c.database.password == "env-pw");
  BOOST_TEST(c.database.name == "env-db");

  // Unset variables leave the file's values alone.
  FakeEnv partial;
  partial.vars = {{"CONFSCHED_DB_HOST", "only-host"}};
  Config p = load_config(file, partial.get());
  BOOST_TEST(p.database.host == "only-host");
  BOOST_TEST(p.database.port == 1111u);
  BOOST_TEST(p.database.password == "from-file");
  BOOST_TEST(p.database.name == "file-db");
}

BOOST_AUTO_TEST_CASE(environment_touches_only_database_keys) {
  TempDir dir;
  FakeEnv env;
  env.vars = {{"CONFSCHED_WORKERS", "9"}, {"CONFSCHED_DB_TIMEOUT_S", "99"}};
  Config c = load_config(dir.write("c.ini", ""), env.get());
  BOOST_TEST(c.workers == 0u);
  BOOST_TEST(c.database.timeout_s == 3u);
}

BOOST_AUTO_TEST_CASE(bad_environment_port_is_an_error) {
  TempDir dir;
  std::string file = dir.write("c.ini", "");
  for (const char* port : {"abc", "70000", "", "-5", "33 06"}) {
    FakeEnv env;
    env.vars = {{"CONFSCHED_DB_PORT", port}};
    std::string why = load_error(file, env.get());
    BOOST_TEST(contains(why, "CONFSCHED_DB_PORT"), "port \"" << port << "\": " << why);
  }
}

BOOST_AUTO_TEST_CASE(missing_file_is_an_error) {
  TempDir dir;
  std::string missing = dir.path + "/does-not-exist.ini";
  std::string why = load_error(missing);
  BOOST_TEST(contains(why, missing), why);
}

BOOST_AUTO_TEST_CASE(long_values_are_never_silently_truncated) {
  // inih reads lines into a fixed buffer; a value longer than that must
  // either load whole or fail, never load cut short.
  TempDir dir;
  std::string long_password(600, 'p');
  std::string file = dir.write("c.ini", "[database]\npassword = " + long_password + "\n");
  try {
    Config c = load_config(file, kNoEnv);
    BOOST_TEST(c.database.password == long_password);
  } catch (const ConfigError& e) {
    BOOST_TEST_MESSAGE("long value refused: " << e.what());
    BOOST_TEST(std::string(e.what()).size() > 0u);
  }
}

BOOST_AUTO_TEST_CASE(secret_loads_from_a_private_file) {
  TempDir dir;
  std::string secret(48, '\0');
  for (size_t i = 0; i < secret.size(); ++i) secret[i] = static_cast<char>(i * 37 + 1);
  secret[10] = '\0';  // binary secrets are fine
  secret[20] = '\n';
  Config c;
  c.secret_file = dir.write("secret", secret);
  BOOST_TEST(load_secret(c) == secret);

  std::string just_enough(32, 'k');
  c.secret_file = dir.write("secret32", just_enough);
  BOOST_TEST(load_secret(c) == just_enough);
}

BOOST_AUTO_TEST_CASE(missing_secret_is_an_error) {
  TempDir dir;
  Config c;
  c.secret_file = dir.path + "/no-such-secret";
  BOOST_CHECK_THROW(load_secret(c), ConfigError);
}

BOOST_AUTO_TEST_CASE(short_secret_is_an_error) {
  TempDir dir;
  Config c;
  c.secret_file = dir.write("secret", std::string(31, 'k'));
  BOOST_CHECK_THROW(load_secret(c), ConfigError);
  c.secret_file = dir.write("empty", "");
  BOOST_CHECK_THROW(load_secret(c), ConfigError);
}

BOOST_AUTO_TEST_CASE(secret_readable_by_others_is_an_error) {
  TempDir dir;
  Config c;
  using P = fs::perms;
  for (P mode : {P::owner_read | P::owner_write | P::group_read | P::others_read,  // 0644
                 P::owner_read | P::owner_write | P::group_read,                   // 0640
                 P::owner_read | P::others_read,                                   // 0404
                 P::owner_read | P::owner_write | P::group_write}) {               // 0620
    c.secret_file = dir.write("secret", std::string(48, 'k'), mode);
    BOOST_CHECK_THROW(load_secret(c), ConfigError);
  }
  c.secret_file = dir.write("secret", std::string(48, 'k'), P::owner_read);  // 0400 is fine
  BOOST_TEST(load_secret(c).size() == 48u);
}

BOOST_AUTO_TEST_CASE(default_config_path_honours_the_environment) {
  FakeEnv env;
  BOOST_TEST(default_config_path(env.get()) == installed_config_dir() + "/confsched.ini");
  env.vars = {{"CONFSCHED_CONFIG", "/tmp/other.ini"}};
  BOOST_TEST(default_config_path(env.get()) == "/tmp/other.ini");
}

BOOST_AUTO_TEST_CASE(instance_names_fit_files_units_databases_and_nginx_names) {
  for (const char* good : {"a", "spring", "conf2026", "2026", "spring_2026",
                           "abcdefghijklmnopqrstuvwxyz012345"})  // 32
    BOOST_TEST(valid_instance_name(good), good);
  for (const char* bad : {"", "_x", "Spring", "spring-2026", "a.b", "a/b", "..", "a b",
                          "caf\xc3\xa9", "x\n", "abcdefghijklmnopqrstuvwxyz0123456"})  // 33
    BOOST_TEST(!valid_instance_name(bad), bad);
  BOOST_TEST(instance_config_path("spring") == installed_config_dir() + "/spring.ini");
}

BOOST_AUTO_TEST_CASE(options_take_their_value_in_either_spelling) {
  const std::vector<std::string> args = {"--instance", "spring", "--instance=autumn",
                                         "--instancex=no", "--instance"};
  std::string value = "unchanged";
  size_t i = 0;
  BOOST_TEST(take_option(args, i, "--instance", value));
  BOOST_TEST(value == "spring");
  BOOST_TEST(i == 1u);
  i = 2;
  BOOST_TEST(take_option(args, i, "--instance", value));
  BOOST_TEST(value == "autumn");
  value = "unchanged";
  for (i = 3; i < args.size(); ++i) BOOST_TEST(!take_option(args, i, "--instance", value));
  BOOST_TEST(value == "unchanged");
}

BOOST_AUTO_TEST_CASE(an_instance_has_its_own_socket_database_and_secret_by_default) {
  TempDir dir;
  std::string file = dir.write("c.ini", "[server]\nworkers = 1\n");
  FakeEnv env;
  env.vars = {{"CONFSCHED_INSTANCE", "spring"}};
  Config c = load_config(file, env.get());
  BOOST_TEST(c.instance == "spring");
  BOOST_TEST(c.listen == "unix:/run/confsched/spring/fcgi.sock");
  BOOST_TEST(c.database.name == "confsched_spring");
  BOOST_TEST(c.secret_file == installed_config_dir() + "/spring.cookie-secret");
  BOOST_TEST(default_config_path(env.get()) == installed_config_dir() + "/spring.ini");

  // The file still says the last word, and no instance keeps the defaults.
  Config own = load_config(
      dir.write("d.ini", "[database]\nname = autumn_db\n[auth]\nsecret_file = autumn.key\n"),
      env.get());
  BOOST_TEST(own.database.name == "autumn_db");
  BOOST_TEST(own.secret_file == dir.path + "/autumn.key");
  Config single = load_config(file, kNoEnv);
  BOOST_TEST(single.instance == "");
  BOOST_TEST(single.listen == "unix:/run/confsched/fcgi.sock");
  BOOST_TEST(single.database.name == "confsched");

  BOOST_TEST(confsched::shared_with_single_site(c).empty());
  BOOST_TEST(confsched::shared_with_single_site(single).empty());
  // A copy of the shipped confsched.ini sets the single site's values.
  Config copied = load_config(
      dir.write("e.ini",
                "[server]\nlisten = unix:/run/confsched/fcgi.sock\n[database]\nname = confsched\n"
                "[auth]\nsecret_file = " +
                    installed_config_dir() + "/cookie-secret\n"),
      env.get());
  const std::vector<std::string> shared = confsched::shared_with_single_site(copied);
  BOOST_TEST(shared.size() == 3u);
  BOOST_TEST(shared.at(0) == "[database] name confsched");

  env.vars = {{"CONFSCHED_INSTANCE", "../etc"}};
  std::string why = load_error(file, env.get());
  BOOST_TEST(contains(why, "CONFSCHED_INSTANCE \"../etc\""), why);
  BOOST_TEST(contains(why, "a-z, 0-9 and _"), why);
}

BOOST_AUTO_TEST_CASE(no_replica_section_means_no_replica) {
  TempDir dir;
  Config c = load_config(dir.write("c.ini", "[database]\nhost = primary\n"), kNoEnv);
  BOOST_TEST(!c.replica.has_value());
}

BOOST_AUTO_TEST_CASE(replica_takes_database_keys_it_leaves_out) {
  TempDir dir;
  dir.write("pw", "primary-pw\n");
  dir.write("replica-pw", "replica-pw\n");
  // [replica] before [database]: the defaults are [database]'s all the same.
  std::string file = dir.write("c.ini",
                               "[replica]\nhost = 10.0.0.2\nport = 3307\nretry_s = 9\n"
                               "[database]\nhost = 10.0.0.1\nuser = app\npassword_file = pw\n"
                               "name = conf\ntimeout_s = 4\n");
  Config c = load_config(file, kNoEnv);
  BOOST_REQUIRE(c.replica.has_value());
  BOOST_TEST(c.database.host == "10.0.0.1");
  BOOST_TEST(c.replica->host == "10.0.0.2");
  BOOST_TEST(c.replica->port == 3307u);
  BOOST_TEST(c.replica->user == "app");
  BOOST_TEST(c.replica->password == "primary-pw");
  BOOST_TEST(c.replica->name == "conf");
  BOOST_TEST(c.replica->timeout_s == 4u);
  BOOST_TEST(c.replica_retry_s == 9u);

  // Its own user, password file and relative socket.
  Config own = load_config(dir.write("d.ini",
                                     "[database]\npassword_file = pw\n"
                                     "[replica]\nuser = reader\npassword_file = replica-pw\n"
                                     "socket = run/replica.sock\n"),
                           kNoEnv);
  BOOST_REQUIRE(own.replica.has_value());
  BOOST_TEST(own.replica->user == "reader");
  BOOST_TEST(own.replica->password == "replica-pw");
  BOOST_TEST(own.replica->socket == dir.path + "/run/replica.sock");
  BOOST_TEST(own.database.password == "primary-pw");
  BOOST_TEST(own.replica_retry_s == 5u);  // the default
}

BOOST_AUTO_TEST_CASE(bad_replica_keys_are_reported_with_their_line) {
  TempDir dir;
  std::string why = load_error(dir.write("c.ini", "[replica]\nhost = r\nhots = typo\n"));
  BOOST_TEST(contains(why, "c.ini:3"), why);
  BOOST_TEST(contains(why, "[replica] hots"), why);
  why = load_error(dir.write("p.ini", "[replica]\nport = 70000\n"));
  BOOST_TEST(contains(why, "port"), why);
  why = load_error(dir.write("r.ini", "[replica]\nretry_s = -1\n"));
  BOOST_TEST(contains(why, "retry_s"), why);
  using P = fs::perms;
  const P world = P::owner_read | P::owner_write | P::group_read | P::others_read;
  why = load_error(dir.write("w.ini", "[replica]\npassword = pw\n", world));
  BOOST_TEST(contains(why, "readable by everyone"), why);
}

BOOST_AUTO_TEST_SUITE_END()
