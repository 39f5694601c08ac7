// The demo conference behind confsched-demo: generated, deterministic programme data.
#include "demo_seed.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "store/programme_writer.h"
#include "util/time_zone.h"

namespace confsched {

namespace {

// ---------------------------------------------------------------------------
// Fixed facts about the demo event.

constexpr size_t kDayCount = 3;

// The conference's days, "YYYY-MM-DD", from the first.
using DemoDays = std::array<std::string, kDayCount>;

// Largest room first: keynotes go to room index 0.
constexpr std::array<std::string_view, 8> kRooms = {
    "Main Auditorium", "Thames Hall",   "Greenwich Room", "Kew Room",
    "Hampstead Room",  "Richmond Room", "Camden Lab",     "Shoreditch Lab"};

struct TrackSpec {
  std::string_view name, colour;
  std::vector<std::string_view> topics;  // lower case; they sit mid-sentence
  std::vector<std::string_view> tools;   // proper nouns
};

const std::vector<TrackSpec>& track_specs() {
  static const std::vector<TrackSpec> specs = {
      {"Backend & Infrastructure",
       "#1f77b4",
       {"event-driven services", "database migrations", "message queues", "service meshes",
        "connection pooling", "zero-downtime deploys", "multi-region failover", "rate limiting",
        "background job systems", "Kubernetes operators"},
       {"PostgreSQL", "Kafka", "gRPC", "Rust", "Go", "Terraform", "eBPF", "SQLite"}},
      {"Web & Mobile",
       "#d62728",
       {"design systems", "offline-first apps", "server-side rendering", "accessible forms",
        "web performance budgets", "progressive enhancement", "push notifications", "CSS layout",
        "image pipelines", "internationalisation"},
       {"TypeScript", "Web Components", "Kotlin", "Swift", "htmx", "WebAssembly", "Flutter"}},
      {"Data & AI",
       "#2ca02c",
       {"feature stores", "data pipelines", "vector search", "model evaluation",
        "streaming analytics", "data contracts", "recommendation systems", "LLM-assisted tooling",
        "data quality checks", "time-series storage"},
       {"DuckDB", "Python", "Apache Arrow", "Spark", "dbt", "ClickHouse", "Polars"}},
      {"Security",
       "#9467bd",
       {"supply-chain security", "secrets management", "threat modelling", "passkeys",
        "incident response", "fuzzing", "memory safety", "access control", "audit logging",
        "dependency updates"},
       {"SBOMs", "WebAuthn", "Sigstore", "OAuth 2.1", "libFuzzer", "Rust", "OpenTelemetry"}},
      {"Engineering Culture",
       "#ff7f0e",
       {"code review", "on-call rotations", "technical debt", "mentoring", "remote teams",
        "documentation", "estimation", "platform teams", "hiring loops", "incident retrospectives"},
       {"RFCs", "blameless postmortems", "pair programming", "architecture decision records",
        "team charters", "lightweight metrics"}},
  };
  return specs;
}

// Minutes after midnight, local time.
struct Block {
  enum Kind { kKeynote, kSlot, kBreak, kClosingKeynote, kSocial } kind;
  int start, end;
  std::string_view label;  // breaks and the social only
};

std::vector<Block> day_layout(int day) {
  std::vector<Block> blocks = {
      {Block::kKeynote, 9 * 60, 9 * 60 + 45, ""},
      {Block::kSlot, 9 * 60 + 55, 10 * 60 + 35, ""},
      {Block::kBreak, 10 * 60 + 35, 11 * 60, "Coffee break"},
      {Block::kSlot, 11 * 60, 11 * 60 + 40, ""},
      {Block::kSlot, 11 * 60 + 50, 12 * 60 + 30, ""},
      {Block::kBreak, 12 * 60 + 30, 13 * 60 + 30, "Lunch"},
      {Block::kSlot, 13 * 60 + 30, 14 * 60 + 10, ""},
      {Block::kSlot, 14 * 60 + 20, 15 * 60, ""},
      {Block::kBreak, 15 * 60, 15 * 60 + 30, "Afternoon break"},
      {Block::kSlot, 15 * 60 + 30, 16 * 60 + 10, ""},
  };
  if (day < 2) {
    blocks.push_back({Block::kSlot, 16 * 60 + 20, 17 * 60, ""});
    blocks.push_back({Block::kSlot, 17 * 60 + 10, 17 * 60 + 50, ""});
  } else {
    // A gap before the closing keynote so everyone can reach the auditorium.
    blocks.push_back({Block::kClosingKeynote, 16 * 60 + 30, 17 * 60 + 30, ""});
  }
  if (day == 0) blocks.push_back({Block::kSocial, 19 * 60, 22 * 60, ""});
  return blocks;
}

// Workshops run 90 minutes in the labs, taking two back-to-back slots
// (1-based slot numbers; 4+5 and 7+8 are exactly 90 minutes apart).
bool workshop_starts(int slot, size_t room) {
  return (slot == 4 && room >= 6) || (slot == 7 && room == 7);
}

// A few sessions in unusual states, so the pages show them.
struct SpecialSession {
  int day, slot;
  size_t room;
  std::string_view status;
};
constexpr std::array<SpecialSession, 3> kSpecialStatuses = {{
    {0, 6, 2, "moved"},
    {1, 3, 4, "cancelled"},
    {2, 2, 5, "cancelled"},
}};

// Characters that must be escaped, placed on day 1 in the first slot.
constexpr std::string_view kEscapingTitle = "Templates & <escaping>: a \"field\" guide";
constexpr int kEscapingDay = 0, kEscapingSlot = 1;
constexpr size_t kEscapingRoom = 1, kEscapingTrack = 1;

// ---------------------------------------------------------------------------
// Deterministic choices. std::mt19937's raw output is fixed by the standard;
// the distributions are not, hence plain modulo.

class Rng {
 public:
  size_t below(size_t n) { return static_cast<size_t>(gen_() % n); }
  bool percent(size_t p) { return below(100) < p; }
  template <typename T>
  const T& pick(const std::vector<T>& items) {
    return items[below(items.size())];
  }

