// "/speakers" and "/speaker/<id>": who speaks, and in what. Both are
// rendered from the programme the worker holds (Site::programme), like
// /schedule and /session/<id>, and cached the same way.
//
// Which speakers delegates see:
// - /speakers lists a speaker who has at least one session that is not
//   cancelled, with those sessions only: it answers "who speaks, and in
//   what" for the programme as it stands. A speaker whose every session
//   was cancelled, or who has no session at all, is not listed.
// - /speaker/<id> exists for a speaker with at least one session of any
//   status (cancelled ones included, marked): a cancelled session's page
//   still links its speakers. A speaker on no session is not part of the
//   programme (staff may have added them ahead of it), so that is a 404,
//   like an id that names nobody.
#include <algorithm>
#include <cstdio>
#include <unordered_map>
#include <vector>

#include "model/session_terms.h"
#include "pages/banner.h"
#include "pages/pages.h"
#include "pages/schedule_filter.h"
#include "pages/session_fields.h"
#include "site/markdown.h"
#include "site/site.h"
#include "site/zone_note.h"
#include "util/time_text.h"
#include "util/translate.h"
#include "util/utf8.h"

namespace confsched {

namespace {

bool is_cancelled(const Session& s) { return s.status == "cancelled"; }

struct ListedSpeaker {
  const Speaker* speaker;
  std::string folded;                    // the sort key: fold_case of the name
  std::vector<const Session*> sessions;  // not cancelled, in programme order
};

// The speakers /speakers lists, sorted by their case-folded name (then id,
// so that namesakes keep one order). The folded names sort by code point,
// since the site has no collation tables: a name that starts with a letter
// outside ASCII ("Çağla", "Øyvind") comes after every name that starts
// with one inside it.
std::vector<ListedSpeaker> listed_speakers(const Programme& p) {
  std::vector<ListedSpeaker> out;
  std::unordered_map<const Speaker*, size_t> index_of;
  for (const Session& s : p.sessions) {
    if (is_cancelled(s)) continue;
    for (const Speaker* sp : s.speakers) {
      auto [at, added] = index_of.try_emplace(sp, out.size());
      if (added) out.push_back(ListedSpeaker{sp, fold_case(sp->name), {}});
      out[at->second].sessions.push_back(&s);
    }
  }
  std::sort(out.begin(), out.end(), [](const ListedSpeaker& a, const ListedSpeaker& b) {
    return a.folded != b.folded ? a.folded < b.folded : a.speaker->id < b.speaker->id;
  });
  return out;
}

// The index letter a folded name is filed under (its first character), and
// the fragment id of that letter's heading: the letter itself for ASCII
// letters and digits, else "u" and its code point in hex, so that every
// id is plain ASCII. A name that is empty or starts with a byte that is
// not UTF-8 is filed under "#".
std::pair<std::string, std::string> index_letter(std::string_view folded) {
  size_t end = 0;
  std::optional<char32_t> c = folded.empty() ? std::nullopt : decode_utf8(folded, end);
  if (!c) return {"#", "letter-other"};
  std::string letter(folded.substr(0, end));
  if ((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9')) return {letter, "letter-" + letter};
  char hex[16];
  std::snprintf(hex, sizeof hex, "u%x", static_cast<unsigned>(*c));
  return {letter, std::string("letter-") + hex};
}

void fill_speaker_list(ctemplate::TemplateDictionary& d, const Programme& p) {
  const std::vector<ListedSpeaker> speakers = listed_speakers(p);
  if (speakers.empty()) d.ShowSection("NO_SPEAKERS");
  ctemplate::TemplateDictionary* group = nullptr;
  std::string current;
  for (const ListedSpeaker& listed : speakers) {
    auto [letter, anchor] = index_letter(listed.folded);
    if (!group || letter != current) {
      auto* link = d.AddSectionDictionary("LETTER_LINK");
      link->SetValue("ANCHOR", anchor);
      link->SetValue("LETTER", letter);
      group = d.AddSectionDictionary("LETTER");
      group->SetValue("ANCHOR", anchor);
      group->SetValue("LETTER", letter);
      current = letter;
    }
    auto* entry = group->AddSectionDictionary("SPEAKER");
    entry->SetIntValue("ID", static_cast<long>(listed.speaker->id));
    entry->SetValue("NAME", listed.speaker->name);
    if (!listed.speaker->affiliation.empty())
      entry->AddSectionDictionary("AFFILIATION")->SetValue("TEXT", listed.speaker->affiliation);
    for (const Session* s : listed.sessions) {
      auto* session = entry->AddSectionDictionary("SESSION");
      session->SetIntValue("ID", static_cast<long>(s->id));
      session->SetValue("TITLE", s->title);
    }
  }
}

void fill_speaker_session(ctemplate::TemplateDictionary& d, const Session& s) {
  fill_session_fields(d, s);
  auto start = parse_civil(s.starts_at);
  d.SetValue("DAY_LABEL", start ? format_day_label(*start) : s.starts_at);
  if (std::string note(session_status_note(s.status)); !note.empty())
    d.AddSectionDictionary("STATUS_NOTE")->SetValue("TEXT", note);
}

}  // namespace

Response speakers_page(Site& site, const Request&, const RouteParams&) {
  const Programme& programme = site.programme();  // NotSeeded on an empty database
  std::string body =
      site.templates().render(site.shared_frame(tr("Speakers"), programme.event.name),
                              "speakers.tpl", [&](ctemplate::TemplateDictionary& d) {
                                add_banner(site, d);
                                fill_speaker_list(d, programme);
                                add_zone_note(site, d, programme.event, programme.event.starts_on,
                                              programme.event.ends_on + " 23:59");
                              });
  return html_response(200, std::move(body), cache_control::kPrivateRevalidate);
}

Response speaker_page(Site& site, const Request&, const RouteParams& params) {
  const Programme& programme = site.programme();  // NotSeeded on an empty database
  // Found through the sessions: a speaker on none is not on the programme.
  const Speaker* speaker = nullptr;
  std::vector<const Session*> sessions;  // every status, in programme order
  for (const Session& s : programme.sessions)
    for (const Speaker* sp : s.speakers)
      if (sp->id == params.id) {
        speaker = sp;
        sessions.push_back(&s);
        break;
      }
  if (!speaker) return site.error_page(404);
  std::string body = site.templates().render(
      site.shared_frame(speaker->name, programme.event.name), "speaker.tpl",
      [&](ctemplate::TemplateDictionary& d) {
        add_banner(site, d);
        d.SetValue("NAME", speaker->name);
        if (!speaker->affiliation.empty())
          d.AddSectionDictionary("AFFILIATION")->SetValue("TEXT", speaker->affiliation);
        if (!speaker->bio.empty())
          d.AddSectionDictionary("BIO")->SetValue("HTML", markdown_to_safe_html(speaker->bio));
        for (const Session* s : sessions)
          fill_speaker_session(*d.AddSectionDictionary("SESSION"), *s);
        // Sessions run in start order; the last to end need not be the
        // last to start.
        std::string last_end;
        for (const Session* s : sessions) last_end = std::max(last_end, s->ends_at);
        add_zone_note(site, d, programme.event, sessions.front()->starts_at, last_end);
      });
  return html_response(200, std::move(body), cache_control::kPrivateRevalidate);
}

}  // namespace confsched
