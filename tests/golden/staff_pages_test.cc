// The golden tier's staff pages: every /admin page family as a staff member
// sees it, and the answers to their forms (422, 409, 503), rendered by the
// real dispatch, page code and templates over a FixedStaffStore
// (fixed_staff_store.h) and compared byte for byte with
// tests/golden/expected/; then, stated apart from those files so that a
// blind regeneration cannot make them hold, the promises of the staff pages:
// who may reach them, the CSRF check, validation that changes nothing and
// keeps what was typed, optimistic locking, the audit's "who", and nothing
// typed lost in an outage.
//
// Nothing here varies from run to run: the clock is kNow, the staff cookie
// is signed under the fixed kSecret (so the CSRF token, an HMAC of it, is
// the same on every run), and the store draws screen links from a counter.
// What the whole stack proves (nginx, MariaDB's transactions and
// collations, signals, several workers) stays in tests/integration.
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <functional>
#include <initializer_list>
#include <regex>

#include "auth/csrf.h"
#include "auth/display_token.h"
#include "golden_support.h"
#include "http/percent.h"
#include "model/staff_member.h"
#include "web/request_boundary.h"
#include "web/route_table.h"

namespace confsched::golden {
namespace {

using Fields = std::vector<std::pair<std::string, std::string>>;

std::string staff() { return session_for(Role::kStaff, 1); }
std::string delegate() { return session_for(Role::kDelegate, 1); }
// The token every form of a staff page carries (admin/staff_page.h).
std::string staff_csrf() { return csrf_token(staff(), kSecret); }

std::string urlencoded(const Fields& fields) {
  std::string body;
  for (const auto& [name, value] : fields)
    body += (body.empty() ? "" : "&") + percent_encode(name, false) + "=" +
            percent_encode(value, false);
  return body;
}

RequestSpec staff_get(std::string target) {
  return {.target = std::move(target), .session = staff()};
}

// A staff form as a browser sends it: the page's CSRF token first.
RequestSpec staff_post(std::string target, const Fields& fields,
                       std::map<std::string, std::string> extra = {}) {
  Fields with_token = {{"csrf", staff_csrf()}};
  with_token.insert(with_token.end(), fields.begin(), fields.end());
  return {.method = "POST",
          .target = std::move(target),
          .session = staff(),
          .body = urlencoded(with_token),
          .content_type = "application/x-www-form-urlencoded",
          .extra = std::move(extra)};
}

// The same form sent with another staff session (a person's: add_person),
// carrying that session's CSRF token.
RequestSpec post_as(const std::string& session, std::string target, const Fields& fields) {
  RequestSpec spec = staff_post(std::move(target), fields);
  spec.session = session;
  Fields with_token = {{"csrf", csrf_token(spec.session, kSecret)}};
  with_token.insert(with_token.end(), fields.begin(), fields.end());
  spec.body = urlencoded(with_token);
  return spec;
}

Response send(GoldenSite& golden, const RequestSpec& spec) {
  return handle_request(*golden.site, make_request(spec));
}

std::string header(const Response& r, const std::string& name) {
  const std::string* value = r.header(name);
  return value ? *value : "(none)";
}

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

// A session's edit form as the page fills it (admin_session.tpl's field
// names), at its stored revision.
Fields session_form(GoldenSite& golden, int64_t id) {
  StoredSession s = *golden.staff.stored_session(id);
  return {{"revision", std::to_string(s.revision)},
          {"title", s.values.title},
          {"abstract", s.values.abstract},
          {"day", s.values.day},
          {"start", s.values.start},
          {"end", s.values.end},
          {"room_id", s.values.room_id},
          {"track_id", s.values.track_id},
          {"kind", s.values.kind},
          {"status", s.values.status},
          {"speakers", s.values.speakers},
          {"materials", s.values.materials},
          {"action", "save"}};
}

// A room's row form as the page fills it (admin_items.tpl's field names),
// at the version of its stored values.
Fields room_form(GoldenSite& golden, int64_t id) {
  for (const StoredItem& room : golden.staff.items(kRoomTable)) {
    if (room.id != id) continue;
    return {{"id", std::to_string(id)},
            {"version", item_version(room.values)},
            {"name", room.values.name},
            {"position", room.values.detail},
            {"description", room.values.room.description},
            {"floor", room.values.room.floor},
            {"map_url", room.values.room.map_url},
            {"stream_url", room.values.room.stream_url},
            {"action", "save"}};
  }
  throw std::logic_error("no room " + std::to_string(id));
}

Fields with(Fields fields, std::initializer_list<std::pair<std::string, std::string>> changes) {
  for (const auto& [name, value] : changes) {
    bool found = false;
    for (auto& field : fields)
      if (field.first == name) {
        field.second = value;
        found = true;
      }
    if (!found) fields.emplace_back(name, value);
  }
  return fields;
}

// ------------------------------------------------------------ golden files

// A stored session's values with other times on its day.
SessionDraft with_time(const StoredSession& s, const std::string& start, const std::string& end) {
  SessionDraft d = s.values;
  d.start = start;
  d.end = end;
  return d;
}

// Session 2's form ready to save: session 2 shares two speakers with
// session 8 at 10:00, a clash the form warns of first
// (staff_session_speaker_clash), so tests about something else accept it.
Fields saveable_form(GoldenSite& golden, int64_t id) {
  return with(session_form(golden, id), {{"accept_clash", "1"}});
}

// Session 2's form with a title holding markup and an end before its start.
Fields invalid_session_form(GoldenSite& golden) {
  return with(
      session_form(golden, 2),
      {{"title", "<script>alert('typed')</script> Kernels"}, {"start", "11:00"}, {"end", "10:00"}});
}

// A sync whose last attempt failed after an earlier success, and two
// upstream changes parked: session 2 moved by upstream (its title and the
// staff name hold markup), session 3 dropped by upstream.
void parked_upstream_changes(GoldenSite& g) {
  g.staff.sync.url =
      "https://user:token@pretalx.example/<democon>/schedule/export/schedule.xml?t=1";
  g.staff.sync.last_attempt_at = "2026-06-10 08:15:00";
  g.staff.sync.last_success_at = "2026-06-10 08:10:00";
  g.staff.sync.last_change_at = "2026-06-10 07:40:00";
  g.staff.sync.last_error_at = "2026-06-10 08:15:00";
  g.staff.sync.last_error = "pretalx.example: HTTP 503 <html>";
  g.staff.sync.last_success_s = 100;
  g.staff.sync.last_error_s = 400;
  g.staff.sync.failing = true;
  FlatSession here;
  here.title = "<b>Kernels</b>";
  here.starts_at = "2026-06-10 14:30:00";
  here.ends_at = "2026-06-10 15:15:00";
  here.room = "Main Hall";
  FlatSession theirs = here;
  theirs.starts_at = "2026-06-10 14:00:00";
  theirs.ends_at = "2026-06-10 14:45:00";
  theirs.room = "Room <B>";
  g.staff.parked_upstream = {
      UpstreamChange{.session_id = 2,
                     .title = here.title,
                     .lines = describe_upstream_change(here, theirs, "Ana <staff>"),
                     .since = "2026-06-10 08:00"},
      UpstreamChange{.session_id = 3,
                     .title = "Closing",
                     .removal = true,
                     .lines = {"upstream removed “Closing”; kept it, edited here by Bo"},
                     .since = "2026-06-10 08:05"}};
}

struct StaffCase {
  const char* name;
  std::function<RequestSpec(GoldenSite&)> request;
  int status;
  // Done to the site after the form was filled in and before it is sent:
  // what another staff member saved, or the database going away.
  std::function<void(GoldenSite&)> before = nullptr;
};

RequestSpec get(std::string target) { return staff_get(std::move(target)); }

std::vector<StaffCase> staff_cases() {
  const RoomDetails main_hall = fixed_programme().rooms.at(0).details;
  const std::string room_1 = item_version(ItemDraft{"Main Hall", "1", main_hall});
  return {
      // Every page family as staff see it on GET.
      {"staff_admin",
       [](GoldenSite& g) {
         RequestSpec r = get("/admin");
         r.session = add_person(g, "Ana <staff>", StaffRole::kAdmin);
         return r;
       },
       200},
      // The shared staff login, and what an editor's /admin offers.
      {"staff_admin_shared", [](GoldenSite&) { return get("/admin"); }, 200},
      {"staff_admin_editor",
       [](GoldenSite& g) {
         RequestSpec r = get("/admin");
         r.session = add_person(g, "Ed", StaffRole::kEditor);
         return r;
       },
       200},
      {"staff_admin_editor_refused",
       [](GoldenSite& g) {
         RequestSpec r = get("/admin/people");
         r.session = add_person(g, "Ed", StaffRole::kEditor);
         return r;
       },
       403},
      {"staff_people",
       [](GoldenSite& g) {
         RequestSpec r = get("/admin/people");
         r.session = add_person(g, "Ana <staff>", StaffRole::kAdmin);
         add_person(g, "Bo", StaffRole::kEditor);
         return r;
       },
       200},
      {"staff_people_shared", [](GoldenSite&) { return get("/admin/people"); }, 200},
      {"staff_people_refused",
       [](GoldenSite&) {
         return staff_post("/admin/people", {{"action", "add"},
                                             {"name", "<b>Cy</b>"},
                                             {"role", "editor"},
                                             {"password", "short"},
                                             {"password_again", "short"}});
       },
       422},
      {"staff_account",
       [](GoldenSite& g) {
         RequestSpec r = get("/admin/account");
         r.session = add_person(g, "Ana <staff>", StaffRole::kEditor);
         return r;
       },
       200},
      {"staff_session", [](GoldenSite&) { return get("/admin/session/2"); }, 200},
      {"staff_session_new", [](GoldenSite&) { return get("/admin/session/new"); }, 200},
      {"staff_history", [](GoldenSite&) { return get("/admin/session/3/history"); }, 200},
      {"staff_announcements", [](GoldenSite&) { return get("/admin/announcements"); }, 200},
      {"staff_announcement", [](GoldenSite&) { return get("/admin/announcements/1"); }, 200},
      {"staff_announcement_withdrawn", [](GoldenSite&) { return get("/admin/announcements/3"); },
       200},
      {"staff_event", [](GoldenSite&) { return get("/admin/event"); }, 200},
      {"staff_rooms", [](GoldenSite&) { return get("/admin/rooms"); }, 200},
      {"staff_tracks", [](GoldenSite&) { return get("/admin/tracks"); }, 200},
      {"staff_displays", [](GoldenSite&) { return get("/admin/displays"); }, 200},
      {"staff_speakers", [](GoldenSite&) { return get("/admin/speakers"); }, 200},
      {"staff_speaker", [](GoldenSite&) { return get("/admin/speakers/2"); }, 200},
      {"staff_passwords", [](GoldenSite&) { return get("/admin/passwords"); }, 200},
      // One day as rooms × time: today by the golden clock (10 June).
      // Session 8 shares Room <B> with session 3, and speakers with
      // session 2 (Ada Lovelace, Bob <script>) and session 3 (Çağla
      // Öztürk): each clash marked on both sessions. Зал 3 is free all
      // day, its one session being cancelled.
      {"staff_day", [](GoldenSite&) { return get("/admin/day"); }, 200},
      {"staff_day_unknown", [](GoldenSite&) { return get("/admin/day?day=2026-06-12"); }, 400},
      // The form a gap's "add a session here" opens: filled in.
      {"staff_session_new_prefilled",
       [](GoldenSite&) {
         return get("/admin/session/new?day=2026-06-11&start=10:30&end=11:15&room_id=3");
       },
       200},
      // The info desk at 10:30 on the first day: everyone speaking today is
      // on stage now (all from 10:00, so by name); Bob <script> was marked
      // arrived (by a name that holds markup), Ada and Çağla were not, so
      // they are marked as due. Eve speaks only in a cancelled session,
      // Dora in none, bea on the second day: not listed.
      {"staff_checkin",
       [](GoldenSite& g) {
         BOOST_REQUIRE(g.staff.set_speaker_arrival(2, "2026-06-10", "2026-06-10 10:05:00",
                                                   {"Ana <staff>", "192.0.2.8"}) ==
                       CheckinOutcome::kChanged);
         return get("/admin/checkin?done=arrived&speaker=2");
       },
       200},
      {"staff_import", [](GoldenSite&) { return get("/admin/import"); }, 200},
      // Keeping in step with upstream: never synced, then a failing sync
      // with two changes waiting (a move with markup in the names, and a
      // removal), on /admin/upstream and as /admin's line.
      {"staff_upstream_never", [](GoldenSite&) { return get("/admin/upstream"); }, 200},
      {"staff_upstream", [](GoldenSite&) { return get("/admin/upstream?done=kept"); }, 200,
       parked_upstream_changes},
      {"staff_admin_synced", [](GoldenSite&) { return get("/admin"); }, 200,
       parked_upstream_changes},
      {"staff_upstream_take",
       [](GoldenSite&) {
         return staff_post("/admin/upstream", {{"session_id", "2"}, {"choice", "take"}});
       },
       303, parked_upstream_changes},
      {"staff_upstream_bad_choice",
       [](GoldenSite&) {
         return staff_post("/admin/upstream", {{"session_id", "2"}, {"choice", "merge"}});
       },
       400, parked_upstream_changes},
      // At the golden clock's 10:30 each room has a session on: the taps
      // for each, and no status yet.
      {"staff_room_status", [](GoldenSite&) { return get("/admin/rooms/status"); }, 200},
      {"staff_room_status_shown", [](GoldenSite&) { return get("/admin/rooms/status?done=2"); },
       200,
       [](GoldenSite& g) {
         g.staff.set_room_status(RoomStatusWrite{.room_id = 2,
                                                 .status = "moved",
                                                 .body = "Moved to Main <Hall>",
                                                 .ends_at = kNow + 3600},
                                 {"Bo", "192.0.2.8"});
       }},
      {"staff_room_status_set",
       [](GoldenSite&) {
         return staff_post("/admin/rooms/status", {{"room_id", "1"}, {"status", "full"}});
       },
       303},
      {"staff_room_status_refused",
       [](GoldenSite&) {
         return staff_post("/admin/rooms/status",
                           {{"room_id", "1"}, {"status", "moved"}, {"moved_to", "1"}});
       },
       422},
      // The answers to forms.
      {"staff_session_invalid",
       [](GoldenSite& g) { return staff_post("/admin/session/2", invalid_session_form(g)); }, 422},
      // Ada Lovelace and Bob <script> speak in session 8 (Room <B>) at
      // the same time: listed, and nothing saved until "Save anyway".
      {"staff_session_speaker_clash",
       [](GoldenSite& g) {
         return staff_post("/admin/session/2", with(session_form(g, 2), {{"title", "Clashing"}}));
       },
       422},
      // Running late: the keynote and the Main Hall's later sessions that
      // day, 15 minutes later. The keynote then meets Lightning <talks>'s
      // Ada Lovelace (listed); session 2 shares speakers with it already
      // (not news, so not listed); the coffee break moves too.
      {"staff_delay_preview",
       [](GoldenSite&) {
         return staff_post("/admin/session/1/delay",
                           {{"minutes", "15"}, {"following", "1"}, {"action", "preview"}});
       },
       200},
      {"staff_delay_refused",
       [](GoldenSite&) {
         return staff_post("/admin/session/1/delay", {{"minutes", "0"}, {"action", "preview"}});
       },
       422},
      // The evening social (18:00-21:00) 200 minutes later ends at 00:20
      // the next morning: a session may run past midnight.
      {"staff_delay_into_the_night",
       [](GoldenSite&) {
         return staff_post("/admin/session/7/delay", {{"minutes", "200"}, {"action", "preview"}});
       },
       200},
      // Swap session 2 (Main Hall 10:00) with 3 (Room <B> 10:00-11:30),
      // and move 2 to Зал 3 at its time.
      {"staff_swap_preview",
       [](GoldenSite&) {
         return staff_post("/admin/session/2/move", {{"with", "3"}, {"action", "preview"}});
       },
       200},
      {"staff_move_preview",
       [](GoldenSite&) {
         return staff_post("/admin/session/2/move", {{"room_id", "3"}, {"action", "preview"}});
       },
       200},
      {"staff_session_conflict",
       [](GoldenSite& g) {
         return staff_post("/admin/session/2",
                           with(saveable_form(g, 2), {{"revision", "1"}, {"title", "Mine & new"}}));
       },
       409,
       [](GoldenSite& g) {
         StoredSession theirs = *g.staff.stored_session(2);
         theirs.values.title = "Theirs <saved> first";
         g.staff.save_session(2, theirs.values, 1, {"Bo", "192.0.2.8"});
       }},
      {"staff_session_outage",
       [](GoldenSite& g) {
         return staff_post("/admin/session/2",
                           with(saveable_form(g, 2), {{"title", "Typed <during> the outage"}}));
       },
       503, [](GoldenSite& g) { g.staff.available = false; }},
      // Times that cannot be read or that do not fit: 422, each message by
      // its field, everything typed back in the form (escaped).
      {"staff_announcement_times_refused",
       [](GoldenSite&) {
         return staff_post("/admin/announcements", {{"body", "Typed <kept> & \"all\""},
                                                    {"level", "important"},
                                                    {"room", "9"},
                                                    {"starts", "at"},
                                                    {"start_day", "2026-06-31"},
                                                    {"start_time", "25:00"},
                                                    {"ends", "at"},
                                                    {"duration", ""},
                                                    {"unit", "hours"},
                                                    {"end_day", "2026-06-10"},
                                                    {"end_time", "<09:00>"}});
       },
       422},
      {"staff_announcements_outage",
       [](GoldenSite&) {
         return staff_post("/admin/announcements", {{"body", "Typed:\n<b>keep</b> & \"all\""},
                                                    {"level", "important"},
                                                    {"ends", "never"},
                                                    {"duration", ""},
                                                    {"unit", "minutes"}});
       },
       503, [](GoldenSite& g) { g.staff.available = false; }},
      // Room details that cannot be saved: 422, each message by its
      // field, every typed value back in the form (escaped).
      {"staff_room_details_refused",
       [](GoldenSite& g) {
         return staff_post("/admin/rooms",
                           with(room_form(g, 2), {{"description", "Past the <b>keep</b> sign"},
                                                  {"floor", std::string(101, 'F')},
                                                  {"map_url", "javascript:alert(1)"},
                                                  {"stream_url", "https://u:p@s.example.org/"}}));
       },
       422},
      // Someone changed the room's details since the form was shown: 409,
      // their details beside the row, the typed values in it.
      {"staff_room_details_conflict",
       [](GoldenSite& g) {
         return staff_post("/admin/rooms",
                           with(room_form(g, 2), {{"description", "Mine: by the lifts"}}));
       },
       409,
       [](GoldenSite& g) {
         ItemDraft theirs = g.staff.items(kRoomTable).at(1).values;
         theirs.room.description = "Theirs: <b><b> behind the stage";
         theirs.room.map_url = "https://example.org/map?room=b&v=2";
         BOOST_REQUIRE(g.staff
                           .update_item(kRoomTable, 2, theirs,
                                        item_version(g.staff.items(kRoomTable).at(1).values),
                                        AuditContext{"Bo", "192.0.2.9"})
                           .outcome == WriteOutcome::kSaved);
       }},
      {"staff_room_in_use",
       [room_1, main_hall](GoldenSite&) {
         // The row's form, as a browser sends it with its Delete button.
         return staff_post("/admin/rooms", {{"id", "1"},
                                            {"version", room_1},
                                            {"name", "Main Hall"},
                                            {"position", "1"},
                                            {"description", main_hall.description},
                                            {"floor", main_hall.floor},
                                            {"map_url", main_hall.map_url},
                                            {"stream_url", main_hall.stream_url},
                                            {"action", "delete"}});
       },
       409},
      {"staff_restore_stale",
       [](GoldenSite&) {
         return staff_post("/admin/session/3/restore",
                           {{"revision", "2"}, {"audit_id", "12"}, {"version", "before"}});
       },
       409,
       [](GoldenSite& g) {
         StoredSession now = *g.staff.stored_session(3);
         now.values.title = "Accessible <forms>, updated";
         g.staff.save_session(3, now.values, now.revision, {"Bo", "192.0.2.8"});
       }},
  };
}

}  // namespace

BOOST_AUTO_TEST_SUITE(staff_pages)

BOOST_AUTO_TEST_CASE(every_staff_page_family_as_expected) {
  for (const StaffCase& c : staff_cases()) {
    BOOST_TEST_CONTEXT(c.name) {
      GoldenSite golden;
      // The form as the page showed it, then what happened meanwhile.
      const RequestSpec spec = c.request(golden);
      if (c.before) c.before(golden);
      Response r = send(golden, spec);
      BOOST_CHECK_EQUAL(r.status, c.status);
      // Staff pages carry a CSRF token: never stored by anyone.
      BOOST_CHECK_EQUAL(header(r, "Cache-Control"), "no-store");
      // Markup from the data and from what was typed never reaches a page raw.
      for (const char* raw :
           {"<script>alert", "<b>this</b>", "<i>and html</i>", "<staff>", "<password>", "<saved>",
            "<during>", "<forms>", "<b>keep</b>", "<b><b>"})
        BOOST_CHECK_MESSAGE(!contains(r.body, raw), "raw " << raw);
      // An outage, a refusal or a wrong page never passes for a page of data.
      if (c.status == 200) BOOST_CHECK(!contains(r.body, "unavailable"));
      std::string problem = compare_with_expected(c.name, printable(r));
      BOOST_CHECK_MESSAGE(problem.empty(), problem);
    }
  }
}

// ------------------------------------------------------------ form fields

// One named control of a rendered form: its name and the values it can
// send (a select's options, a button's or hidden input's value; none for
// typed text with no value yet).
struct Control {
  std::string tag, name;
  std::vector<std::string> values;
};

struct RenderedForm {
  std::string action;
  std::vector<Control> controls;
};

std::string attribute(const std::string& tag_text, const std::string& name) {
  std::smatch m;
  if (std::regex_search(tag_text, m, std::regex("\\b" + name + "=\"([^\"]*)\""))) return m[1].str();
  return "";
}

bool has_attribute(const std::string& tag_text, const std::string& name) {
  return std::regex_search(tag_text, std::regex("\\b" + name + "=\""));
}

// The few character references our templates write into attributes.
std::string unescaped(std::string text) {
  for (const auto& [from, to] : {std::pair<std::string, std::string>{"&quot;", "\""},
                                 {"&#39;", "'"},
                                 {"&lt;", "<"},
                                 {"&gt;", ">"},
                                 {"&amp;", "&"}})
    for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + 1))
      text.replace(at, from.size(), to);
  return text;
}

