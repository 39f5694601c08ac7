#include "util/message_catalogue.h"

#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

#include "mo_test_support.h"
#include "test_support.h"

using confsched::kMaxCatalogueBytes;
using confsched::MessageCatalogue;
using confsched::testing::mo_bytes;
using confsched::testing::mo_find_msgfmt;
using confsched::testing::mo_put_word;
using confsched::testing::mo_run_msgfmt;
using confsched::testing::mo_translations_at;
using confsched::testing::MoEntry;
using confsched::testing::MoScratchDir;

namespace {

const std::vector<MoEntry> kMcEntries = {
    {"", "Content-Type: text/plain; charset=UTF-8\nLanguage: de\n"},
    {"Save", "Speichern"},
    {"Saved {{COUNT}} sessions.", "{{COUNT}} Sitzungen gespeichert."},
    {"Search talks", "Vortr\xC3\xA4ge suchen"},
};

// The error parse gives for mo, which it must refuse.
std::string mc_refusal(std::string_view mo) {
  std::string error;
  auto catalogue = MessageCatalogue::parse(mo, error);
  BOOST_TEST(!catalogue.has_value());
  BOOST_TEST(!error.empty());
  return error;
}

MessageCatalogue mc_accepted(std::string_view mo) {
  std::string error;
  auto catalogue = MessageCatalogue::parse(mo, error);
  BOOST_TEST_REQUIRE(catalogue.has_value(), "refused: " << error);
  return *catalogue;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(message_catalogue)

BOOST_AUTO_TEST_CASE(finds_translations) {
  const MessageCatalogue c = mc_accepted(mo_bytes(kMcEntries));
  BOOST_TEST(!c.empty());
  BOOST_TEST(c.messages().size() == 3u);
  BOOST_TEST(c.translate("Save") == "Speichern");
  BOOST_TEST(c.translate("Saved {{COUNT}} sessions.") == "{{COUNT}} Sitzungen gespeichert.");
  BOOST_TEST(c.translate("Search talks") == "Vortr\xC3\xA4ge suchen");
}

BOOST_AUTO_TEST_CASE(untranslated_msgid_is_its_own_translation) {
  const MessageCatalogue c = mc_accepted(mo_bytes(kMcEntries));
  const std::string msgid = "Delete";
  BOOST_TEST(c.translate(msgid) == "Delete");
  BOOST_TEST(static_cast<const void*>(c.translate(msgid).data()) ==
             static_cast<const void*>(msgid.data()));  // the caller's own text
  BOOST_TEST(c.translate("save") == "save");           // exact match only
  BOOST_TEST(c.translate("Save ") == "Save ");

  const MessageCatalogue none;
  BOOST_TEST(none.empty());
  BOOST_TEST(none.translate("Save") == "Save");
}

BOOST_AUTO_TEST_CASE(header_entry_is_not_a_message) {
  const MessageCatalogue c = mc_accepted(mo_bytes(kMcEntries));
  BOOST_TEST(c.messages().count("") == 0u);
  BOOST_TEST(c.translate("") == "");

  const MessageCatalogue header_only = mc_accepted(mo_bytes({kMcEntries[0]}));
  BOOST_TEST(header_only.empty());
  BOOST_TEST(mc_accepted(mo_bytes({})).empty());

  // An original whose singular is empty is no message either (found by
  // fuzz_parse_message_catalogue: it was stored under msgid "").
  using namespace std::string_literals;
  const MessageCatalogue plural_only =
      mc_accepted(mo_bytes({{"\0{{N}} sessions"s, "Sitzung\0{{N}} Sitzungen"s}, kMcEntries[1]}));
  BOOST_TEST(plural_only.messages().size() == 1u);
  BOOST_TEST(plural_only.messages().count("") == 0u);
  BOOST_TEST(plural_only.translate("") == "");
}

BOOST_AUTO_TEST_CASE(plural_entry_counts_by_singular_with_first_form) {
  using namespace std::string_literals;
  const MessageCatalogue c = mc_accepted(mo_bytes({
      {"One session\0{{N}} sessions"s, "Eine Sitzung\0{{N}} Sitzungen"s},
  }));
  BOOST_TEST(c.messages().size() == 1u);
  BOOST_TEST(c.translate("One session") == "Eine Sitzung");
  BOOST_TEST(c.translate("{{N}} sessions") == "{{N}} sessions");
  BOOST_TEST(c.translate("One session\0{{N}} sessions"s) == "One session\0{{N}} sessions"s);
}

BOOST_AUTO_TEST_CASE(context_and_empty_translations_are_skipped) {
  const MessageCatalogue c = mc_accepted(mo_bytes({
      {"menu\x04Open",
       "\xC3\x96"
       "ffnen"},
      {"Open", ""},  // untranslated: the English stays
      {"Close",
       "Schlie\xC3\x9F"
       "en"},
  }));
  BOOST_TEST(c.messages().size() == 1u);
  BOOST_TEST(c.translate("Open") == "Open");
  BOOST_TEST(c.translate("menu\x04Open") == "menu\x04Open");
  BOOST_TEST(c.translate("Close") ==
             "Schlie\xC3\x9F"
             "en");
}

BOOST_AUTO_TEST_CASE(big_endian_file_reads_the_same) {
  const std::string big = mo_bytes(kMcEntries, true);
  BOOST_TEST(static_cast<unsigned char>(big[0]) == 0x95u);  // written as big-endian
  const MessageCatalogue c = mc_accepted(big);
  BOOST_TEST((c.messages() == mc_accepted(mo_bytes(kMcEntries)).messages()));
  BOOST_TEST(c.translate("Save") == "Speichern");
}

BOOST_AUTO_TEST_CASE(revisions_zero_and_one_are_read_others_refused) {
  BOOST_TEST(mc_accepted(mo_bytes(kMcEntries, false, 0x00000001)).translate("Save") == "Speichern");
  BOOST_TEST(mc_accepted(mo_bytes(kMcEntries, false, 0x00010000)).translate("Save") == "Speichern");
  BOOST_TEST(mc_accepted(mo_bytes(kMcEntries, true, 0x00010001)).translate("Save") == "Speichern");
  BOOST_TEST(mc_refusal(mo_bytes(kMcEntries, false, 0x00020000)).find("revision") !=
             std::string::npos);
  mc_refusal(mo_bytes(kMcEntries, true, 0xFFFF0000));
}

BOOST_AUTO_TEST_CASE(reads_what_msgfmt_writes) {
  const auto msgfmt = mo_find_msgfmt();
  BOOST_TEST_REQUIRE(msgfmt.has_value(), "msgfmt (gettext, a build dependency) is not on PATH");
  MoScratchDir dir;
  const auto po = dir.path() / "test.po";
  std::ofstream(po) << R"(msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"

msgid "Save"
msgstr "Speichern"

msgid "Saved {{COUNT}} sessions."
msgstr "{{COUNT}} Sitzungen gespeichert."

msgid "Search talks"
msgstr "Vorträge suchen"

msgid "One session"
msgid_plural "{{N}} sessions"
msgstr[0] "Eine Sitzung"
msgstr[1] "{{N}} Sitzungen"

msgctxt "menu"
msgid "Open"
msgstr "Öffnen"

msgid "Untranslated"
msgstr ""

#, fuzzy
msgid "Fuzzy"
msgstr "Unscharf"
)";
  for (const char* endianness : {"--endianness=little", "--endianness=big"}) {
    BOOST_TEST_CONTEXT(endianness) {
      const MessageCatalogue c = mc_accepted(mo_run_msgfmt(*msgfmt, po, endianness));
      BOOST_TEST(c.messages().size() == 4u);
      BOOST_TEST(c.translate("Save") == "Speichern");
      BOOST_TEST(c.translate("Saved {{COUNT}} sessions.") == "{{COUNT}} Sitzungen gespeichert.");
      BOOST_TEST(c.translate("Search talks") == "Vortr\xC3\xA4ge suchen");
      BOOST_TEST(c.translate("One session") == "Eine Sitzung");
      BOOST_TEST(c.translate("Open") == "Open");
      BOOST_TEST(c.translate("Untranslated") == "Untranslated");
      BOOST_TEST(c.translate("Fuzzy") == "Fuzzy");
      BOOST_TEST(c.translate("") == "");
    }
  }
}

BOOST_AUTO_TEST_CASE(reads_the_shipped_german_catalogue) {
  const auto msgfmt = mo_find_msgfmt();
  BOOST_TEST_REQUIRE(msgfmt.has_value(), "msgfmt (gettext, a build dependency) is not on PATH");
  MoScratchDir dir;
  std::filesystem::copy_file(CONFSCHED_SOURCE_DIR "/po/de.po", dir.path() / "de.po");
  const MessageCatalogue c = mc_accepted(mo_run_msgfmt(*msgfmt, dir.path() / "de.po", "--check"));
  BOOST_TEST(!c.empty());
  BOOST_TEST(c.translate("Your password") == "Ihr Passwort");
}

BOOST_AUTO_TEST_CASE(refuses_short_files_and_bad_magic) {
  mc_refusal("");
  const std::string good = mo_bytes(kMcEntries);
  BOOST_TEST(mc_refusal(good.substr(0, 27)).find("short") != std::string::npos);
  mc_refusal(good.substr(0, 4));

  std::string bad_magic = good;
  bad_magic[0] = 'x';
  BOOST_TEST(mc_refusal(bad_magic).find("magic") != std::string::npos);
  mc_refusal(std::string(64, '\0'));
  mc_refusal(std::string(64, '\xFF'));
}

BOOST_AUTO_TEST_CASE(refuses_every_truncation) {
  // The file ends with the last translation's NUL: any shorter prefix lacks
  // a string, a table or the header.
  for (bool big_endian : {false, true}) {
    const std::string good = mo_bytes(kMcEntries, big_endian);
    for (size_t size = 0; size < good.size(); ++size) {
      BOOST_TEST_CONTEXT("big-endian " << big_endian << ", " << size << " bytes") {
        mc_refusal(std::string_view(good).substr(0, size));
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(refuses_strings_outside_the_file) {
  const std::string good = mo_bytes(kMcEntries);
  const size_t count = kMcEntries.size();
  const uint32_t size = static_cast<uint32_t>(good.size());
  const uint32_t originals = 28, translations = mo_translations_at(count);

  struct Damage {
    const char* what;
    uint32_t at, value;
  };
  const Damage damages[] = {
      {"an original's offset past the end", originals + 8 + 4, size + 100},
      {"an original's offset at the end", originals + 8 + 4, size},
      {"a translation's offset past the end", translations + 8 * 3 + 4, 0xFFFFFFF0},
      {"an original's length past the end", originals + 8, size},
      {"a translation's length of 4 GiB", translations + 8, 0xFFFFFFFF},
      {"length and offset that wrap 32 bits", translations + 8, 0x80000000},
      {"the originals' table past the end", 12, size + 8},
      {"the originals' table at 4 GiB", 12, 0xFFFFFFF8},
      {"the translations' table straddling the end", 16, size - 4},
  };
  for (const Damage& d : damages) {
    BOOST_TEST_CONTEXT(d.what) {
      std::string bad = good;
      mo_put_word(bad, d.at, d.value);
      if (d.value == 0x80000000) mo_put_word(bad, d.at + 4, 0x80000000);
      mc_refusal(bad);
    }
  }
}

BOOST_AUTO_TEST_CASE(refuses_a_string_without_its_nul) {
  const std::string good = mo_bytes(kMcEntries);
  // "Save"'s NUL: the original of entry 1, right after the header's msgid
  // (empty: its own NUL) at the start of the strings.
  const size_t strings_at = mo_translations_at(kMcEntries.size()) + kMcEntries.size() * 8;
  BOOST_TEST_REQUIRE(good.compare(strings_at + 1, 5, std::string("Save\0", 5)) == 0);
  std::string bad = good;
  bad[strings_at + 1 + 4] = 'x';
  BOOST_TEST(mc_refusal(bad).find("outside") != std::string::npos);

  // A length one short of the string is not followed by a NUL either.
  std::string short_length = good;
  mo_put_word(short_length, 28 + 8, 3);
  mc_refusal(short_length);
}

BOOST_AUTO_TEST_CASE(refuses_text_that_is_not_utf8) {
  for (const MoEntry& entry : std::vector<MoEntry>{
           {"Caf\xE9", "Caf\xC3\xA9"},      // Latin-1 original
           {"Save", "Speichern \xC3\x28"},  // broken two-byte sequence
           {"Save", "\xED\xA0\x80"},        // a surrogate
           {"", "Content-Type: text/plain; charset=ISO-8859-1\n\xFC"},
       }) {
    BOOST_TEST_CONTEXT(confsched::testing::to_hex(entry.original + "|" + entry.translation)) {
      BOOST_TEST(mc_refusal(mo_bytes({kMcEntries[1], entry})).find("UTF-8") != std::string::npos);
    }
  }
}

BOOST_AUTO_TEST_CASE(refuses_counts_the_file_cannot_hold) {
  const std::string good = mo_bytes(kMcEntries);
  for (uint32_t count : {0xFFFFFFFFu, 0x20000000u, 0x20000001u, 0x10000000u,
                         static_cast<uint32_t>(good.size() / 8 + 1)}) {
    BOOST_TEST_CONTEXT("count " << count) {
      std::string bad = good;
      mo_put_word(bad, 8, count);
      BOOST_TEST(mc_refusal(bad).find("more strings") != std::string::npos);
    }
  }
  // Few enough for the file's size, yet the tables run past the end.
  std::string bad = good;
  mo_put_word(bad, 8, static_cast<uint32_t>(good.size() / 8));
  mc_refusal(bad);
}

namespace {

// Every entry naming (a suffix of) one long string: linear in the file,
// quadratic in what a parser that copies each entry would hold.
std::string mc_overlapping(size_t count, size_t length) {
  std::string mo = mo_bytes({});
  const uint32_t strings_at = static_cast<uint32_t>(28 + 8 * count);
  mo_put_word(mo, 8, static_cast<uint32_t>(count));
  mo_put_word(mo, 16, 28);  // both tables at the same place
  mo.resize(strings_at, '\0');
  for (size_t i = 0; i < count; ++i) {
    mo_put_word(mo, 28 + 8 * i, static_cast<uint32_t>(length - i));
    mo_put_word(mo, 28 + 8 * i + 4, strings_at + static_cast<uint32_t>(i));
  }
  return mo + std::string(length, 'a') + '\0';
}

}  // namespace

BOOST_AUTO_TEST_CASE(refuses_strings_shared_without_bound) {
  BOOST_TEST(mc_refusal(mc_overlapping(4096, 32768)).find("overlap") != std::string::npos);
  // A little sharing (two msgids with one translation's bytes) is read.
  BOOST_TEST(mc_accepted(mc_overlapping(2, 100)).messages().size() == 2u);
}

BOOST_AUTO_TEST_CASE(refuses_files_over_the_size_limit) {
  std::string huge = mo_bytes(kMcEntries);
  huge.resize(kMaxCatalogueBytes + 1, '\0');
  BOOST_TEST(mc_refusal(huge).find("larger") != std::string::npos);
  // At the limit the size is no reason to refuse: trailing bytes are ignored.
  huge.resize(kMaxCatalogueBytes);
  BOOST_TEST(mc_accepted(huge).translate("Save") == "Speichern");
}

BOOST_AUTO_TEST_SUITE_END()
