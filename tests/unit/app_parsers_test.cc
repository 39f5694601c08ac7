// Small parsers of the app library: path ids, listen addresses, migration
// file names.
#include "server/listen_socket.h"
#include "server/socket_activation.h"
#include "store/migrate.h"
#include "test_support.h"
#include "web/router.h"

using namespace confsched;

BOOST_AUTO_TEST_SUITE(app_parsers)

BOOST_AUTO_TEST_CASE(path_ids) {
  int64_t id = 0;
  BOOST_TEST(parse_path_id("42", id));
  BOOST_TEST(id == 42);
  BOOST_TEST(parse_path_id("999999999999999999", id));
  for (const char* bad :
       {"", "0", "007", "abc", "1a", "-1", "+1", " 1", "1/", "9999999999999999999"})
    BOOST_TEST(!parse_path_id(bad, id), "accepted \"" << bad << "\"");
}

BOOST_AUTO_TEST_CASE(listen_addresses) {
  auto unix_socket = parse_listen_address("unix:/run/x.sock");
  BOOST_REQUIRE(unix_socket.has_value());
  BOOST_TEST((unix_socket->kind == ListenAddress::Kind::kUnix));
  BOOST_TEST(unix_socket->path == "/run/x.sock");

  auto tcp = parse_listen_address("127.0.0.1:9000");
  BOOST_REQUIRE(tcp.has_value());
  BOOST_TEST((tcp->kind == ListenAddress::Kind::kTcp));
  BOOST_TEST(tcp->host == "127.0.0.1");
  BOOST_TEST(tcp->port == 9000);

  auto v6 = parse_listen_address("[::1]:9000");
  BOOST_REQUIRE(v6.has_value());
  BOOST_TEST(v6->host == "::1");

  auto inherited = parse_listen_address("");
  BOOST_REQUIRE(inherited.has_value());
  BOOST_TEST((inherited->kind == ListenAddress::Kind::kInherited));

  for (const char* bad : {"unix:", "localhost", "host:0", "host:65536", "host:x", "::1:9000"})
    BOOST_TEST(!parse_listen_address(bad).has_value(), "accepted \"" << bad << "\"");
}

BOOST_AUTO_TEST_CASE(systemd_socket_activation) {
  using Outcome = SocketActivation::Outcome;
  auto one = parse_socket_activation("4242", "1", 4242);
  BOOST_TEST((one.outcome == Outcome::kOne));
  BOOST_TEST(one.fd == 3);
  // Not set, set for another process (inherited through an exec), or zero
  // sockets: listen as configured.
  BOOST_TEST((parse_socket_activation(nullptr, nullptr, 4242).outcome == Outcome::kNone));
  BOOST_TEST((parse_socket_activation("4242", nullptr, 4242).outcome == Outcome::kNone));
  BOOST_TEST((parse_socket_activation("4241", "1", 4242).outcome == Outcome::kNone));
  BOOST_TEST((parse_socket_activation("04242", "1", 4242).outcome == Outcome::kNone));
  BOOST_TEST((parse_socket_activation("4242", "0", 4242).outcome == Outcome::kNone));
  // Meant for us but unusable: refused with a reason, never guessed at.
  for (const char* bad : {"2", "", "x", "-1", " 1", "01", "99999999999999999999"}) {
    auto r = parse_socket_activation("4242", bad, 4242);
    BOOST_TEST((r.outcome == Outcome::kRefused), "LISTEN_FDS=\"" << bad << "\"");
    BOOST_TEST(!r.error.empty());
  }
  BOOST_TEST(parse_socket_activation("4242", "2", 4242).error.find("2 sockets") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(migration_file_names) {
  BOOST_TEST(migration_version("001_schema.sql").value_or(-1) == 1);
  BOOST_TEST(migration_version("120_add_x.sql").value_or(-1) == 120);
  for (const char* bad : {"1_schema.sql", "001schema.sql", "001_schema.sql~", "abc_x.sql", ".sql"})
    BOOST_TEST(!migration_version(bad).has_value(), "accepted \"" << bad << "\"");
}

BOOST_AUTO_TEST_CASE(the_shipped_migrations_are_in_order) {
  auto files = list_migrations(CONFSCHED_SOURCE_DIR "/sql");
  BOOST_REQUIRE(!files.empty());
  BOOST_TEST(files.front().name == "001_schema.sql");
  for (size_t i = 1; i < files.size(); ++i) BOOST_TEST(files[i - 1].version < files[i].version);
}

BOOST_AUTO_TEST_SUITE_END()