// Every POST form of a page, read as a browser would read our own markup.
std::vector<RenderedForm> post_forms(const std::string& html) {
  std::vector<RenderedForm> forms;
  static const std::regex form_re("<form\\b([^>]*)>([\\s\\S]*?)</form>");
  static const std::regex control_re("<(input|textarea|select|button)\\b([^>]*)>");
  static const std::regex option_re("<option\\b([^>]*)>");
  for (auto f = std::sregex_iterator(html.begin(), html.end(), form_re);
       f != std::sregex_iterator(); ++f) {
    const std::string head = (*f)[1].str(), inner = (*f)[2].str();
    if (attribute(head, "method") != "post") continue;
    RenderedForm form{unescaped(attribute(head, "action")), {}};
    for (auto c = std::sregex_iterator(inner.begin(), inner.end(), control_re);
         c != std::sregex_iterator(); ++c) {
      const std::string tag = (*c)[1].str(), attrs = (*c)[2].str();
      if (!has_attribute(attrs, "name")) continue;
      Control control{tag, attribute(attrs, "name"), {}};
      if (tag == "select") {
        const size_t from = static_cast<size_t>(c->position() + c->length());
        const std::string options = inner.substr(from, inner.find("</select>", from) - from);
        for (auto o = std::sregex_iterator(options.begin(), options.end(), option_re);
             o != std::sregex_iterator(); ++o)
          control.values.push_back(unescaped(attribute((*o)[1].str(), "value")));
      } else if (has_attribute(attrs, "value")) {
        control.values.push_back(unescaped(attribute(attrs, "value")));
      }
      form.controls.push_back(std::move(control));
    }
    forms.push_back(std::move(form));
  }
  return forms;
}

