#include "admin/import_page.h"

#include "auth/crypto.h"
#include "test_support.h"

using namespace confsched;

namespace {

using Pairs = std::vector<std::pair<std::string, std::string>>;

MultipartForm upload(Pairs fields, std::string filename, std::string data) {
  MultipartForm form;
  form.fields = FormFields(std::move(fields));
  form.files.push_back({"schedule", std::move(filename), "text/csv", std::move(data)});
  return form;
}

MultipartForm fields_only(Pairs fields) {
  MultipartForm form;
  form.fields = FormFields(std::move(fields));
  return form;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(import_page)

BOOST_AUTO_TEST_CASE(a_preview_reads_the_file_and_the_declared_keys_only) {
  ImportFormResult r = read_import_form(upload({{"format", "csv"},
                                                {"prune", "1"},
                                                {"action", "preview"},
                                                {"sneaky", "x"},
                                                {"content", "eA"}},
                                               "C:\\Users\\me\\talks.csv", "title,day\n"));
  BOOST_TEST(r.status == 0);
  BOOST_TEST(r.error.empty());
  BOOST_TEST((r.values.format == ImportFormat::kCsv));
  BOOST_TEST(r.values.prune);
  BOOST_TEST(!r.values.confirmed);
  BOOST_TEST(r.values.filename == "talks.csv");
  // A preview takes the file, never the hidden field of an Import.
  BOOST_TEST(r.values.schedule == "title,day\n");
}

BOOST_AUTO_TEST_CASE(an_import_reads_the_previewed_file_back) {
  std::string text = "guid,title\r\n\"a\",\"two\r\nlines\"\r\n";
  ImportFormResult r = read_import_form(fields_only({{"action", "import"},
                                                     {"content", base64url_encode(text)},
                                                     {"filename", "../x/talks.csv"},
                                                     {"previewed", "abc"}}));
  BOOST_TEST(r.status == 0);
  BOOST_TEST(r.values.confirmed);
  BOOST_TEST(r.values.schedule == text);  // CRLFs and all
  BOOST_TEST(r.values.filename == "talks.csv");
  BOOST_TEST(r.values.previewed == "abc");
  BOOST_TEST(!r.values.format);
}

BOOST_AUTO_TEST_CASE(refusals_and_their_statuses) {
  auto status = [](const MultipartForm& form) { return read_import_form(form).status; };
  BOOST_TEST(status(upload({{"format", "xlsx"}}, "a.xlsx", "x")) == 422);
  BOOST_TEST(status(fields_only({{"action", "preview"}})) == 422);
  BOOST_TEST(status(upload({}, "", "")) == 422);  // the file input left empty
  BOOST_TEST(status(upload({}, "blank.csv", " \r\n")) == 422);
  BOOST_TEST(read_import_form(upload({}, "blank.csv", "")).error ==
             "The file \u201Cblank.csv\u201D is empty.");
  BOOST_TEST(read_import_form(upload({}, "", "")).error == "Choose a schedule file first.");
  BOOST_TEST(status(fields_only({{"action", "import"}, {"content", "not base64!"}})) == 422);
  BOOST_TEST(status(fields_only({{"action", "import"}})) == 422);

  ImportFormResult big =
      read_import_form(upload({}, "big.xml", std::string(kMaxUploadFileBytes + 1, '<')));
  BOOST_TEST(big.status == 413);
  BOOST_TEST(big.error.find("up to 4 MiB") != std::string::npos);
  BOOST_TEST(big.values.schedule.empty());
  BOOST_TEST(status(upload({}, "fits.xml", std::string(kMaxUploadFileBytes, '<'))) == 0);
}

BOOST_AUTO_TEST_CASE(the_confirmation_fits_the_body_limit) {
  // The largest file, base64url-encoded, with room for the other fields.
  BOOST_TEST(base64url_encode(std::string(kMaxUploadFileBytes, 'x')).size() + 4096 <
             kMaxImportBodyBytes);
}

BOOST_AUTO_TEST_CASE(the_digest_binds_file_format_and_prune) {
  ImportFormValues v;
  v.schedule = "<schedule/>";
  const std::string base = preview_digest(v);
  BOOST_TEST(base.size() == 64u);
  ImportFormValues other = v;
  other.prune = true;
  BOOST_TEST(preview_digest(other) != base);
  other = v;
  other.format = ImportFormat::kFrabXml;
  BOOST_TEST(preview_digest(other) != base);
  other = v;
  other.schedule += " ";
  BOOST_TEST(preview_digest(other) != base);
  other = v;
  other.filename = "renamed.xml";  // the name is shown, not imported
  BOOST_TEST(preview_digest(other) == base);
}

BOOST_AUTO_TEST_CASE(file_names_lose_their_path_and_stay_short_text) {
  BOOST_TEST(upload_base_name("schedule.xml") == "schedule.xml");
  BOOST_TEST(upload_base_name("/etc/passwd") == "passwd");
  BOOST_TEST(upload_base_name("a\\b/c\\d.csv") == "d.csv");
  BOOST_TEST(upload_base_name("dir/") == "");
  BOOST_TEST(upload_base_name("tab\there.csv") == "tab\there.csv");
  BOOST_TEST(upload_base_name("bell\a.csv") == "");
  BOOST_TEST(upload_base_name("\xff.csv") == "");
  // Names that would display in another order, or break a line, go too.
  BOOST_TEST(upload_base_name("invoice\u202Egnp.csv") == "");
  BOOST_TEST(upload_base_name("a\u2066b.csv") == "");
  BOOST_TEST(upload_base_name("two\u2028lines.csv") == "");
  BOOST_TEST(upload_base_name("csi\xC2\x9B.csv") == "");
  BOOST_TEST(upload_base_name("\xD7\xA9\xE2\x80\x8F.csv") == "\xD7\xA9\xE2\x80\x8F.csv");
  // 254 ASCII bytes then "é" (2 bytes) straddles byte 255: cut before it.
  std::string name = std::string(254, 'a') + "\xc3\xa9" + ".csv";
  BOOST_TEST(upload_base_name(name) == std::string(254, 'a'));
  BOOST_TEST(upload_base_name(std::string(300, 'b')).size() == 255u);
}

BOOST_AUTO_TEST_SUITE_END()
