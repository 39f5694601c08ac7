// /speakers and /speaker/<id> beyond their golden files: every speaker
// link a delegate page carries opens that speaker's page, who the list
// holds and in what order, and the list's weight for a large conference,
// the budget its markup was made for (templates/speakers.tpl).
#include <boost/test/unit_test.hpp>
#include <cctype>
#include <cstdio>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "golden_support.h"
#include "web/request_boundary.h"

namespace confsched::golden {
namespace {

std::string delegate() { return session_for(Role::kDelegate, 1); }

Response get(GoldenSite& golden, const std::string& target,
             std::map<std::string, std::string> extra = {}) {
  return handle_request(
      *golden.site,
      make_request({.target = target, .session = delegate(), .extra = std::move(extra)}));
}

// The ids in the page's links to /speaker/<id>, in page order; with
// only_names, just those of the list's speaker entries.
std::vector<int64_t> speaker_links(const std::string& html, bool only_names = false) {
  static const std::regex any(R"re(href="/speaker/([0-9]+)")re");
  static const std::regex names(R"re(<a class="speaker" href="/speaker/([0-9]+)")re");
  std::vector<int64_t> ids;
  for (std::sregex_iterator it(html.begin(), html.end(), only_names ? names : any), end; it != end;
       ++it)
    ids.push_back(std::stoll((*it)[1]));
  return ids;
}

// Elements in an HTML page: its start tags ("<" and a letter; end tags,
// comments and the doctype are not elements). The page is the site's own
// markup, so no "<" in an attribute or a comment misleads the count.
size_t element_count(const std::string& html) {
  size_t n = 0;
  for (size_t i = 0; i + 1 < html.size(); ++i)
    if (html[i] == '<' && std::isalpha(static_cast<unsigned char>(html[i + 1]))) ++n;
  return n;
}

// A conference of the size the list was made for: 900 sessions over three
// days and 30 rooms, 1,000 speakers, every speaker on at least one session
// (talks have one, workshops two, panels four; one slot in ten is a break),
// one session in fifty cancelled. Names, affiliations and titles are made
// of syllables drawn at random, which gzip compresses worse than real
// words: a real programme of this size weighs less.
Programme large_programme() {
  Programme p;
  p.event = fixed_programme().event;
  uint64_t state = 42;
  auto below = [&](uint64_t n) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<size_t>((state >> 33) % n);
  };
  static const char* const kSyllables[] = {
      "ka",  "lo",  "mi",  "ran", "te",  "vos", "bel", "dra", "gen", "hu",  "is",  "jor",
      "kel", "lum", "ner", "op",  "pra", "qui", "sen", "tor", "ul",  "vin", "wes", "yan",
      "zel", "ar",  "bri", "cos", "den", "fa",  "gro", "hal", "in",  "jus", "kor", "lan"};
  auto word = [&](size_t syllables) {
    std::string w;
    for (size_t i = 0; i < syllables; ++i) w += kSyllables[below(std::size(kSyllables))];
    return w;
  };
  auto capital = [](std::string w) {
    w[0] = static_cast<char>(w[0] - 'a' + 'A');
    return w;
  };
  for (int64_t room = 1; room <= 30; ++room)
    p.rooms.push_back(Room{.id = room,
                           .name = "Room " + std::to_string(room),
                           .position = room,
                           .display_nonce = std::nullopt});
  for (int64_t id = 1; id <= 1000; ++id) {
    Speaker s{.id = id,
              .name = capital(word(2)) + " " + capital(word(2 + below(2))),
              .affiliation = "",
              .bio = ""};
    if (below(3) != 0) s.affiliation = capital(word(2 + below(2))) + " " + capital(word(2));
    p.speakers.push_back(std::move(s));
  }
  size_t next_speaker = 0;  // every speaker once before anybody twice
  for (int64_t id = 1; id <= 900; ++id) {
    Session s;
    s.id = id;
    // 30 sessions a slot (one a room), ten slots of an hour a day.
    const auto slot = static_cast<int>((id - 1) / 30);
    char start[32], end[32];
    std::snprintf(start, sizeof start, "2026-06-%02d %02d:00:00", 10 + slot / 10, 8 + slot % 10);
    std::snprintf(end, sizeof end, "2026-06-%02d %02d:50:00", 10 + slot / 10, 8 + slot % 10);
    s.starts_at = start;
    s.ends_at = end;
    s.room = &p.rooms[static_cast<size_t>((id - 1) % 30)];
    s.status = below(50) == 0 ? "cancelled" : "scheduled";
    size_t speakers = 0;
    if (below(10) == 0) {
      s.kind = "break";
      s.title = "Break";
    } else {
      size_t kind = below(10);
      s.kind = kind < 7 ? "talk" : kind < 9 ? "workshop" : "panel";
      speakers = kind < 7 ? 1 : kind < 9 ? 2 : 4;
      s.title = capital(word(2 + below(2)));
      for (size_t w = 2 + below(6); w > 0; --w) s.title += " " + word(1 + below(3));
    }
    for (size_t n = 0; n < speakers; ++n)
      s.speakers.push_back(&p.speakers[next_speaker++ % p.speakers.size()]);
    p.sessions.push_back(std::move(s));
  }
  return p;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(speakers)

// A speaker's name on the schedule, a search, a session page or the list
// leads to a page about that speaker.
BOOST_AUTO_TEST_CASE(every_speaker_link_opens_that_speakers_page) {
  GoldenSite golden;
  const Programme p = fixed_programme();
  std::set<int64_t> linked;
  std::vector<std::string> pages = {"/schedule", "/schedule?q=kernels", "/speakers"};
  for (const Session& s : p.sessions) pages.push_back("/session/" + std::to_string(s.id));
  for (const std::string& page : pages) {
    Response r = get(golden, page);
    BOOST_REQUIRE_EQUAL(r.status, 200);
    for (int64_t id : speaker_links(r.body)) linked.insert(id);
  }
  // Everybody on a session, whatever its status: 1, 2, 3, 5 and 6.
  BOOST_CHECK((linked == std::set<int64_t>{1, 2, 3, 5, 6}));
  for (int64_t id : linked) {
    BOOST_TEST_CONTEXT("/speaker/" << id) {
      Response r = get(golden, "/speaker/" + std::to_string(id));
      BOOST_CHECK_EQUAL(r.status, 200);
    }
  }
}

// Listed: a speaker with a session that is not cancelled (not Dora, on no
// session, nor Eve, on a cancelled one only), by the case-folded name:
// "bea de Wit" between "Ada" and "Bob", "Çağla" after both.
BOOST_AUTO_TEST_CASE(the_list_holds_who_speaks_by_case_folded_name) {
  GoldenSite golden;
  Response r = get(golden, "/speakers");
  BOOST_REQUIRE_EQUAL(r.status, 200);
  BOOST_CHECK((speaker_links(r.body, true) == std::vector<int64_t>{1, 6, 2, 3}));
  // Eve's cancelled session is not among Çağla's either.
  BOOST_CHECK(r.body.find("/session/4\"") == std::string::npos);
}

// 900 sessions and 1,000 speakers: the list stays well within 60 KB as
// sent (gzip) and 3,000 elements.
BOOST_AUTO_TEST_CASE(a_large_conference_list_stays_within_its_budget) {
  GoldenSite golden;
  golden.source.make_programme = large_programme;
  Response plain = get(golden, "/speakers");
  Response packed = get(golden, "/speakers", {{"HTTP_ACCEPT_ENCODING", "gzip"}});
  BOOST_REQUIRE_EQUAL(plain.status, 200);
  BOOST_REQUIRE_EQUAL(packed.status, 200);
  BOOST_REQUIRE(packed.header("Content-Encoding") != nullptr);
  const size_t elements = element_count(plain.body);
  BOOST_TEST_MESSAGE("/speakers for 900 sessions and 1,000 speakers: "
                     << plain.body.size() << " bytes, " << packed.body.size() << " gzipped, "
                     << elements << " elements");
  // All but those whose one session is among the cancelled.
  BOOST_CHECK_GT(speaker_links(plain.body, true).size(), 950u);
  BOOST_CHECK_LT(packed.body.size(), 60'000u);
  BOOST_CHECK_LT(elements, 3'000u);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace confsched::golden