// The form a page renders and the keys its target row declares must agree,
// or every save from that form is refused with 400: each named control is a
// declared field (or the CSRF token of a CSRF-checked row), and every value
// the page can send passes the field's check. Read from the pages as
// rendered, so a template edit cannot drift from the declaration unseen.
BOOST_AUTO_TEST_CASE(every_form_a_page_renders_sends_only_what_its_route_declares) {
  int forms_checked = 0;
  std::vector<std::pair<std::string, std::function<RequestSpec(GoldenSite&)>>> pages;
  for (const StaffCase& c : staff_cases())
    if (c.status == 200 && !c.before) pages.emplace_back(c.name, c.request);
  pages.emplace_back("login", [](GoldenSite&) { return RequestSpec{.target = "/login"}; });
  pages.emplace_back("logout", [](GoldenSite&) {
    return RequestSpec{.target = "/logout", .session = delegate()};
  });
  pages.emplace_back("schedule", [](GoldenSite&) {
    return RequestSpec{.target = "/schedule", .session = delegate()};
  });
  for (const auto& [name, make] : pages) {
    BOOST_TEST_CONTEXT(name) {
      GoldenSite golden;
      Response page = send(golden, make(golden));
      BOOST_REQUIRE_EQUAL(page.status, 200);
      for (const RenderedForm& form : post_forms(page.body)) {
        BOOST_TEST_CONTEXT("form to " << form.action) {
          ++forms_checked;
          RouteParams params;
          const std::string path = form.action.substr(0, form.action.find('?'));
          const Route* route = find_route(path, params);
          BOOST_REQUIRE(route != nullptr);
          BOOST_CHECK(route->methods & kPost);
          for (const Control& control : form.controls) {
            BOOST_TEST_CONTEXT(control.tag << " " << control.name) {
              if (route->body == Body::kNone) {
                BOOST_ERROR("a named control in a form whose route reads no body");
                continue;
              }
              if (control.name == "csrf") {
                BOOST_CHECK(route->csrf);
                continue;
              }
              const FormKey* key = find_form_key(route->keys, control.name);
              if (!key) {
                BOOST_ERROR("not declared by the route");
                continue;
              }
              for (const std::string& value : control.values)
                BOOST_CHECK_MESSAGE(value_passes(*key, value),
                                    "the value \"" << value << "\" fails");
            }
          }
        }
      }
    }
  }
  // The admin pages' forms, the login form and the logout buttons.
  BOOST_CHECK_GT(forms_checked, 25);
}

// A field no form of ours sends, a field sent twice, or a value a page
// could not have sent: 400 naming the field (quoted, and so escaped on the
// page), before the handler, and nothing is written.
BOOST_AUTO_TEST_CASE(undeclared_repeated_and_impossible_fields_are_400_and_change_nothing) {
  GoldenSite golden;
  const Fields good = saveable_form(golden, 2);
  struct Bad {
    const char* what;
    Fields fields;
    const char* named;
  };
  const std::vector<Bad> cases = {
      {"undeclared", with(good, {{"is_admin", "1"}}), "&quot;is_admin&quot;"},
      {"twice", with(good, {{"title", "First"}}), nullptr},
      {"revision not a number", with(good, {{"revision", "1 OR 1=1"}}), "&quot;revision&quot;"},
      {"no such button", with(good, {{"action", "publish"}}), "&quot;action&quot;"},
      {"checkbox value", with(good, {{"accept_clash", "yes"}}), "&quot;accept_clash&quot;"},
  };
  for (const Bad& bad : cases) {
    BOOST_TEST_CONTEXT(bad.what) {
      Fields fields = bad.fields;
      if (std::string(bad.what) == "twice") fields.emplace_back("title", "Second");
      Response r = send(golden, staff_post("/admin/session/2", fields));
      BOOST_CHECK_EQUAL(r.status, 400);
      if (bad.named) BOOST_CHECK_MESSAGE(contains(r.body, bad.named), r.body);
      BOOST_CHECK(golden.staff.writes().empty());
    }
  }
  // Every other staff form too: an undeclared field refuses the whole post.
  for (const Route& route : route_table()) {
    if (!route.csrf || route.body != Body::kForm) continue;
    std::string path(route.path);
    if (route.with_id) path += "2" + std::string(route.suffix);
    BOOST_TEST_CONTEXT(path) {
      Response r = send(golden, staff_post(path, {{"smuggled", "1"}}));
      BOOST_CHECK_EQUAL(r.status, 400);
      BOOST_CHECK(contains(r.body, "&quot;smuggled&quot;"));
    }
  }
  BOOST_CHECK(golden.staff.writes().empty());
  // The login form, whose row has no CSRF token, is held to its keys too.
  Response login = send(golden, {.method = "POST",
                                 .target = "/login",
                                 .body = "username=delegate&password=x&remember=1",
                                 .content_type = "application/x-www-form-urlencoded"});
  BOOST_CHECK_EQUAL(login.status, 400);
  BOOST_CHECK(contains(login.body, "&quot;remember&quot;"));
}

// ------------------------------------------------------------------- access

// Editors run the programme and nothing else: every admin route answers an
// editor's GET and POST (with a valid CSRF token of their own) with 403,
// and nothing is written; an admin reaches each.
BOOST_AUTO_TEST_CASE(editors_never_reach_an_admin_route) {
  GoldenSite golden;
  const std::string editor = add_person(golden, "Ed", StaffRole::kEditor);
  const std::string admin = add_person(golden, "Ada", StaffRole::kAdmin);
  int admin_routes = 0;
  for (const Route& route : route_table()) {
    if (route.access != Access::kAdmin) continue;
    ++admin_routes;
    const std::string path(route.path);
    BOOST_TEST_CONTEXT(path) {
      RequestSpec get{.target = path, .session = editor};
      BOOST_CHECK_EQUAL(send(golden, get).status, 403);
      RequestSpec post{.method = "POST",
                       .target = path,
                       .session = editor,
                       .body = urlencoded({{"csrf", csrf_token(editor, kSecret)}}),
                       .content_type = "application/x-www-form-urlencoded"};
      if (route.methods & kPost) BOOST_CHECK_EQUAL(send(golden, post).status, 403);
      get.session = admin;
      BOOST_CHECK_EQUAL(send(golden, get).status, 200);
    }
  }
  BOOST_CHECK_EQUAL(admin_routes, 5);
  BOOST_CHECK(golden.staff.writes().empty());
}

// A person's cookie lives as long as they are on the roster with the
// password it was issued under; the shared staff login's dies with the
// first person added. Nobody else's cookie notices.
BOOST_AUTO_TEST_CASE(a_persons_cookie_dies_with_their_removal_or_new_password_only) {
  GoldenSite golden(/*version_check_ms=*/0);
  const std::string shared = staff();
  BOOST_CHECK_EQUAL(send(golden, RequestSpec{.target = "/admin", .session = shared}).status, 200);
  const std::string ana = add_person(golden, "Ana", StaffRole::kAdmin);
  const std::string bo = add_person(golden, "Bo", StaffRole::kAdmin);
  auto status = [&](const std::string& session) {
    return send(golden, RequestSpec{.target = "/admin", .session = session}).status;
  };
  BOOST_CHECK_EQUAL(status(ana), 200);
  BOOST_CHECK_EQUAL(status(bo), 200);
  BOOST_CHECK_EQUAL(status(shared), 303);  // to the login page
  // Bo gets a new password: his old cookie dies, Ana's lives.
  AuditContext who{"test", ""};
  golden.staff.set_staff_password(2, "$argon2id$new", who);
  BOOST_CHECK_EQUAL(status(bo), 303);
  BOOST_CHECK_EQUAL(status(ana), 200);
  // A cookie of another person's id under Ana's epoch is not Ana's.
  const uint64_t ana_epoch = golden.source.roster[0].epoch;
  BOOST_CHECK_EQUAL(
      status(sign_session(SessionClaims{Role::kStaff, kNow + 3600, ana_epoch, 2}, kSecret)), 303);
  // Ana is removed: hers dies too, and the shared login is still off while
  // Bo is there; with nobody left it works again.
  golden.staff.remove_staff_member(1, who);
  BOOST_CHECK_EQUAL(status(ana), 303);
  BOOST_CHECK_EQUAL(status(shared), 303);
  golden.staff.remove_staff_member(2, who);
  BOOST_CHECK_EQUAL(status(shared), 200);
}

// Every route of the table under /admin is for staff: without a cookie it
// sends to the login page (which comes back to it), with a delegate's it is
// 403, whatever the method and whether or not a CSRF token comes along;
// nothing is written.
BOOST_AUTO_TEST_CASE(delegates_and_strangers_never_reach_a_staff_route) {
  GoldenSite golden;
  int staff_routes = 0;
  for (const Route& route : route_table()) {
    const std::string prefix(route.path);
    if (prefix.rfind("/admin", 0) != 0) continue;
    ++staff_routes;
    const std::string path = prefix + (route.with_id ? "2" : "") + std::string(route.suffix);
    BOOST_TEST_CONTEXT(path) {
      BOOST_CHECK(for_staff(route.access));
      for (const char* method : {"GET", "POST"}) {
        const bool allowed = (route.methods & (method[0] == 'G' ? kGet : kPost)) != 0;
        if (!allowed) continue;
        BOOST_TEST_CONTEXT(method) {
          RequestSpec stranger{.method = method,
                               .target = path,
                               .body = urlencoded({{"csrf", staff_csrf()}}),
                               .content_type = "application/x-www-form-urlencoded"};
          Response r = send(golden, stranger);
          BOOST_CHECK_EQUAL(r.status, 303);
          BOOST_CHECK_EQUAL(header(r, "Location"), "/login?next=" + percent_encode(path, true));
          RequestSpec as_delegate = stranger;
          as_delegate.session = delegate();
          as_delegate.body = urlencoded({{"csrf", csrf_token(delegate(), kSecret)}});
          BOOST_CHECK_EQUAL(send(golden, as_delegate).status, 403);
        }
      }
      // A POST-only route answers GET with 405 and what it allows.
      if (!(route.methods & kGet)) {
        Response r = send(golden, staff_get(path));
        BOOST_CHECK_EQUAL(r.status, 405);
        BOOST_CHECK_EQUAL(header(r, "Allow"), "POST");
      }
    }
  }
  // The table's staff pages, not a handful: the loop above is no formality.
  BOOST_CHECK_GE(staff_routes, 16);
  BOOST_CHECK(golden.staff.writes().empty());
}

BOOST_AUTO_TEST_CASE(unknown_ids_are_404) {
  GoldenSite golden(/*version_check_ms=*/0);
  for (const char* path : {"/admin/session/999", "/admin/speakers/999", "/admin/announcements/999",
                           "/admin/session/999/history"}) {
    BOOST_TEST_CONTEXT(path) { BOOST_CHECK_EQUAL(send(golden, staff_get(path)).status, 404); }
  }
  // Writes to an id that does not exist.
  BOOST_CHECK_EQUAL(send(golden, staff_post("/admin/session/999/restore",
                                            {{"revision", "1"}, {"audit_id", "12"}}))
                        .status,
                    404);
  BOOST_CHECK_EQUAL(
      send(golden, staff_post("/admin/session/3/restore", {{"revision", "1"}, {"audit_id", "11"}}))
          .status,
      404);  // row 11 is session 4's
  BOOST_CHECK_EQUAL(send(golden, staff_post("/admin/announcements/999", {{"revision", "1"},
                                                                         {"action", "save"},
                                                                         {"body", "x"},
                                                                         {"level", "info"},
                                                                         {"ends", "keep"}}))
                        .status,
                    404);
  BOOST_CHECK_EQUAL(
      send(golden, staff_post("/admin/displays", {{"room", "999"}, {"action", "link"}})).status,
      404);
  BOOST_CHECK(golden.staff.writes().empty());
}

