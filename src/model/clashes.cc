#include "model/clashes.h"

#include <algorithm>
#include <numeric>
#include <set>
#include <tuple>

#include "util/translate.h"

namespace confsched {

namespace {

// "YYYY-MM-DD HH:MM:SS" -> "YYYY-MM-DD", "HH:MM".
std::string day_of(const std::string& at) { return at.substr(0, 10); }
std::string time_of(const std::string& at) { return at.size() >= 16 ? at.substr(11, 5) : at; }

}  // namespace

bool overlap(const Booking& a, const Booking& b) {
  if (a.cancelled || b.cancelled) return false;
  return a.starts_at < b.ends_at && b.starts_at < a.ends_at;
}

std::vector<Clash> find_clashes(const std::vector<Booking>& bookings) {
  std::vector<size_t> order(bookings.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return bookings[a].starts_at < bookings[b].starts_at;
  });
  std::vector<Clash> clashes;
  std::vector<size_t> open;  // started, maybe not ended, in start order
  for (size_t i : order) {
    const Booking& b = bookings[i];
    if (b.cancelled) continue;
    // Whatever ended by this start can clash with nothing later either.
    std::erase_if(open, [&](size_t j) { return bookings[j].ends_at <= b.starts_at; });
    for (size_t j : open) {
      const Booking& a = bookings[j];
      if (!overlap(a, b)) continue;
      if (a.room == b.room) clashes.push_back({j, i, ""});
      std::set<std::string> theirs(a.speakers.begin(), a.speakers.end());
      std::set<std::string> seen;
      for (const std::string& name : b.speakers)
        if (theirs.count(name) && seen.insert(name).second) clashes.push_back({j, i, name});
    }
    open.push_back(i);
  }
  return clashes;
}

std::string describe_clash(const std::vector<Booking>& bookings, const Clash& clash, size_t from) {
  const Booking& self = bookings[from];
  const Booking& other = bookings[from == clash.first ? clash.second : clash.first];
  std::string when = time_of(other.starts_at) + "–" + time_of(other.ends_at);
  if (day_of(other.starts_at) != day_of(self.starts_at))
    when = day_of(other.starts_at) + " " + when;
  const std::initializer_list<std::pair<std::string_view, std::string_view>> values = {
      {"title", other.title}, {"room", other.room}, {"when", when}, {"speaker", clash.speaker}};
  if (clash.speaker.empty())
    return fill_text(tr("Room clash with “{title}” ({room}, {when})"), values);
  return fill_text(tr("{speaker} is also in “{title}” ({room}, {when})"), values);
}

std::vector<std::string> clashes_of_changed(const std::vector<Booking>& bookings, size_t changed,
                                            const std::vector<Booking>* was) {
  // A pair and what they share, whichever of the two starts first.
  using Key = std::tuple<size_t, size_t, std::string>;
  auto key = [](const Clash& c) {
    return Key{std::min(c.first, c.second), std::max(c.first, c.second), c.speaker};
  };
  std::set<Key> before;
  if (was) {
    std::vector<Booking> then = *was;
    then.insert(then.end(), bookings.begin() + static_cast<std::ptrdiff_t>(changed),
                bookings.end());
    for (const Clash& c : find_clashes(then)) before.insert(key(c));
  }
  std::vector<std::string> sentences;
  for (const Clash& c : find_clashes(bookings)) {
    if (c.first >= changed && c.second >= changed) continue;
    if (before.count(key(c))) continue;
    const size_t from = c.first < changed ? c.first : c.second;
    std::string sentence = describe_clash(bookings, c, from);
    if (changed > 1) {
      const Booking& self = bookings[from];
      sentence = fill_text(
          tr("“{title}” at {time}: {clash}"),
          {{"title", self.title}, {"time", time_of(self.starts_at)}, {"clash", sentence}});
    }
    sentences.push_back(std::move(sentence));
  }
  return sentences;
}

}  // namespace confsched
