// The option file `db backup` / `db restore` hand the MariaDB tools, and
// the check that a file to restore is a dump.
#include "store/client_options.h"

#include "store/backup.h"
#include "test_support.h"

using namespace confsched;

BOOST_AUTO_TEST_SUITE(client_options)

BOOST_AUTO_TEST_CASE(socket_connection) {
  DatabaseConfig d;
  d.password = "s3cret";
  BOOST_TEST(client_option_file(d) ==
             "[client]\nuser=\"confsched\"\npassword=\"s3cret\"\nhost=\"localhost\"\n"
             "port=3306\nsocket=\"/run/mysqld/mysqld.sock\"\ndefault-character-set=utf8mb4\n");
}

BOOST_AUTO_TEST_CASE(tcp_connection_has_no_socket_line) {
  DatabaseConfig d;
  d.host = "127.0.0.1";
  d.port = 3307;
  std::string text = client_option_file(d);
  BOOST_TEST(text.find("host=\"127.0.0.1\"\nport=3307\n") != std::string::npos);
  BOOST_TEST(text.find("socket=") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(passwords_keep_every_character) {
  // Quotes and backslashes escaped; '#', ';' and blanks kept by the quotes.
  DatabaseConfig d;
  d.password = R"( a"b\c#d;e )";
  BOOST_TEST(client_option_file(d).find(R"(password=" a\"b\\c#d;e ")") != std::string::npos);
  d.password = "";
  BOOST_TEST(client_option_file(d).find("password=\"\"\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(line_breaks_are_refused) {
  DatabaseConfig d;
  for (const char* bad : {"a\nb", "a\rb"}) {
    d.password = bad;
    BOOST_CHECK_THROW(client_option_file(d), ConfigError);
  }
  d.password = std::string("a\0b", 3);
  BOOST_CHECK_THROW(client_option_file(d), ConfigError);
}

BOOST_AUTO_TEST_CASE(dump_headers) {
  BOOST_TEST(looks_like_dump("-- MariaDB dump 10.19  Distrib 10.11.6-MariaDB\n"));
  BOOST_TEST(looks_like_dump("-- MySQL dump 10.13\n"));
  // mariadb-dump 10.11.8 and later (a blank ends the line).
  BOOST_TEST(looks_like_dump("/*M!999999\\- enable the sandbox mode */ \n-- MariaDB dump 10.19\n"));
  BOOST_TEST(!looks_like_dump("/*M!999999\\- enable the sandbox mode */\nDROP TABLE x;\n"));
  for (const char* bad : {"", "DROP TABLE sessions;", " -- MariaDB dump", "{\"schedule\""})
    BOOST_TEST(!looks_like_dump(bad), "accepted \"" << bad << "\"");
}

BOOST_AUTO_TEST_SUITE_END()