// ---------------------------------------------------------------------- CSRF

// Every staff POST route checks the token (route table: csrf), and one that
// is missing, empty, another session's, a delegate's, made under another
// key or altered is 403 before the handler runs: nothing changes.
BOOST_AUTO_TEST_CASE(staff_posts_without_a_valid_csrf_token_are_403_and_change_nothing) {
  GoldenSite golden;
  const std::string other_staff_session =
      sign_session(SessionClaims{Role::kStaff, kNow + 7200, 1}, kSecret);
  std::string altered = staff_csrf();
  altered[0] = altered[0] == 'A' ? 'B' : 'A';
  const std::vector<std::optional<std::string>> bad_tokens = {
      std::nullopt,
      "",
      csrf_token(other_staff_session, kSecret),
      csrf_token(delegate(), kSecret),
      csrf_token(staff(), "another key"),
      altered,
  };
  const StoredSession before = *golden.staff.stored_session(2);
  int post_routes = 0;
  for (const Route& route : route_table()) {
    if (!for_staff(route.access) || !(route.methods & kPost)) continue;
    ++post_routes;
    const std::string path =
        std::string(route.path) + (route.with_id ? "2" : "") + std::string(route.suffix);
    BOOST_TEST_CONTEXT(path) {
      BOOST_CHECK(route.csrf);
      for (const auto& token : bad_tokens) {
        BOOST_TEST_CONTEXT("csrf " << token.value_or("(none)")) {
          // Fields that would be a valid write to most of these routes.
          Fields fields = with(saveable_form(golden, 2), {{"title", "Changed without a token"},
                                                          {"body", "Forged"},
                                                          {"level", "info"},
                                                          {"ends", "never"},
                                                          {"room", "1"},
                                                          {"action", "link"},
                                                          {"audit_id", "12"}});
          if (token) fields.emplace(fields.begin(), "csrf", *token);
          RequestSpec spec{.method = "POST",
                           .target = path,
                           .session = staff(),
                           .body = urlencoded(fields),
                           .content_type = "application/x-www-form-urlencoded"};
          if (route.body == Body::kUpload) {
            const std::string b = "golden-boundary";
            spec.content_type = "multipart/form-data; boundary=" + b;
            spec.body.clear();
            if (token)
              spec.body += "--" + b + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" +
                           *token + "\r\n";
            spec.body +=
                "--" + b +
                "\r\nContent-Disposition: form-data; name=\"schedule\"; "
                "filename=\"s.csv\"\r\nContent-Type: text/csv\r\n\r\nnot a schedule\r\n--" +
                b + "--\r\n";
          }
          Response r = send(golden, spec);
          BOOST_CHECK_EQUAL(r.status, 403);
          BOOST_CHECK(!contains(header(r, "Set-Cookie"), "Mallory"));
        }
      }
    }
  }
  BOOST_CHECK_GE(post_routes, 14);
  BOOST_CHECK(golden.staff.writes().empty());
  BOOST_CHECK_EQUAL(golden.staff.stored_session(2)->values.title, before.values.title);
  BOOST_CHECK_EQUAL(golden.staff.stored_session(2)->revision, before.revision);
  // The same form with the page's own token goes through.
  Response r = send(golden, staff_post("/admin/session/2", with(saveable_form(golden, 2),
                                                                {{"title", "With a token"}})));
  BOOST_CHECK_EQUAL(r.status, 303);
  BOOST_CHECK_EQUAL(golden.staff.stored_session(2)->values.title, "With a token");
}

// ------------------------------------------------------------- session form

// Refused values: 422, nothing stored, and the form back as typed, markup
// as text (never raw).
BOOST_AUTO_TEST_CASE(invalid_session_values_are_422_with_what_was_typed) {
  GoldenSite golden;
  const StoredSession before = *golden.staff.stored_session(2);
  const std::string abstract = "First paragraph.\n\n  Second, indented.\n\tTabbed & <b>tagged</b>.";
  Fields typed =
      with(invalid_session_form(golden), {{"day", "1999-01-01"}, {"abstract", abstract}});
  Response r = send(golden, staff_post("/admin/session/2", typed));
  BOOST_CHECK_EQUAL(r.status, 422);
  BOOST_CHECK_EQUAL(header(r, "Cache-Control"), "no-store");
  BOOST_CHECK(contains(r.body, "Nothing was saved"));
  BOOST_CHECK(contains(r.body, "The end must be after the start."));
  BOOST_CHECK(contains(r.body, "must be within the event"));
  BOOST_CHECK(
      contains(r.body, "value=\"&lt;script&gt;alert(&#39;typed&#39;)&lt;/script&gt; Kernels\""));
  BOOST_CHECK(!contains(r.body, "<script>alert('typed')"));
  // Every typed value comes back, the abstract's line breaks and tab too.
  BOOST_CHECK(contains(r.body, "value=\"1999-01-01\""));
  BOOST_CHECK(contains(r.body, "value=\"11:00\""));
  BOOST_CHECK(contains(r.body, "value=\"10:00\""));
  BOOST_CHECK(contains(r.body,
                       "First paragraph.\n\n  Second, indented.\n\tTabbed &amp; "
                       "&lt;b&gt;tagged&lt;/b&gt;.</textarea>"));
  // Nothing stored.
  BOOST_CHECK(golden.staff.writes().empty());
  BOOST_CHECK_EQUAL(golden.staff.stored_session(2)->values.title, before.values.title);
  BOOST_CHECK_EQUAL(golden.staff.stored_session(2)->values.abstract, before.values.abstract);
  BOOST_CHECK_EQUAL(golden.staff.stored_session(2)->revision, before.revision);
}

