// Running late (model/running_late.h): what staff may type, how a session
// moves, and the preview's list as the save reads it back.
#include "model/running_late.h"

#include "test_support.h"

using namespace confsched;

BOOST_AUTO_TEST_SUITE(running_late)

BOOST_AUTO_TEST_CASE(a_delay_is_a_whole_number_of_minutes_up_to_four_hours) {
  BOOST_TEST(parse_delay_minutes("10").value_or(0) == 10);
  BOOST_TEST(parse_delay_minutes(" 5 ").value_or(0) == 5);
  BOOST_TEST(parse_delay_minutes("240").value_or(0) == 240);
  for (const char* bad : {"", "0", "241", "-5", "5.5", "05", "1e2", "ten", "99999999999"})
    BOOST_TEST(!parse_delay_minutes(bad).has_value(), bad);
}

BOOST_AUTO_TEST_CASE(a_session_moves_later_and_its_end_may_pass_midnight) {
  SessionDraft d;
  d.day = "2027-06-15";
  d.start = "09:50";
  d.end = "10:40";
  auto moved = delayed(d, 15);
  BOOST_TEST_REQUIRE(moved.has_value());
  BOOST_TEST(moved->start == "10:05");
  BOOST_TEST(moved->end == "10:55");
  BOOST_TEST(moved->day == "2027-06-15");
  d.start = "22:30";
  d.end = "23:44";
  BOOST_TEST(delayed(d, 15)->end == "23:59");
  // Its end passes midnight: an end before the start is the next day's.
  BOOST_TEST(delayed(d, 16)->end == "00:00");
  BOOST_TEST(delayed(d, 30)->end == "00:14");
  BOOST_TEST(delayed(d, 30)->ends_at() == "2027-06-16 00:14:00");
  BOOST_TEST(delayed(d, 30)->day == "2027-06-15");
  // One that runs past midnight already (as an import may store it).
  d.start = "23:00";
  d.end = "01:00";
  BOOST_TEST(delayed(d, 30)->start == "23:30");
  BOOST_TEST(delayed(d, 30)->end == "01:30");
  // Its start stays on its date.
  BOOST_TEST(delayed(d, 59).has_value());
  BOOST_TEST(!delayed(d, 60).has_value());
  d.end = "bad";
  BOOST_TEST(!delayed(d, 1).has_value());
}

BOOST_AUTO_TEST_CASE(the_previewed_list_reads_back_only_as_written) {
  Previewed p = {{12, 3}, {15, 1}, {7, 22}};
  BOOST_TEST(previewed_text(p) == "12.3,15.1,7.22");
  BOOST_TEST((parse_previewed("12.3,15.1,7.22") == p));
  for (const char* bad : {"", ",", "1.1,", ",1.1", "1", "1.", ".1", "0.1", "1.0", "01.1",
                          "1.1,,2.2", "1.1;2.2", "1.1 ,2.2", "-1.1", "1234567890123456789.1"})
    BOOST_TEST(!parse_previewed(bad).has_value(), bad);
  std::string many;
  for (int i = 1; i <= 501; ++i) many += (i > 1 ? "," : "") + std::to_string(i) + ".1";
  BOOST_TEST(!parse_previewed(many).has_value());
  BOOST_TEST(parse_previewed(many.substr(0, many.rfind(','))).has_value());  // 500
}

BOOST_AUTO_TEST_CASE(the_announcement_reads_as_a_sentence) {
  BOOST_TEST(delay_announcement("Hall A", "Keynote", "09:10", 10, true) ==
             "Hall A is running 10 minutes late: “Keynote” starts at 09:10, and the sessions "
             "after it there start 10 minutes later.");
  BOOST_TEST(delay_announcement("Lab", "Talk", "14:01", 1, false) ==
             "Lab is running 1 minute late: “Talk” starts at 14:01.");
}

BOOST_AUTO_TEST_SUITE_END()