 private:
  std::mt19937 gen_{20270615u};
};

std::string replace_all(std::string text, std::string_view from, std::string_view to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

std::string capitalised(std::string_view text) {
  std::string out(text);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z')
    out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

// Placeholders: {x} topic, {X} the topic capitalised, {y} tool.
std::string fill(std::string_view templ, std::string_view topic, std::string_view tool) {
  std::string out = replace_all(std::string(templ), "{X}", capitalised(topic));
  out = replace_all(out, "{x}", topic);
  return replace_all(out, "{y}", tool);
}

std::string two_digits(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

std::string timestamp(const DemoDays& days, int day, int minutes) {
  return days[static_cast<size_t>(day)] + " " + two_digits(minutes / 60) + ":" +
         two_digits(minutes % 60) + ":00";
}

// ---------------------------------------------------------------------------
// Speakers.

struct DemoSpeaker {
  std::string name, affiliation, bio;
};

// The first few are fixed so the keynotes show names that need care
// (non-ASCII letters, an apostrophe).
constexpr std::array<std::string_view, 4> kKeynoteSpeakers = {"Zoë Ångström", "Siobhán O'Connor",
                                                              "Rafael Núñez", "Adaeze Okonkwo"};

const std::vector<std::string_view> kFirstNames = {
    "Amara",    "Ben",   "Chloé", "Dmitri", "Esther", "Farid",   "Grace", "Hiro",
    "Inês",     "Jonas", "Kemi",  "Liam",   "Mei",    "Nikolai", "Olu",   "Priya",
    "Quentin",  "Rosa",  "Søren", "Tariq",  "Uma",    "Viktor",  "Wen",   "Ximena",
    "Yusuf",    "Zara",  "Aoife", "Bogdan", "Carmen", "Dev",     "Elif",  "Felix",
    "Gabriela", "Hamza", "Isla",  "José",   "Łukasz", "Marta",   "Niamh", "Oskar"};

const std::vector<std::string_view> kLastNames = {
    "Adeyemi",  "Brennan",   "Castillo", "Dubois",    "Eriksen", "Fischer",  "García",    "Haddad",
    "Ivanova",  "Jensen",    "Kowalski", "Lindqvist", "Mensah",  "Nakamura", "Okafor",    "Patel",
    "Quinn",    "Rahman",    "Silva",    "Takahashi", "Újvári",  "Varga",    "Whitfield", "Xu",
    "Yilmaz",   "Zhang",     "Müller",   "O'Neill",   "Novák",   "Moreau",   "Byrne",     "Chen",
    "Ferreira", "Gallagher", "Hughes",   "Ito"};

const std::vector<std::string_view> kAffiliations = {
    "Fieldfare Systems",  "Riverbend Analytics",
    "Copperleaf Labs",    "Kestrel Software",
    "Brightwater Bank",   "Harbour & Pine Consulting",
    "Lumen Health",       "Open Transit Foundation",
    "Tallyhouse",         "Northgate University",
    "Quarry Games",       "Bluefin Logistics",
    "Saltmarsh Security", "Meridian Retail Group",
    "Paperkite",          "Granite Cloud",
    "Foxglove Studio",    "Wrenfield Institute of Technology"};

const std::vector<std::string_view> kRoles = {
    "software engineer",         "staff engineer",      "principal engineer", "engineering manager",
    "site reliability engineer", "security researcher", "data scientist",     "developer advocate",
    "front-end developer",       "research fellow",     "platform engineer",  "CTO"};

const std::vector<std::string_view> kHobbies = {
    "runs a small community meetup",      "restores old synthesisers",
    "is learning to sail on the Thames",  "bakes sourdough with mixed results",
    "climbs whenever the weather allows", "writes a newsletter about compilers",
    "volunteers at a local coding club",  "collects vintage home computers"};

std::string with_article(std::string_view noun) {
  bool vowel = std::string_view("aeiou").find(noun.front()) != std::string_view::npos;
  return std::string(vowel ? "an " : "a ") + std::string(noun);
}

std::string speaker_bio(std::string_view full_name, std::string_view affiliation, Rng& rng) {
  std::string first(full_name.substr(0, full_name.find(' ')));
  std::string bio = std::string(full_name) + " is " + with_article(rng.pick(kRoles)) + " at " +
                    std::string(affiliation) + ".";
  size_t sentences = 1 + rng.below(3);
  if (sentences >= 2) {
    const TrackSpec& track = rng.pick(track_specs());
    bio += " " + first + " has spent " + std::to_string(3 + rng.below(18)) + " years working on " +
           std::string(rng.pick(track.topics)) + ".";
  }
  if (sentences >= 3)
    bio += " Outside work, " + first + " " + std::string(rng.pick(kHobbies)) + ".";
  return bio;
}

std::vector<DemoSpeaker> make_speakers(size_t count, Rng& rng) {
  std::vector<DemoSpeaker> speakers;
  std::set<std::string> used;
  auto add = [&](std::string name) {
    if (!used.insert(name).second) return;
    std::string affiliation(rng.pick(kAffiliations));
    std::string bio = speaker_bio(name, affiliation, rng);
    speakers.push_back({std::move(name), std::move(affiliation), std::move(bio)});
  };
  for (std::string_view name : kKeynoteSpeakers) add(std::string(name));
  while (speakers.size() < count)
    add(std::string(rng.pick(kFirstNames)) + " " + std::string(rng.pick(kLastNames)));
  return speakers;
}

// ---------------------------------------------------------------------------
// Sessions.

struct PlannedSession {
  std::string title, abstract;
  int day = 0, start = 0, end = 0;
  size_t room = 0;
  std::optional<size_t> track;
  std::string_view kind = "talk", status = "scheduled";
  std::vector<size_t> speakers;  // indexes into the speaker list
};

const std::vector<std::string_view> kTalkTemplates = {"Scaling {x} with {y}",
                                                      "What we learned running {x} in production",
                                                      "{X} in practice: lessons from five years",
                                                      "A gentle introduction to {x}",
                                                      "Beyond {y}: {x} for the rest of us",
                                                      "{X} at three in the morning",
                                                      "Moving {x} to {y}: a migration story",
                                                      "{X} without the hype",
                                                      "Designing {x} that people actually use",
                                                      "Testing {x}: patterns and anti-patterns",
                                                      "The hidden cost of {x}",
                                                      "{X} on a shoestring budget",
                                                      "When {x} gets slow, and how to fix it",
                                                      "{y} and {x}: a field report",
                                                      "Ten things nobody told us about {x}",
                                                      "{X}, {y} and the art of saying no"};

const std::vector<std::string_view> kWorkshopTemplates = {"Hands-on: {x} from scratch",
                                                          "Workshop: practical {x} with {y}",
                                                          "Lab: {x} with {y}, step by step"};

const std::vector<std::string_view> kPanelTemplates = {"Panel: the future of {x}",
                                                       "Panel: {x} – hype or here to stay?",
                                                       "Panel: {y} in the real world"};

const std::vector<std::string_view> kOpeners = {
    "Almost every team eventually has to deal with {x}, and most of us learn the hard way.",
    "{X} looks simple on the whiteboard and gets complicated the moment real users arrive.",
    "Two years ago our team bet heavily on {x}; this talk is an honest account of how it went.",
    "There is no shortage of opinions about {x}, but very few of them come with numbers.",
    "This session takes a practical look at {x} as it is done in teams of every size."};

const std::vector<std::string_view> kMiddles = {
    "We walk through the design decisions behind a production system built on {y}, including "
    "the ones we would not make again.",
    "Expect concrete examples, real failure stories and the metrics we used to tell whether "
    "things were getting better.",
    "Along the way we compare {y} with the alternatives we evaluated and explain why the "
    "trade-offs came out the way they did.",
    "You will see how small changes to {x} compound over months, for better and for worse.",
    "We also cover testing, observability and the awkward conversations with stakeholders that "
    "nobody warns you about.",
    "The examples use {y}, but the ideas carry over to whatever stack you happen to run.",
    "A short live demo shows the approach end to end, from the first commit to a dashboard "
    "someone actually reads."};

const std::vector<std::string_view> kClosers = {
    "You will leave with a checklist you can apply on Monday morning.",
    "No prior experience with {y} is required.",
    "Bring your questions: there will be time for discussion at the end.",
    "Slides and example code will be shared after the session."};

// Middle sentences are added until the text reaches a few hundred
// characters; each is under 160, so the result stays within 300..600.
std::string make_abstract(std::string_view kind, std::string_view topic, std::string_view tool,
                          Rng& rng) {
  std::string text, closer;
  if (kind == "workshop") {
    text = fill(
        "In this hands-on workshop you will work through a small but complete example of {x}, "
        "step by step.",
        topic, tool);
    closer = fill("Bring a laptop with {y} installed; everything else is provided.", topic, tool);
  } else if (kind == "panel") {
    text = fill("Our panel of practitioners disagree, politely, about where {x} is heading.", topic,
                tool);
    closer = "Questions from the audience are very welcome.";
  } else {
    text = fill(rng.pick(kOpeners), topic, tool);
    closer = fill(rng.pick(kClosers), topic, tool);
  }
  std::vector<bool> used(kMiddles.size(), false);
  while (text.size() + closer.size() < 300) {
    size_t i = rng.below(kMiddles.size());
    while (used[i]) i = (i + 1) % kMiddles.size();
    used[i] = true;
    text += " " + fill(kMiddles[i], topic, tool);
  }
  return text + " " + closer;
}

class SessionPlanner {
 public:
  explicit SessionPlanner(Rng& rng) : rng_(rng) {}

  std::vector<PlannedSession> plan() {
    for (int day = 0; day < static_cast<int>(kDayCount); ++day) plan_day(day);
    return std::move(sessions_);
  }

 private:
  void plan_day(int day) {
    int slot = 0;
    std::vector<Block> blocks = day_layout(day);
    for (size_t i = 0; i < blocks.size(); ++i) {
      const Block& b = blocks[i];
      switch (b.kind) {
        case Block::kKeynote:
        case Block::kClosingKeynote:
          add_keynote(day, b);
          break;
        case Block::kBreak:
          add_fixed(day, b, std::string(b.label), "break", break_abstract(b.label));
          break;
        case Block::kSocial:
          add_social(day, b);
          break;
        case Block::kSlot:
          ++slot;
          add_slot(day, slot, b, next_slot_end(blocks, i));
          break;
      }
    }
  }

  static int next_slot_end(const std::vector<Block>& blocks, size_t i) {
    for (size_t j = i + 1; j < blocks.size(); ++j)
      if (blocks[j].kind == Block::kSlot) return blocks[j].end;
    return blocks[i].end;
  }

  void add_keynote(int day, const Block& b) {
    static constexpr std::array<std::string_view, 4> titles = {
        "Opening keynote: Software that outlives its authors", "Keynote: Small tools, sharp edges",
        "Keynote: The slow web is a choice", "Closing keynote: What we will build next"};
    const TrackSpec& track = rng_.pick(track_specs());
    PlannedSession& s =
        add_fixed(day, b, std::string(titles[keynotes_]), "keynote",
                  make_abstract("keynote", rng_.pick(track.topics), rng_.pick(track.tools), rng_));
    s.speakers.push_back(keynotes_++);  // the reserved keynote speakers
  }

  void add_social(int day, const Block& b) {
    add_fixed(day, b, "Welcome reception & river terrace drinks", "social",
              "Join fellow attendees, speakers and organisers on the river terrace for drinks, "
              "street food and live music. Soft drinks and vegetarian options are available, and "
              "the foyer stays open for anyone who prefers a quieter conversation. Your badge is "
              "your ticket; guests are welcome if registered at the information desk by 17:00.");
  }

  static std::string break_abstract(std::string_view label) {
    if (label == "Lunch") return "Lunch is served in the foyer and on the river terrace.";
    return "Coffee, tea and snacks in the foyer.";
  }

  PlannedSession& add_fixed(int day, const Block& b, std::string title, std::string_view kind,
                            std::string abstract) {
    PlannedSession s;
    s.title = std::move(title);
    s.abstract = std::move(abstract);
    s.day = day;
    s.start = b.start;
    s.end = b.end;
    s.kind = kind;
    sessions_.push_back(std::move(s));
    return sessions_.back();
  }

  void add_slot(int day, int slot, const Block& b, int pair_end) {
    for (size_t room = 0; room < kRooms.size(); ++room) {
      if (slot > 1 && workshop_starts(slot - 1, room)) continue;  // still in the workshop
      bool workshop = workshop_starts(slot, room);
      std::string_view kind = workshop ? "workshop" : (rng_.percent(7) ? "panel" : "talk");
      add_talk(day, slot, room, kind, b.start, workshop ? pair_end : b.end);
    }
  }

  void add_talk(int day, int slot, size_t room, std::string_view kind, int start, int end) {
    PlannedSession s;
    s.day = day;
    s.start = start;
    s.end = end;
    s.room = room;
    s.kind = kind;
    // Each room mostly keeps to one track, as real conferences do.
    size_t track =
        rng_.percent(20) ? rng_.below(track_specs().size()) : room % track_specs().size();
    bool escaping = day == kEscapingDay && slot == kEscapingSlot && room == kEscapingRoom;
    if (escaping) track = kEscapingTrack;
    s.track = track;
    const TrackSpec& spec = track_specs()[track];
    std::string_view topic = rng_.pick(spec.topics), tool = rng_.pick(spec.tools);
    s.title = escaping ? std::string(kEscapingTitle) : unique_title(kind, spec, topic, tool);
    s.abstract = make_abstract(kind, topic, tool, rng_);
    for (const SpecialSession& special : kSpecialStatuses)
      if (special.day == day && special.slot == slot && special.room == room)
        s.status = special.status;
    sessions_.push_back(std::move(s));
  }

  std::string unique_title(std::string_view kind, const TrackSpec& spec, std::string_view& topic,
                           std::string_view& tool) {
    const std::vector<std::string_view>& templates =
        kind == "workshop" ? kWorkshopTemplates
                           : (kind == "panel" ? kPanelTemplates : kTalkTemplates);
    for (;;) {
      std::string title = fill(rng_.pick(templates), topic, tool);
      if (titles_.insert(title).second) return title;
      topic = rng_.pick(spec.topics);
      tool = rng_.pick(spec.tools);
    }
  }

  Rng& rng_;
  std::vector<PlannedSession> sessions_;
  std::set<std::string> titles_;
  size_t keynotes_ = 0;
};

size_t speakers_needed(std::string_view kind, Rng& rng) {
  if (kind == "panel") return 3;
  if (kind == "workshop") return 1 + rng.below(2);
  if (kind != "talk") return 0;  // keynotes are assigned while planning
  size_t r = rng.below(100);
  return r < 72 ? 1 : (r < 94 ? 2 : 3);
}

bool overlaps(const PlannedSession& a, const PlannedSession& b) {
  return a.day == b.day && a.start < b.end && b.start < a.end;
}

// Walks a shuffled speaker order so that everyone gets a session before
// anyone gets a second, and nobody is booked into two rooms at once.
void assign_speakers(std::vector<PlannedSession>& sessions, size_t speaker_count, Rng& rng) {
  std::vector<size_t> order;
  for (size_t i = kKeynoteSpeakers.size(); i < speaker_count; ++i) order.push_back(i);
  for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng.below(i)]);
  std::vector<std::vector<size_t>> booked(speaker_count);  // session indexes
  size_t cursor = 0;
  for (size_t si = 0; si < sessions.size(); ++si) {
    PlannedSession& s = sessions[si];
    for (size_t n = speakers_needed(s.kind, rng); n > 0; --n) {
      for (size_t tries = 0; tries < order.size(); ++tries) {
        size_t candidate = order[cursor++ % order.size()];
        bool busy = false;
        for (size_t other : booked[candidate]) busy = busy || overlaps(sessions[other], s);
        if (busy) continue;
        s.speakers.push_back(candidate);
        booked[candidate].push_back(si);
        break;
      }
    }
  }
}

// ---------------------------------------------------------------------------
// Rows. Explicit ids so that every run yields identical data, links
// included (AUTO_INCREMENT would keep counting after the DELETEs).

int64_t id_of(size_t index) { return static_cast<int64_t>(index + 1); }

EventInfo demo_event(const DemoDays& days) {
  return EventInfo{
      "Northern Lights Developer Conference 2027",
      "Three days of practical software engineering by the Thames",
      "Riverside Conference Centre, 1 Wharf Street, London",
      kDemoTimeZone,
      days.front(),
      days.back(),
      "Northern Lights brings together people who build and run software for a living: "
      "eight rooms, five tracks and about a hundred and eighty sessions over three days."
      "\n\n"
      "Every day opens with a keynote in the Main Auditorium, followed by parallel talks, "
      "panels and hands-on workshops. Coffee and lunch are served in the foyer."
      "\n\n"
      "Times are shown in London time. Check the announcements for last-minute room "
      "changes."};
}

// Slides for about a third of the sessions with speakers, sometimes a video
// or a repository as well.
std::vector<Material> demo_materials(const PlannedSession& s, size_t index, Rng& rng) {
  if (s.speakers.empty() || s.status == "cancelled" || rng.below(3) != 0) return {};
  std::string slug = std::to_string(index + 1);
  std::vector<Material> links = {
      {"Slides", "https://example.org/nldc2027/slides/" + slug + ".pdf"}};
  if (rng.percent(50))
    links.push_back({s.kind == "workshop" ? "Workshop repository" : "Video",
                     s.kind == "workshop" ? "https://example.org/nldc2027/code/" + slug
                                          : "https://example.org/nldc2027/video/" + slug});
  return links;
}

std::vector<AnnouncementRow> demo_announcements(const DemoDays& days,
                                                const std::vector<PlannedSession>& sessions) {
  std::vector<AnnouncementRow> rows = {
      {id_of(0),
       "Welcome to Northern Lights 2027! Badge collection opens at 08:00 in the foyer; the "
       "opening keynote starts at 09:00 in the Main Auditorium.",
       // Announcement times are UTC (sql/003). Published in the past, so
       // the demo shows a banner from the first minute.
       "2026-01-01 00:00:00", std::nullopt}};
  for (const PlannedSession& s : sessions) {
    if (s.status != "moved") continue;
    rows.push_back({id_of(1),
                    "Room change: \u201C" + s.title + "\u201D now takes place in the " +
                        std::string(kRooms[s.room]) + ", same time.",
                    timestamp(days, s.day, 12 * 60 + 40), timestamp(days, s.day, 18 * 60)});
    break;
  }
  return rows;
}

// Directions, floor, map and stream for the demo's rooms, so that the
// pages that show them have something to show. The links point at
// example.org (RFC 2606): the demo has no venue and no streams.
RoomDetails demo_room_details(size_t room) {
  static constexpr std::array<std::string_view, 4> kFloors = {"Ground floor", "Level 1", "Level 2",
                                                              "Level 3"};
  static constexpr std::array<std::string_view, 8> kDirections = {
      "Straight ahead from the main entrance", "Through the foyer, first door on the left",
      "Up the main stairs, turn right",        "Up the main stairs, turn left",
      "Lift to level 2, end of the corridor",  "Lift to level 2, opposite the cloakroom",
      "Top of the back stairs, signposted",    "Top of the back stairs, past the lab"};
  RoomDetails d;
  d.floor = std::string(kFloors[room / 2 % kFloors.size()]);
  d.description = std::string(kDirections[room % kDirections.size()]);
  d.map_url = "https://example.org/venue-map#room-" + std::to_string(room + 1);
  // The two labs have no camera.
  if (room < 6) d.stream_url = "https://example.org/stream/room-" + std::to_string(room + 1);
  return d;
}

ProgrammeRows demo_rows(const DemoDays& days, const std::vector<DemoSpeaker>& speakers,
                        const std::vector<PlannedSession>& sessions, Rng& rng) {
  ProgrammeRows rows;
  rows.event = demo_event(days);
  for (size_t i = 0; i < kRooms.size(); ++i)
    rows.rooms.push_back(
        Room{id_of(i), std::string(kRooms[i]), id_of(i), std::nullopt, demo_room_details(i)});
  const std::vector<TrackSpec>& specs = track_specs();
  for (size_t i = 0; i < specs.size(); ++i)
    rows.tracks.push_back(
        Track{id_of(i), std::string(specs[i].name), std::string(specs[i].colour)});
  for (size_t i = 0; i < speakers.size(); ++i)
    rows.speakers.push_back(
        Speaker{id_of(i), speakers[i].name, speakers[i].affiliation, speakers[i].bio});
  for (size_t i = 0; i < sessions.size(); ++i) {
    const PlannedSession& s = sessions[i];
    SessionRow row;
    row.id = id_of(i);
    row.title = s.title;
    row.abstract = s.abstract;
    row.starts_at = timestamp(days, s.day, s.start);
    row.ends_at = timestamp(days, s.day, s.end);
    row.room_id = id_of(s.room);
    if (s.track) row.track_id = id_of(*s.track);
    row.kind = std::string(s.kind);
    row.status = std::string(s.status);
    for (size_t speaker : s.speakers) row.speaker_ids.push_back(id_of(speaker));
    row.materials = demo_materials(s, i, rng);
    rows.sessions.push_back(std::move(row));
  }
  rows.announcements = demo_announcements(days, sessions);
  return rows;
}

}  // namespace

DemoSeedSummary seed_demo(Database& db, const CivilDateTime& first_day) {
  DemoDays days;
  const int64_t first = seconds_from_civil(first_day);
  for (size_t i = 0; i < kDayCount; ++i)
    days[i] =
        format_civil(civil_from_seconds(first + static_cast<int64_t>(i) * 86400)).substr(0, 10);
  Rng rng;
  std::vector<DemoSpeaker> speakers = make_speakers(180, rng);
  std::vector<PlannedSession> sessions = SessionPlanner(rng).plan();
  assign_speakers(sessions, speakers.size(), rng);
  ProgrammeRows rows = demo_rows(days, speakers, sessions, rng);

  Transaction tx(db);
  replace_programme(db, rows);
  tx.commit();

  DemoSeedSummary summary;
  summary.days = static_cast<int>(kDayCount);
  summary.rooms = static_cast<int>(kRooms.size());
  summary.tracks = static_cast<int>(track_specs().size());
  summary.sessions = static_cast<int>(sessions.size());
  summary.speakers = static_cast<int>(speakers.size());
  return summary;
}

}  // namespace confsched