BOOST_AUTO_TEST_CASE(a_valid_save_is_stored_and_audited_under_the_staff_members_name) {
  GoldenSite golden;
  const std::string ana = add_person(golden, "Ana <staff>", StaffRole::kAdmin);
  const std::string title = "<script>alert(1)</script> ' OR 1=1; -- \"quoted\" & more";
  Response r = send(
      golden, post_as(ana, "/admin/session/2",
                      with(saveable_form(golden, 2), {{"title", title},
                                                      {"status", "moved"},
                                                      {"speakers", "Ada Lovelace\nNew One"}})));
  BOOST_CHECK_EQUAL(r.status, 303);
  BOOST_CHECK_EQUAL(header(r, "Location"), "/admin/session/2?saved=1");
  StoredSession saved = *golden.staff.stored_session(2);
  BOOST_CHECK_EQUAL(saved.values.title, title);  // stored verbatim
  BOOST_CHECK_EQUAL(saved.values.status, "moved");
  BOOST_CHECK_EQUAL(saved.values.speakers, "Ada Lovelace\nNew One\n");
  BOOST_CHECK_EQUAL(saved.revision, 2);
  BOOST_REQUIRE(golden.staff.last_writer());
  BOOST_CHECK_EQUAL(golden.staff.last_writer()->staff_name, "Ana <staff>");
  BOOST_CHECK_EQUAL(golden.staff.last_writer()->client_addr, "127.0.0.1");
  // The history records it, newest first, with the title before and after.
  std::vector<AuditEntry> history = golden.staff.session_history(2);
  BOOST_REQUIRE(!history.empty());
  BOOST_CHECK_EQUAL(history[0].action, "update");
  BOOST_CHECK_EQUAL(history[0].before->at("title").value_or(""),
                    "Kernels <for> \"everyone\" & more");
  BOOST_CHECK_EQUAL(history[0].after->at("title").value_or(""), title);
  // The page it sends to says so, and shows the title as text.
  Response page = send(golden, RequestSpec{.target = "/admin/session/2?saved=1", .session = ana});
  BOOST_CHECK_EQUAL(page.status, 200);
  BOOST_CHECK(contains(page.body, "Saved. Delegates see the change"));
  BOOST_CHECK(contains(page.body, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  BOOST_CHECK(!contains(page.body, "<script>alert(1)"));
  // The shared staff login is recorded as such (here it is refused: a
  // person exists now, which turns it off).
  Response shared = send(
      golden, staff_post("/admin/session/2", with(saveable_form(golden, 2), {{"title", "Again"}})));
  BOOST_CHECK_EQUAL(shared.status, 303);
  BOOST_CHECK(header(shared, "Location").rfind("/login?next=", 0) == 0);
  BOOST_CHECK_EQUAL(golden.staff.last_writer()->staff_name, "Ana <staff>");
}

BOOST_AUTO_TEST_CASE(create_then_delete_a_session) {
  GoldenSite golden;
  // The fixed programme's ids run to 8: the new session is 9.
  Fields form = with(saveable_form(golden, 2), {{"title", "Brand new <b>session</b>"},
                                                {"day", "2026-06-11"},
                                                {"start", "22:00"},
                                                {"end", "22:30"},
                                                {"materials", "Slides | https://example.org/new"}});
  Response r = send(golden, staff_post("/admin/session/new", form));
  BOOST_CHECK_EQUAL(r.status, 303);
  BOOST_CHECK_EQUAL(header(r, "Location"), "/admin/session/9?saved=1");
  BOOST_REQUIRE(golden.staff.stored_session(9));
  BOOST_CHECK_EQUAL(golden.staff.stored_session(9)->revision, 1);
  BOOST_CHECK_EQUAL(golden.staff.session_history(9).at(0).action, "create");
  // A delete at a stale revision is refused; at the current one it goes.
  Fields stale = with(session_form(golden, 9), {{"revision", "7"}, {"action", "delete"}});
  BOOST_CHECK_EQUAL(send(golden, staff_post("/admin/session/9", stale)).status, 409);
  BOOST_CHECK(golden.staff.stored_session(9));
  r = send(golden,
           staff_post("/admin/session/9", with(session_form(golden, 9), {{"action", "delete"}})));
  BOOST_CHECK_EQUAL(r.status, 303);
  BOOST_CHECK_EQUAL(header(r, "Location"), "/admin?deleted=1");
  BOOST_CHECK(!golden.staff.stored_session(9));
  BOOST_CHECK_EQUAL(send(golden, staff_get("/admin/session/9")).status, 404);
  // Its history outlives it.
  BOOST_CHECK_EQUAL(send(golden, staff_get("/admin/session/9/history")).status, 200);
}

// Two staff members open the same session; the second save is 409 with the
// first one's version beside what the second typed, and saving again then
// means "mine, after looking at theirs".
BOOST_AUTO_TEST_CASE(a_save_at_a_stale_revision_is_409_showing_the_other_version) {
  GoldenSite golden;
  const Fields opened = saveable_form(golden, 2);
  BOOST_CHECK_EQUAL(
      send(golden, staff_post("/admin/session/2", with(opened, {{"title", "Alice's <title>"}})))
          .status,
      303);
  Response r =
      send(golden, staff_post("/admin/session/2", with(opened, {{"title", "Bob's title"},
                                                                {"abstract", "Bob typed this."}})));
  BOOST_CHECK_EQUAL(r.status, 409);
  BOOST_CHECK_EQUAL(golden.staff.stored_session(2)->values.title, "Alice's <title>");
  BOOST_CHECK_EQUAL(golden.staff.writes().size(), 1u);
  const size_t theirs = r.body.find("Their version");
  const size_t form = r.body.find("<form method=\"post\" action=\"/admin/session/2\"");
  BOOST_REQUIRE(theirs != std::string::npos && form != std::string::npos && theirs < form);
  BOOST_CHECK(contains(r.body.substr(theirs, form - theirs), "Alice&#39;s &lt;title&gt;"));
  BOOST_CHECK(contains(r.body.substr(form), "value=\"Bob&#39;s title\""));
  BOOST_CHECK(contains(r.body.substr(form), ">Bob typed this.</textarea>"));
  BOOST_CHECK(contains(r.body, "name=\"revision\" value=\"2\""));
  r = send(golden, staff_post("/admin/session/2",
                              with(opened, {{"revision", "2"}, {"title", "Bob's title"}})));
  BOOST_CHECK_EQUAL(r.status, 303);
  BOOST_CHECK_EQUAL(golden.staff.stored_session(2)->values.title, "Bob's title");
}

// A save that meets a conflict (Galera certification, InnoDB deadlock:
// nothing of it was committed) is run again; when conflicts go on past the
// bounded attempts, the answer is 409 with every value typed, never a 500.
BOOST_AUTO_TEST_CASE(a_conflicting_save_is_run_again_then_answered_409_with_the_input) {
  GoldenSite golden;
  const Fields typed =
      with(saveable_form(golden, 2), {{"title", "Saved <after> a conflict"}, {"room_id", "3"}});
  golden.staff.conflicts = 4;
  Response r = send(golden, staff_post("/admin/session/2", typed));
  BOOST_CHECK_EQUAL(r.status, 303);
  BOOST_CHECK_EQUAL(golden.staff.conflicts, 0);
  BOOST_CHECK_EQUAL(golden.staff.stored_session(2)->values.title, "Saved <after> a conflict");

  const Fields again =
      with(saveable_form(golden, 2), {{"title", "Conflicting <for> good"}, {"room_id", "3"}});
  golden.staff.conflicts = 100;
  r = send(golden, staff_post("/admin/session/2", again));
  BOOST_CHECK_EQUAL(r.status, 409);
  BOOST_CHECK_EQUAL(golden.staff.conflicts, 95);  // five attempts, then the answer
  BOOST_CHECK_EQUAL(header(r, "Cache-Control"), "no-store");
  BOOST_CHECK(contains(r.body, "Someone else saved in between: nothing was saved"));
  BOOST_CHECK(contains(r.body, "Conflicting &lt;for&gt; good</textarea>"));
  BOOST_CHECK(contains(r.body, "name=\"csrf\" value=\""));
  golden.staff.conflicts = 0;
  BOOST_CHECK_EQUAL(golden.staff.stored_session(2)->values.title, "Saved <after> a conflict");
}

// The database goes away between opening the form and saving it: 503, and
// the form comes back holding every value typed (the session editor's own
// form; other staff forms the generic resend page), and never a password.
BOOST_AUTO_TEST_CASE(a_save_during_an_outage_is_503_and_loses_nothing_typed) {
  GoldenSite golden;
  BOOST_CHECK_EQUAL(send(golden, staff_get("/admin/session/2")).status, 200);
  const Fields typed = with(saveable_form(golden, 2),
                            {{"title", "Typed <during> the outage"},
                             {"abstract", "Line one & <i>two</i>\n\nLine three"},
                             {"day", "2026-06-11"},
                             {"start", "14:05"},
                             {"end", "14:50"},
                             {"room_id", "3"},
                             {"track_id", "2"},
                             {"kind", "panel"},
                             {"status", "moved"},
                             {"speakers", "Ada Lovelace\nSomeone <New>"},
                             {"materials", "Video & slides | https://example.org/v?a=1&b=2"}});
  golden.staff.available = false;
  golden.source.available = false;
  Response r = send(golden, staff_post("/admin/session/2", typed));
  BOOST_CHECK_EQUAL(r.status, 503);
  BOOST_CHECK_EQUAL(header(r, "Cache-Control"), "no-store");
  BOOST_CHECK_EQUAL(header(r, "Retry-After"), "5");
  BOOST_CHECK(contains(r.body, "The database is unavailable, so nothing was saved."));
  for (const char* shown :
       {"value=\"Typed &lt;during&gt; the outage\"",
        ">Line one &amp; &lt;i&gt;two&lt;/i&gt;\n\nLine three</textarea>", "value=\"2026-06-11\"",
        "value=\"14:05\"", "value=\"14:50\"", "<option value=\"3\" selected>",
        "<option value=\"2\" selected>", "<option value=\"panel\" selected>",
        "<option value=\"moved\" selected>", ">Ada Lovelace\nSomeone &lt;New&gt;</textarea>",
        ">Video &amp; slides | https://example.org/v?a=1&amp;b=2</textarea>",
        "name=\"revision\" value=\"1\"", "name=\"csrf\" value=\""})
    BOOST_CHECK_MESSAGE(contains(r.body, shown), "missing: " << shown);

  // A form without its own outage page: every field as sent, to send again.
  const std::string body = "Typed during the outage:\n<b>keep</b> & \"all\" of it";
  r = send(golden, staff_post("/admin/announcements", {{"body", body},
                                                       {"level", "important"},
                                                       {"ends", "after"},
                                                       {"duration", "45"},
                                                       {"unit", "minutes"}}));
  BOOST_CHECK_EQUAL(r.status, 503);
  BOOST_CHECK_EQUAL(header(r, "Retry-After"), "5");
  for (const std::string& shown :
       {std::string("<input type=\"hidden\" name=\"csrf\" value=\"") + staff_csrf() + "\">",
        std::string("name=\"body\" rows=\"6\">Typed during the outage:\n&lt;b&gt;keep&lt;/b&gt; "
                    "&amp; &quot;all&quot; of it</textarea>"),
        std::string("name=\"level\" rows=\"1\">important</textarea>"),
        std::string("name=\"ends\" rows=\"1\">after</textarea>"),
        std::string("name=\"duration\" rows=\"1\">45</textarea>"),
        std::string("name=\"unit\" rows=\"1\">minutes</textarea>")})
    BOOST_CHECK_MESSAGE(contains(r.body, shown), "missing: " << shown);
  BOOST_CHECK(!contains(r.body, "<b>keep</b>"));

  // A password is never written back into a page.
  const std::string secret = "outage-password-123";
  r = send(golden,
           staff_post("/admin/passwords",
                      {{"role", "delegate"}, {"password", secret}, {"password_again", secret}}));
  BOOST_CHECK_EQUAL(r.status, 503);
  BOOST_CHECK(!contains(r.body, secret));
  golden.staff.available = true;
  BOOST_CHECK(golden.staff.writes().empty());
  BOOST_CHECK_EQUAL(golden.staff.stored_session(2)->values.title,
                    "Kernels <for> \"everyone\" & more");
}

// A room clash is a warning: 422 naming the other session, then saved when
// accepted.
// The day overview, stated apart from its golden file: every session of
// the day links to its form, both sides of each clash are marked in the
// one rule's words, a gap's link opens the new-session form with its day,
// times and room, and a day outside the event is a 400. It writes nothing.
BOOST_AUTO_TEST_CASE(the_day_overview_marks_clashes_and_offers_its_gaps) {
  GoldenSite golden;
  Response r = send(golden, staff_get("/admin/day?day=2026-06-10"));
  BOOST_REQUIRE_EQUAL(r.status, 200);
  for (int id : {1, 2, 3, 4, 5, 8})
    BOOST_CHECK_MESSAGE(contains(r.body, "href=\"/admin/session/" + std::to_string(id) + "\""),
                        "no link to session " << id);
  BOOST_CHECK(!contains(r.body, "href=\"/admin/session/6\""));  // the next day's
  // Session 2 and 8: a speaker clash, from each side.
  BOOST_CHECK(contains(r.body,
                       "<li>Ada Lovelace is also in “Lightning &lt;talks&gt;” (Room &lt;B&gt;, "
                       "10:00–10:25)</li>"));
  BOOST_CHECK(contains(r.body,
                       "<li>Ada Lovelace is also in “Kernels &lt;for&gt; &quot;everyone&quot; "
                       "&amp; more” (Main Hall, 10:00–11:00)</li>"));
  // Sessions 3 and 8: one room at once.
  BOOST_CHECK(contains(r.body,
                       "<li>Room clash with “Accessible forms” (Room &lt;B&gt;, "
                       "10:00–11:30)</li>"));
  BOOST_CHECK(contains(r.body, "class=\"room-clash\""));
  // Зал 3 holds nothing: its cancelled session frees it from the first row.
  const std::string gap =
      "/admin/session/new?day=2026-06-10&amp;start=09:00&amp;end=09:45&amp;room_id=3";
  BOOST_REQUIRE(contains(r.body, "href=\"" + gap + "\""));
  Response form = send(golden, staff_get(unescaped(gap)));
  BOOST_REQUIRE_EQUAL(form.status, 200);
  BOOST_CHECK(contains(form.body, "name=\"day\" type=\"date\" required value=\"2026-06-10\""));
  BOOST_CHECK(contains(form.body, "name=\"start\" type=\"time\" required value=\"09:00\""));
  BOOST_CHECK(contains(form.body, "name=\"end\" type=\"time\" required value=\"09:45\""));
  BOOST_CHECK(contains(form.body, "<option value=\"3\" selected>"));
  // What a link must not carry into the form: ignored, the defaults kept.
  form = send(golden, staff_get("/admin/session/new?day=%3Cscript%3E&start=25:00&end=x&room_id=9"));
  BOOST_CHECK_EQUAL(form.status, 200);
  BOOST_CHECK(!contains(form.body, "<script>"));
  BOOST_CHECK(contains(form.body, "name=\"day\" type=\"date\" required value=\"2026-06-10\""));
  BOOST_CHECK(contains(form.body, "name=\"start\" type=\"time\" required value=\"09:00\""));
  for (const char* day : {"2026-06-09", "2026-06-12", "2026-13-01", "10.06.2026", "", "%3Cb%3E"}) {
    BOOST_TEST_CONTEXT(day) {
      Response bad = send(golden, staff_get(std::string("/admin/day?day=") + day));
      BOOST_CHECK_EQUAL(bad.status, 400);
      BOOST_CHECK(!contains(bad.body, "<b>"));
    }
  }
  BOOST_CHECK(golden.staff.writes().empty());
}

BOOST_AUTO_TEST_CASE(a_room_clash_is_a_warning_that_can_be_accepted) {
  GoldenSite golden;
  // Session 3 (Room <B>, 10:00-11:30) moved over the evening social's slot.
  Fields moved =
      with(session_form(golden, 3),
           {{"day", "2026-06-11"}, {"start", "18:30"}, {"end", "19:00"}, {"status", "scheduled"}});
  Response r = send(golden, staff_post("/admin/session/3", moved));
  BOOST_CHECK_EQUAL(r.status, 422);
  BOOST_CHECK(contains(r.body, "Room clash"));
  BOOST_CHECK(
      contains(r.body, "<li>Room clash with “Evening social” (Room &lt;B&gt;, 18:00–21:00)</li>"));
  BOOST_CHECK(golden.staff.writes().empty());
  r = send(golden, staff_post("/admin/session/3", with(moved, {{"accept_clash", "1"}})));
  BOOST_CHECK_EQUAL(r.status, 303);
  BOOST_CHECK_EQUAL(golden.staff.stored_session(3)->values.start, "18:30");
}

// A speaker in two places at once is the same kind of warning, whichever
// room: Çağla Öztürk (session 3) moved onto the panel's time, where she
// speaks too, is listed by name; a cancelled session holds nobody; the
// form accepts it with "Save anyway".
BOOST_AUTO_TEST_CASE(a_speaker_clash_is_a_warning_that_can_be_accepted) {
  GoldenSite golden;
  Fields moved =
      with(session_form(golden, 3),
           {{"day", "2026-06-11"}, {"start", "10:00"}, {"end", "10:45"}, {"status", "scheduled"}});
  Response r = send(golden, staff_post("/admin/session/3", moved));
  BOOST_CHECK_EQUAL(r.status, 422);
  BOOST_CHECK(contains(r.body,
                       "<li>Çağla Öztürk is also in “Panel: the web in 2030” (Main Hall, "
                       "09:30–10:30)</li>"));
  BOOST_CHECK(!contains(r.body, "Room clash"));
  BOOST_CHECK(golden.staff.writes().empty());
  // Cancelled: nothing to warn about.
  r = send(golden, staff_post("/admin/session/3", with(moved, {{"status", "cancelled"}})));
  BOOST_CHECK_EQUAL(r.status, 303);
  const std::string revision = std::to_string(golden.staff.stored_session(3)->revision);
  r = send(golden, staff_post("/admin/session/3",
                              with(moved, {{"accept_clash", "1"}, {"revision", revision}})));
  BOOST_CHECK_EQUAL(r.status, 303);
  BOOST_CHECK_EQUAL(golden.staff.stored_session(3)->values.start, "10:00");
}

// Running late saves every listed session in one go, each with its audit
// row, only if they are all still as previewed; else nothing moves and the
// preview comes again (409).
BOOST_AUTO_TEST_CASE(running_late_moves_the_room_in_one_save_or_not_at_all) {
  GoldenSite golden;
  const Fields preview = {{"minutes", "15"}, {"following", "1"}, {"action", "preview"}};
  Response r = send(golden, staff_post("/admin/session/1/delay", preview));
  BOOST_REQUIRE_EQUAL(r.status, 200);
  // Sessions 1, 2 and 5 (the Main Hall that day), by start.
  const std::string previewed = "1.1,2.1,5.1";
  BOOST_CHECK(contains(r.body, "name=\"previewed\" value=\"" + previewed + "\""));
  BOOST_CHECK(contains(r.body, "<td>09:00–10:00</td><td>09:15–10:15</td>"));
  BOOST_CHECK(contains(r.body,
                       "Main Hall is running 15 minutes late: “Opening keynote” starts at "
                       "09:15, and the sessions after it there start 15 minutes later."));
  Fields save = {{"minutes", "15"},        {"following", "1"},
                 {"previewed", previewed}, {"accept_clash", "1"},
                 {"announce", "1"},        {"announcement", "Main Hall: 15 minutes late."},
                 {"action", "save"}};
  // Someone saves session 5 meanwhile: nothing moves, 409 with the list as
  // it is now.
  golden.staff.save_session(5, with_time(*golden.staff.stored_session(5), "11:35", "12:00"), 1,
                            AuditContext{"other", ""});
  const size_t writes = golden.staff.writes().size();
  r = send(golden, staff_post("/admin/session/1/delay", save));
  BOOST_CHECK_EQUAL(r.status, 409);
  BOOST_CHECK(contains(r.body, "Nothing was moved"));
  BOOST_CHECK(contains(r.body, "name=\"previewed\" value=\"1.1,2.1,5.2\""));
  BOOST_CHECK_EQUAL(golden.staff.writes().size(), writes);
  BOOST_CHECK_EQUAL(golden.staff.stored_session(1)->values.start, "09:00");
  // Without "Save anyway" while the move causes a clash (the keynote meets
  // Lightning <talks>'s Ada Lovelace): 422, nothing moves.
  Fields unaccepted;
  for (const auto& field : with(save, {{"previewed", "1.1,2.1,5.2"}}))
    if (field.first != "accept_clash") unaccepted.push_back(field);
  r = send(golden, staff_post("/admin/session/1/delay", unaccepted));
  BOOST_CHECK_EQUAL(r.status, 422);
  BOOST_CHECK(contains(r.body, "tick “Save anyway”"));
  BOOST_CHECK_EQUAL(golden.staff.stored_session(1)->values.start, "09:00");
  BOOST_CHECK_EQUAL(golden.staff.writes().size(), writes);
  // Confirmed again, as now previewed: all three move, one audit row each,
  // and the announcement is posted.
  r = send(golden,
           staff_post("/admin/session/1/delay", with(save, {{"previewed", "1.1,2.1,5.2"}})));
  BOOST_CHECK_EQUAL(r.status, 303);
  BOOST_CHECK_EQUAL(header(r, "Location"), "/admin/session/1?delayed=3");
  BOOST_CHECK_EQUAL(golden.staff.stored_session(1)->values.start, "09:15");
  BOOST_CHECK_EQUAL(golden.staff.stored_session(2)->values.end, "11:15");
  BOOST_CHECK_EQUAL(golden.staff.stored_session(5)->values.start, "11:50");
  BOOST_CHECK_EQUAL(golden.staff.stored_session(3)->values.start, "10:00");  // another room
  BOOST_CHECK_EQUAL(golden.staff.writes().size(), writes + 4);  // 3 sessions, 1 announcement
  BOOST_CHECK_EQUAL(golden.staff.writes().back().entity, "announcement");
}

// A swap saves both ends or neither: with a stale revision on either, 409
// and nothing; as previewed, both trade slots in one go.
BOOST_AUTO_TEST_CASE(a_swap_saves_both_ends_or_neither) {
  GoldenSite golden;
  Response r =
      send(golden, staff_post("/admin/session/2/move", {{"with", "3"}, {"action", "preview"}}));
  BOOST_REQUIRE_EQUAL(r.status, 200);
  const std::string previewed = "2.1,3.2";
  BOOST_CHECK(contains(r.body, "name=\"previewed\" value=\"" + previewed + "\""));
  const size_t writes = golden.staff.writes().size();
  for (const char* stale : {"2.1,3.1", "2.2,3.2", "3.2,2.1"}) {
    r = send(golden,
             staff_post(
                 "/admin/session/2/move",
                 {{"with", "3"}, {"previewed", stale}, {"accept_clash", "1"}, {"action", "save"}}));
    BOOST_CHECK_EQUAL(r.status, 409);
    BOOST_CHECK_EQUAL(golden.staff.writes().size(), writes);
  }
  // Neither end may be missing: both ids must exist.
  r = send(golden, staff_post("/admin/session/2/move", {{"with", "999"}, {"action", "preview"}}));
  BOOST_CHECK_EQUAL(r.status, 404);
  r = send(golden, staff_post("/admin/session/2/move",
                              {{"with", "3"}, {"room_id", "3"}, {"action", "preview"}}));
  BOOST_CHECK_EQUAL(r.status, 400);
  r = send(golden, staff_post("/admin/session/2/move", {{"with", "3"},
                                                        {"previewed", previewed},
                                                        {"accept_clash", "1"},
                                                        {"action", "save"}}));
  BOOST_CHECK_EQUAL(r.status, 303);
  StoredSession two = *golden.staff.stored_session(2), three = *golden.staff.stored_session(3);
  BOOST_CHECK_EQUAL(two.values.room_id, "2");
  BOOST_CHECK_EQUAL(two.values.end, "11:30");
  BOOST_CHECK_EQUAL(three.values.room_id, "1");
  BOOST_CHECK_EQUAL(three.values.end, "11:00");
  BOOST_CHECK_EQUAL(two.values.title, "Kernels <for> \"everyone\" & more");  // only the slot
  BOOST_CHECK_EQUAL(golden.staff.writes().size(), writes + 2);
}

// ------------------------------------------------------------------ history

BOOST_AUTO_TEST_CASE(restoring_an_audit_row_writes_it_back_once) {
  GoldenSite golden;
  const std::string bo = add_person(golden, "Bo", StaffRole::kEditor);
  // Row 12 moved session 3 from the Main Hall (1) to Room <B> (2).
  Response r =
      send(golden, post_as(bo, "/admin/session/3/restore",
                           {{"revision", "2"}, {"audit_id", "12"}, {"version", "before"}}));
  BOOST_CHECK_EQUAL(r.status, 303);
  BOOST_CHECK_EQUAL(header(r, "Location"), "/admin/session/3?saved=1");
  StoredSession restored = *golden.staff.stored_session(3);
  BOOST_CHECK_EQUAL(restored.values.room_id, "1");
  BOOST_CHECK_EQUAL(restored.values.status, "scheduled");
  BOOST_CHECK_EQUAL(restored.revision, 3);
  std::vector<AuditEntry> history = golden.staff.session_history(3);
  BOOST_REQUIRE_EQUAL(history.size(), 2u);
  BOOST_CHECK_EQUAL(history[0].action, "restore");
  BOOST_CHECK_EQUAL(history[0].staff_name, "Bo");
  // The same form again is stale now: 409, nothing changes.
  r = send(golden, post_as(bo, "/admin/session/3/restore",
                           {{"revision", "2"}, {"audit_id", "12"}, {"version", "after"}}));
  BOOST_CHECK_EQUAL(r.status, 409);
  BOOST_CHECK(contains(r.body, "Not restored: someone changed this session"));
  BOOST_CHECK_EQUAL(golden.staff.stored_session(3)->values.room_id, "1");
  BOOST_CHECK_EQUAL(golden.staff.writes().size(), 1u);
  // Row 11 records no speakers (written before they were audited): a
  // restore keeps the session's own.
  r = send(golden, post_as(bo, "/admin/session/4/restore",
                           {{"revision", "2"}, {"audit_id", "11"}, {"version", "before"}}));
  BOOST_CHECK_EQUAL(r.status, 303);
  BOOST_CHECK_EQUAL(golden.staff.stored_session(4)->values.status, "scheduled");
  BOOST_CHECK_EQUAL(golden.staff.stored_session(4)->values.speakers,
                    "Çağla Öztürk\nEve Withdrawn\n");
}

// ------------------------------------------------------------ rooms, tracks

BOOST_AUTO_TEST_CASE(a_room_in_use_cannot_be_deleted_and_names_are_unique) {
  GoldenSite golden;
  const std::string main_hall = item_version(golden.staff.items(kRoomTable).at(0).values);
  Response r = send(golden, staff_post("/admin/rooms", {{"id", "1"},
                                                        {"version", main_hall},
                                                        {"action", "delete"},
                                                        {"name", "Main Hall"},
                                                        {"position", "1"}}));
  BOOST_CHECK_EQUAL(r.status, 409);
  BOOST_CHECK(
      contains(r.body, "Not deleted: 4 sessions use this room. Move them to another room first."));
  BOOST_CHECK_EQUAL(golden.staff.items(kRoomTable).size(), 3u);
  // A track in use likewise.
  r = send(golden,
           staff_post("/admin/tracks", {{"id", "1"},
                                        {"version", item_version(ItemDraft{"Systems", "#1f77b4"})},
                                        {"action", "delete"}}));
  BOOST_CHECK_EQUAL(r.status, 409);
  BOOST_CHECK(contains(r.body, "Not deleted: 2 sessions use this track."));
  BOOST_CHECK(golden.staff.writes().empty());
  // A name another room has, in another case: 422, nothing added.
  r = send(golden, staff_post("/admin/rooms",
                              {{"action", "add"}, {"name", "main hall"}, {"position", "9"}}));
  BOOST_CHECK_EQUAL(r.status, 422);
  BOOST_CHECK(contains(r.body, "Another room is already called “main hall”"));
  BOOST_CHECK_EQUAL(golden.staff.items(kRoomTable).size(), 3u);
  // A new room is unused, so it can go again.
  r = send(golden, staff_post("/admin/rooms",
                              {{"action", "add"}, {"name", "Side <room>"}, {"position", "9"}}));
  BOOST_CHECK_EQUAL(r.status, 303);
  BOOST_CHECK_EQUAL(header(r, "Location"), "/admin/rooms?done=added");
  BOOST_REQUIRE_EQUAL(golden.staff.items(kRoomTable).size(), 4u);
  const StoredItem added = golden.staff.items(kRoomTable).back();
  BOOST_CHECK_EQUAL(added.id, 4);
  r = send(golden, staff_post("/admin/rooms", {{"id", "4"},
                                               {"version", item_version(added.values)},
                                               {"action", "delete"}}));
  BOOST_CHECK_EQUAL(r.status, 303);
  BOOST_CHECK_EQUAL(golden.staff.items(kRoomTable).size(), 3u);
  // A rename at a stale version is 409 showing theirs.
  r = send(golden, staff_post("/admin/rooms", {{"id", "2"},
                                               {"version", item_version(ItemDraft{"Old", "2"})},
                                               {"action", "save"},
                                               {"name", "Mine"},
                                               {"position", "2"}}));
  BOOST_CHECK_EQUAL(r.status, 409);
  BOOST_CHECK(contains(r.body, "Their version: <strong>Room &lt;B&gt;</strong>"));
}

BOOST_AUTO_TEST_CASE(room_details_are_saved_with_the_room_and_refused_whole) {
  GoldenSite golden;
  // A save that sets every detail: 303, stored trimmed, in the schedule the
  // staff pages read, and one audit row.
  Response r = send(
      golden, staff_post("/admin/rooms", with(room_form(golden, 3),
                                              {{"description", "  Behind the café  "},
                                               {"floor", "Basement"},
                                               {"map_url", "https://example.org/map#3"},
                                               {"stream_url", "https://stream.example.org/3b"}})));
  BOOST_CHECK_EQUAL(r.status, 303);
  BOOST_CHECK_EQUAL(header(r, "Location"), "/admin/rooms?done=saved");
  const RoomDetails saved{.description = "Behind the café",
                          .floor = "Basement",
                          .map_url = "https://example.org/map#3",
                          .stream_url = "https://stream.example.org/3b"};
  BOOST_CHECK((golden.staff.items(kRoomTable).at(2).values.room == saved));
  BOOST_CHECK((golden.staff.schedule()->rooms.at(2).details == saved));
  BOOST_REQUIRE_EQUAL(golden.staff.writes().size(), 1u);
  BOOST_CHECK_EQUAL(golden.staff.writes()[0].entity, "room");
  BOOST_CHECK_EQUAL(golden.staff.writes()[0].action, "update");
  // The list shows them in the row's form.
  r = send(golden, staff_get("/admin/rooms"));
  BOOST_CHECK(contains(r.body, "value=\"Behind the café\""));
  BOOST_CHECK(contains(r.body, "value=\"https://stream.example.org/3b\""));

  // One bad link refuses the whole save, the name and the other details
  // too: 422, nothing stored, nothing audited.
  const ItemDraft before = golden.staff.items(kRoomTable).at(2).values;
  for (const char* bad : {"javascript:alert(1)", "data:text/html,hi", "ftp://example.org/x"}) {
    BOOST_TEST_CONTEXT(bad) {
      r = send(golden,
               staff_post("/admin/rooms",
                          with(room_form(golden, 3),
                               {{"name", "Renamed"}, {"floor", "Level 9"}, {"stream_url", bad}})));
      BOOST_CHECK_EQUAL(r.status, 422);
      BOOST_CHECK(contains(r.body, "The stream link must be a whole web address"));
      BOOST_CHECK(contains(r.body, "value=\"Level 9\""));  // as typed
      BOOST_CHECK((golden.staff.items(kRoomTable).at(2).values.name == before.name));
      BOOST_CHECK((golden.staff.items(kRoomTable).at(2).values.room == before.room));
      BOOST_CHECK_EQUAL(golden.staff.writes().size(), 1u);
    }
  }
  // A new room may come with its details.
  r = send(golden, staff_post("/admin/rooms", {{"action", "add"},
                                               {"name", "Annex"},
                                               {"position", "4"},
                                               {"description", ""},
                                               {"floor", "Level 1"},
                                               {"map_url", ""},
                                               {"stream_url", ""}}));
  BOOST_CHECK_EQUAL(r.status, 303);
  BOOST_CHECK_EQUAL(golden.staff.items(kRoomTable).back().values.room.floor, "Level 1");
  // The tracks' form has no such fields: a body that brings one is refused.
  r = send(golden, staff_post("/admin/tracks", {{"action", "add"},
                                                {"name", "Security"},
                                                {"colour", "#123456"},
                                                {"map_url", "https://example.org/"}}));
  BOOST_CHECK_EQUAL(r.status, 400);
}

// ---------------------------------------------------- event, speakers

BOOST_AUTO_TEST_CASE(event_and_speaker_saves_lock_on_their_version) {
  GoldenSite golden;
  EventDraft event = *golden.staff.event_draft();
  Fields event_form = {{"version", event_version(event)},
                       {"name", "Renamed <Conf>"},
                       {"tagline", event.tagline},
                       {"venue", event.venue},
                       {"starts_on", event.starts_on},
                       {"ends_on", event.ends_on},
                       {"intro", event.intro}};
  // Dates that leave sessions out are refused.
  Response r =
      send(golden, staff_post("/admin/event", with(event_form, {{"ends_on", "2026-06-10"}})));
  BOOST_CHECK_EQUAL(r.status, 422);
  BOOST_CHECK(contains(r.body, "2 sessions lie outside these dates."));
  r = send(golden, staff_post("/admin/event", event_form));
  BOOST_CHECK_EQUAL(r.status, 303);
  BOOST_CHECK_EQUAL(golden.staff.event_draft()->name, "Renamed <Conf>");
  r = send(golden, staff_post("/admin/event", with(event_form, {{"name", "Stale"}})));
  BOOST_CHECK_EQUAL(r.status, 409);
  BOOST_CHECK(contains(r.body, "<dt>Name</dt><dd>Renamed &lt;Conf&gt;</dd>"));
  BOOST_CHECK_EQUAL(golden.staff.event_draft()->name, "Renamed <Conf>");

  SpeakerDraft ada = *golden.staff.speaker(1);
  Fields speaker_form = {{"version", speaker_version(ada)},
                         {"name", "Ada King"},
                         {"affiliation", ada.affiliation},
                         {"bio", ada.bio}};
  BOOST_CHECK_EQUAL(send(golden, staff_post("/admin/speakers/1", speaker_form)).status, 303);
  BOOST_CHECK_EQUAL(golden.staff.stored_session(1)->values.speakers, "Ada King\n");
  r = send(golden, staff_post("/admin/speakers/1", with(speaker_form, {{"name", "Stale"}})));
  BOOST_CHECK_EQUAL(r.status, 409);
  BOOST_CHECK_EQUAL(golden.staff.speaker(1)->name, "Ada King");
  r = send(golden, staff_post("/admin/speakers", {{"name", "New <speaker>"}}));
  BOOST_CHECK_EQUAL(r.status, 303);
  BOOST_CHECK_EQUAL(header(r, "Location"), "/admin/speakers/7?saved=1");
}

// ------------------------------------------------------------ announcements

BOOST_AUTO_TEST_CASE(announcements_post_save_and_withdraw_under_optimistic_locking) {
  GoldenSite golden;
  Response r = send(golden, staff_post("/admin/announcements", {{"body", "Doors <close> soon"},
                                                                {"level", "info"},
                                                                {"starts", "now"},
                                                                {"ends", "after"},
                                                                {"duration", "90"},
                                                                {"unit", "minutes"}}));
  BOOST_CHECK_EQUAL(r.status, 303);
  BOOST_CHECK_EQUAL(header(r, "Location"), "/admin/announcements?posted=1");
  StoredAnnouncement posted = *golden.staff.announcement(6);
  BOOST_CHECK_EQUAL(posted.state, "active");
  BOOST_CHECK_EQUAL(posted.seconds_left.value_or(0), 90 * 60);
  // Two edits from the same revision: the second is 409 with both versions.
  Fields edit = {{"revision", "1"}, {"action", "save"}, {"body", "First edit"},
                 {"level", "info"}, {"starts", "keep"}, {"ends", "keep"},
                 {"duration", ""},  {"unit", "minutes"}};
  BOOST_CHECK_EQUAL(send(golden, staff_post("/admin/announcements/6", edit)).status, 303);
  r = send(golden, staff_post("/admin/announcements/6", with(edit, {{"body", "Second <edit>"}})));
  BOOST_CHECK_EQUAL(r.status, 409);
  BOOST_CHECK(contains(r.body, "someone else changed this announcement meanwhile"));
  BOOST_CHECK(contains(r.body, ">First edit</dd>"));
  BOOST_CHECK(contains(r.body, ">Second &lt;edit&gt;</textarea>"));
  BOOST_CHECK_EQUAL(golden.staff.announcement(6)->body, "First edit");
  // Withdrawn: a soft delete; an edit from before it is 409 and keeps the text.
  r = send(golden,
           staff_post("/admin/announcements/6", {{"revision", "2"}, {"action", "withdraw"}}));
  BOOST_CHECK_EQUAL(r.status, 303);
  BOOST_CHECK_EQUAL(header(r, "Location"), "/admin/announcements?withdrawn=1");
  BOOST_CHECK_EQUAL(golden.staff.announcement(6)->state, "withdrawn");
  r = send(golden, staff_post("/admin/announcements/6",
                              with(edit, {{"revision", "3"}, {"body", "Too late"}})));
  BOOST_CHECK_EQUAL(r.status, 409);
  BOOST_CHECK(contains(r.body, "this announcement was withdrawn meanwhile"));
  BOOST_CHECK(contains(r.body, ">Too late</textarea>"));
  // Refused values: 422, nothing posted.
  const size_t writes = golden.staff.writes().size();
  r = send(golden, staff_post("/admin/announcements",
                              {{"body", ""}, {"level", "loud"}, {"ends", "never"}}));
  BOOST_CHECK_EQUAL(r.status, 422);
  BOOST_CHECK_EQUAL(golden.staff.writes().size(), writes);
}

// Issue 17: a start and an end at typed days and times of the event's
// zone, for one room; the staff list says when it starts, and the delegate
// pages see it through the announcement clock (store/credentials.h).
BOOST_AUTO_TEST_CASE(an_announcement_starts_and_ends_at_typed_times_for_one_room) {
  GoldenSite golden;
  Fields post = {{"body", "Doors <open> at two"},
                 {"level", "info"},
                 {"room", "2"},
                 {"starts", "at"},
                 {"start_day", "2026-06-10"},
                 {"start_time", "14:00"},
                 {"ends", "after"},
                 {"duration", "30"},
                 {"unit", "minutes"},
                 {"end_day", ""},
                 {"end_time", ""}};
  Response r = send(golden, staff_post("/admin/announcements", post));
  BOOST_CHECK_EQUAL(r.status, 303);
  StoredAnnouncement posted = *golden.staff.announcement(6);
  BOOST_CHECK_EQUAL(posted.state, "scheduled");
  BOOST_CHECK_EQUAL(posted.room_id.value_or(0), 2);
  // 14:00 in London in June is 13:00 UTC; the duration counts from the start.
  BOOST_CHECK_EQUAL(posted.published_at, "2026-06-10 13:00:00");
  BOOST_CHECK_EQUAL(posted.expires_at, "2026-06-10 13:30:00");
  BOOST_CHECK(contains(send(golden, get("/admin/announcements")).body,
                       "<td>Room &lt;B&gt;</td><td>Information</td><td>Scheduled: starts "
                       "Wednesday 10 June 2026, 14:00, until 14:30</td>"));

  // An end at a typed time, the start already passed (so now).
  r = send(golden, staff_post("/admin/announcements", with(post, {{"start_time", "08:00"},
                                                                  {"ends", "at"},
                                                                  {"duration", ""},
                                                                  {"end_day", "2026-06-11"},
                                                                  {"end_time", "09:15"}})));
  BOOST_CHECK_EQUAL(r.status, 303);
  posted = *golden.staff.announcement(7);
  BOOST_CHECK_EQUAL(posted.state, "active");
  BOOST_CHECK_EQUAL(posted.published_at, "2026-06-10 09:30:00");
  BOOST_CHECK_EQUAL(posted.expires_at, "2026-06-11 08:15:00");

  // Refused, nothing written, everything typed kept: an end before the
  // start, an end more than 14 days after it, a room that does not exist.
  const size_t writes = golden.staff.writes().size();
  for (const Fields& bad :
       {with(post,
             {{"ends", "at"}, {"duration", ""}, {"end_day", "2026-06-10"}, {"end_time", "13:59"}}),
        with(post,
             {{"ends", "at"}, {"duration", ""}, {"end_day", "2026-06-24"}, {"end_time", "14:01"}}),
        with(post, {{"room", "4"}})}) {
    r = send(golden, staff_post("/admin/announcements", bad));
    BOOST_CHECK_EQUAL(r.status, 422);
    BOOST_CHECK(contains(r.body, ">Doors &lt;open&gt; at two</textarea>"));
    BOOST_CHECK(
        contains(r.body, "id=\"start_day\" name=\"start_day\" type=\"date\" value=\"2026-06-10\""));
    BOOST_CHECK(contains(r.body, "<option value=\"at\" selected>At the day and time below"));
  }
  BOOST_CHECK_EQUAL(golden.staff.writes().size(), writes);
}

// A room with an announcement that shows or will show is not deleted: the
// announcement would lose its room and show everywhere (sql/008). Once it
// is withdrawn the room goes, and the announcement forgets it.
BOOST_AUTO_TEST_CASE(a_room_with_an_announcement_not_over_is_kept) {
  GoldenSite golden;
  ItemDraft side{"Side room", "9"};
  BOOST_REQUIRE(golden.staff.add_item(kRoomTable, side, {"Bo", "192.0.2.8"}).outcome ==
                WriteOutcome::kSaved);
  const int64_t room = golden.staff.items(kRoomTable).back().id;
  Response r = send(golden, staff_post("/admin/announcements", {{"body", "Side room closed"},
                                                                {"level", "info"},
                                                                {"room", std::to_string(room)},
                                                                {"starts", "now"},
                                                                {"ends", "never"}}));
  BOOST_CHECK_EQUAL(r.status, 303);
  r = send(golden,
           staff_post("/admin/rooms", with(room_form(golden, room), {{"action", "delete"}})));
  BOOST_CHECK_EQUAL(r.status, 409);
  BOOST_CHECK(contains(r.body,
                       "Not deleted: 1 announcement that shows or will show is for this "
                       "room. Withdraw it or make it for everywhere first"));
  BOOST_CHECK_EQUAL(golden.staff.items(kRoomTable).back().id, room);
  r = send(golden,
           staff_post("/admin/announcements/6", {{"revision", "1"}, {"action", "withdraw"}}));
  BOOST_CHECK_EQUAL(r.status, 303);
  r = send(golden,
           staff_post("/admin/rooms", with(room_form(golden, room), {{"action", "delete"}})));
  BOOST_CHECK_EQUAL(r.status, 303);
  BOOST_CHECK(!golden.staff.announcement(6)->room_id);
}

// The announcement pages used to record every write as "staff", whatever
// name the staff member had set: they built the AuditContext themselves
// instead of asking audit_context(), as every other staff page does.
BOOST_AUTO_TEST_CASE(announcement_writes_are_audited_under_the_staff_members_name) {
  GoldenSite golden;
  Response r =
      send(golden,
           post_as(add_person(golden, "Ana", StaffRole::kEditor), "/admin/announcements",
                   {{"body", "Named"}, {"level", "info"}, {"starts", "now"}, {"ends", "never"}}));
  BOOST_CHECK_EQUAL(r.status, 303);
  BOOST_REQUIRE(golden.staff.last_writer());
  BOOST_CHECK_EQUAL(golden.staff.last_writer()->staff_name, "Ana");
}

// ------------------------------------------------------ screens, passwords

BOOST_AUTO_TEST_CASE(a_screen_gets_a_new_link_and_can_be_turned_off) {
  GoldenSite golden(/*version_check_ms=*/0);
  const uint64_t version = golden.source.state.data_version;
  Response r = send(golden, staff_post("/admin/displays", {{"room", "2"}, {"action", "link"}}));
  BOOST_CHECK_EQUAL(r.status, 303);
  BOOST_CHECK_EQUAL(header(r, "Location"), "/admin/displays?done=link#room-2");
  std::vector<RoomDisplay> rooms = golden.staff.room_displays();
  BOOST_REQUIRE(rooms.at(1).nonce);
  // Every worker learns of it through the data version.
  BOOST_CHECK_GT(golden.source.state.data_version, version);
  Response page = send(golden, staff_get("/admin/displays"));
  BOOST_CHECK(contains(page.body, display_path(kSecret, 2, *rooms.at(1).nonce)));
  // A new link for a screen that is on replaces it.
  send(golden, staff_post("/admin/displays", {{"room", "1"}, {"action", "link"}}));
  BOOST_CHECK(golden.staff.room_displays().at(0).nonce != std::optional<int64_t>(42));
  r = send(golden, staff_post("/admin/displays", {{"room", "2"}, {"action", "off"}}));
  BOOST_CHECK_EQUAL(r.status, 303);
  BOOST_CHECK(!golden.staff.room_displays().at(1).nonce);
  // Turning off what is off writes nothing.
  const size_t writes = golden.staff.writes().size();
  send(golden, staff_post("/admin/displays", {{"room", "2"}, {"action", "off"}}));
  BOOST_CHECK_EQUAL(golden.staff.writes().size(), writes);
  // Odd values are 400 before anything is read.
  BOOST_CHECK_EQUAL(
      send(golden, staff_post("/admin/displays", {{"room", "2"}, {"action", "explode"}})).status,
      400);
  BOOST_CHECK_EQUAL(
      send(golden, staff_post("/admin/displays", {{"room", "two"}, {"action", "off"}})).status,
      400);
}

// ---------------------------------------------------------- speaker check-in

// The toggle marks and unmarks an arrival under the staff member's name and
// moves no data version (no delegate page changes); what our page never
// sends is refused and changes nothing; an outage keeps the form to send
// again.
BOOST_AUTO_TEST_CASE(speaker_checkin_toggles_an_arrival_and_leaves_delegate_pages_alone) {
  GoldenSite golden(/*version_check_ms=*/0);
  const std::string ana = add_person(golden, "Ana", StaffRole::kEditor);
  const uint64_t version = golden.source.state.data_version;
  Response r =
      send(golden, post_as(ana, "/admin/checkin", {{"speaker_id", "1"}, {"arrived", "1"}}));
  BOOST_CHECK_EQUAL(r.status, 303);
  BOOST_CHECK_EQUAL(header(r, "Location"), "/admin/checkin?done=arrived&speaker=1#speaker-1");
  BOOST_REQUIRE_EQUAL(golden.staff.writes().size(), 1u);
  BOOST_CHECK_EQUAL(golden.staff.writes()[0].entity, "speaker_checkin");
  BOOST_CHECK_EQUAL(golden.staff.writes()[0].entity_id, 1);
  BOOST_CHECK_EQUAL(golden.staff.writes()[0].who.staff_name, "Ana");
  BOOST_CHECK_EQUAL(golden.source.state.data_version, version);
  RequestSpec list = staff_get("/admin/checkin?done=arrived&speaker=1");
  list.session = ana;
  Response page = send(golden, list);
  BOOST_CHECK_EQUAL(page.status, 200);
  BOOST_CHECK(contains(page.body, "Ada Lovelace has arrived."));
  BOOST_CHECK(contains(page.body, "Arrived at 10:30, marked by Ana"));
  // A second tap (another phone at the desk) writes nothing.
  send(golden, post_as(ana, "/admin/checkin", {{"speaker_id", "1"}, {"arrived", "1"}}));
  BOOST_CHECK_EQUAL(golden.staff.writes().size(), 1u);
  r = send(golden, post_as(ana, "/admin/checkin", {{"speaker_id", "1"}, {"arrived", "0"}}));
  BOOST_CHECK_EQUAL(r.status, 303);
  BOOST_CHECK_EQUAL(header(r, "Location"), "/admin/checkin?done=undone&speaker=1#speaker-1");
  BOOST_REQUIRE_EQUAL(golden.staff.writes().size(), 2u);
  BOOST_CHECK_EQUAL(golden.staff.writes()[1].action, "delete");
  BOOST_CHECK(golden.staff.speakers_on("2026-06-10").at(0).arrived == false);
  BOOST_CHECK_EQUAL(golden.source.state.data_version, version);

  // Bad input: 4xx, nothing written.
  const std::vector<std::pair<Fields, int>> refused = {
      {{{"speaker_id", "999"}, {"arrived", "1"}}, 404},
      {{{"speaker_id", "1"}, {"arrived", "2"}}, 400},
      {{{"speaker_id", "one"}, {"arrived", "1"}}, 400},
      {{{"speaker_id", "1"}}, 400},
      {{{"arrived", "1"}}, 400},
      {{{"speaker_id", "1"}, {"arrived", "1"}, {"note", "x"}}, 400},
  };
  for (const auto& [fields, status] : refused)
    BOOST_CHECK_EQUAL(send(golden, post_as(ana, "/admin/checkin", fields)).status, status);
  BOOST_CHECK_EQUAL(golden.staff.writes().size(), 2u);

  // The database away: 503, and the form as sent, to send again.
  golden.staff.available = false;
  r = send(golden, post_as(ana, "/admin/checkin", {{"speaker_id", "3"}, {"arrived", "1"}}));
  BOOST_CHECK_EQUAL(r.status, 503);
  BOOST_CHECK(contains(r.body, "nothing was saved"));
  BOOST_CHECK(contains(r.body, "name=\"speaker_id\""));
  golden.staff.available = true;
  BOOST_CHECK_EQUAL(golden.staff.writes().size(), 2u);
}

BOOST_AUTO_TEST_CASE(a_staff_password_change_keeps_the_changer_and_ends_the_rest) {
  GoldenSite golden(/*version_check_ms=*/0);
  // Refused: 422, never echoed, nothing stored.
  Response r =
      send(golden,
           staff_post("/admin/passwords",
                      {{"role", "staff"}, {"password", "short-1"}, {"password_again", "short-1"}}));
  BOOST_CHECK_EQUAL(r.status, 422);
  BOOST_CHECK(!contains(r.body, "short-1"));
  BOOST_CHECK(golden.staff.writes().empty());
  const std::string password = "a new staff password";
  r = send(golden,
           staff_post("/admin/passwords",
                      {{"role", "staff"}, {"password", password}, {"password_again", password}}));
  BOOST_CHECK_EQUAL(r.status, 303);
  BOOST_CHECK_EQUAL(header(r, "Location"), "/admin/passwords?changed=staff");
  BOOST_CHECK_EQUAL(golden.source.state.staff_epoch, 2u);
  BOOST_CHECK_EQUAL(golden.staff.last_writer()->staff_name, std::string(kSharedStaffName));
  // Stored as a hash, never as itself.
  BOOST_CHECK(golden.staff.password_hash(Role::kStaff).rfind("$argon2id$", 0) == 0);
  BOOST_CHECK(!contains(golden.staff.password_hash(Role::kStaff), password));
  // The changer gets a cookie of the new epoch, which works; every older
  // one is refused.
  const std::string renewed = sign_session(
      SessionClaims{Role::kStaff, kNow + int64_t{golden.config.session_hours} * 3600, 2}, kSecret);
  BOOST_CHECK(contains(header(r, "Set-Cookie"), "confsched=" + renewed + ";"));
  BOOST_CHECK_EQUAL(send(golden, {.target = "/admin", .session = renewed}).status, 200);
  BOOST_CHECK_EQUAL(send(golden, staff_get("/admin")).status, 303);
  // An admin with a login of their own who changes the shared password
  // keeps their own cookie and is given no shared one.
  const std::string ada = add_person(golden, "Ada", StaffRole::kAdmin);
  r = send(golden,
           post_as(ada, "/admin/passwords",
                   {{"role", "staff"}, {"password", password}, {"password_again", password}}));
  BOOST_CHECK_EQUAL(r.status, 303);
  BOOST_CHECK(!contains(header(r, "Set-Cookie"), "confsched="));
  BOOST_CHECK_EQUAL(golden.staff.last_writer()->staff_name, "Ada");
  BOOST_CHECK_EQUAL(send(golden, {.target = "/admin", .session = ada}).status, 200);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace confsched::golden
