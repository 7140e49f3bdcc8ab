#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "export/export_table.h"
#include "export/writers.h"

namespace cx::exporting {
namespace {

namespace fs = std::filesystem;
using domain::Channel;

domain::Study SmallStudy() {
  domain::Study study;
  study.id = "t";
  study.name = "Testundersøkelse";
  study.languages = {"nb", "en"};
  study.areas = {
      {"agent", {{{"nb", "Kundebehandleren"}, {"en", "The agent"}}}, std::nullopt, true, false}};
  domain::Question yes;
  yes.id = "q_yes";
  yes.area = "agent";
  yes.type = domain::QuestionType::kYesNo;
  yes.label.by_language = {{"nb", "Følte du deg velkommen?"}, {"en", "Did you feel welcome?"}};
  yes.points = 2;
  yes.allow_na = true;
  domain::Question grade;
  grade.id = "q_grade";
  grade.area = "agent";
  grade.type = domain::QuestionType::kScale;
  grade.label.by_language = {{"nb", "Karakter"}, {"en", "Grade"}};
  grade.scale_min = 1;
  grade.scale_max = 6;
  grade.points = 3;
  domain::Question kind;
  kind.id = "q_kind";
  kind.area = "agent";
  kind.type = domain::QuestionType::kChoice;
  kind.label.by_language = {{"nb", "Antall spørsmål"}, {"en", "Questions asked"}};
  kind.points = 2;
  kind.options = {{"a", {{{"nb", "Ett"}, {"en", "One"}}}, 1},
                  {"b", {{{"nb", "To eller flere"}, {"en", "Two or more"}}}, 2}};
  domain::Question note;
  note.id = "q_note";
  note.area = "agent";
  note.type = domain::QuestionType::kText;
  note.label.by_language = {{"nb", "Notat"}, {"en", "Note"}};
  study.questions = {yes, grade, kind, note};
  study.participants = {{"p1",
                         "Fjordbanken Kundesenter",
                         "Fjordbanken",
                         "bank",
                         12,
                         "nb",
                         {{Channel::kPhone, true, domain::Ease::kEasy, ""}}}};
  return study;
}

std::vector<domain::Contact> SmallContacts() {
  domain::Contact answered;
  answered.id = "c1";
  answered.participant = "p1";
  answered.shopper = "s001";
  answered.channel = Channel::kPhone;
  answered.scenario = "s1";
  answered.planned_at = "2026-01-13T09:05";
  answered.status = domain::ContactStatus::kSubmitted;
  answered.started_at = "2026-01-13T08:05:00Z";
  answered.answered_at = "2026-01-13T08:05:30Z";
  answered.wait_seconds = 30;
  answered.responder = domain::Responder::kPerson;
  answered.answers = {{"q_yes", false, 1.0, std::nullopt},
                      {"q_grade", false, 5.0, std::nullopt},
                      {"q_kind", false, std::nullopt, "b"},
                      {"q_note", false, std::nullopt, "Hyggelig, og rask"}};
  answered.comments = {{"agent", "Bra!"}};
  domain::Contact other;
  other.id = "c2";
  other.participant = "p1";
  other.shopper = "s002";
  other.channel = Channel::kChat;
  other.scenario = "s1";
  other.planned_at = "2026-01-14T10:00";
  other.status = domain::ContactStatus::kSubmitted;
  other.started_at = "2026-01-14T09:00:00Z";
  other.answers = {{"q_yes", true, std::nullopt, std::nullopt},
                   {"q_kind", false, std::nullopt, "a"}};
  // Stored out of order: the export sorts by id.
  return {other, answered};
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string RunCommand(const std::string& command) {
  std::string output;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return output;
  char buffer[4096];
  size_t read = 0;
  while ((read = fread(buffer, 1, sizeof buffer, pipe)) > 0) output.append(buffer, read);
  pclose(pipe);
  return output;
}

class ExportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("cxbench_export_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    table_ =
        BuildContactTable(SmallStudy(), SmallContacts(), {{"c1", {87.5, {{"agent", 90.0}}}}}, "nb");
  }
  void TearDown() override {
    if (!std::getenv("CXBENCH_KEEP_TEST_FILES")) fs::remove_all(dir_);
  }
  fs::path dir_;
  ExportTable table_;
};

TEST_F(ExportTest, CsvHasOneRowPerContactWithCodesAndScores) {
  const fs::path path = dir_ / "contacts.csv";
  ASSERT_TRUE(WriteCsv(table_, path.string()).ok());
  // c2: unanswered (no wait, answered 0), q_yes not applicable (-1), q_grade
  // not asked (empty), q_kind option a (code 1).
  EXPECT_EQ(
      ReadFile(path),
      "contact_id,participant_id,participant,company,industry,channel,scenario,shopper_id,"
      "planned_at,status,started_at,answered_at,wait_s,answered,responder,score_total,score_agent,"
      "q_yes,q_grade,q_kind,q_note,comment_agent\r\n"
      "c1,p1,Fjordbanken Kundesenter,Fjordbanken,bank,phone,s1,s001,2026-01-13T09:05,submitted,"
      "2026-01-13T08:05:00Z,2026-01-13T08:05:30Z,30,1,1,87.5,90,1,5,2,\"Hyggelig, og "
      "rask\",Bra!\r\n"
      "c2,p1,Fjordbanken Kundesenter,Fjordbanken,bank,chat,s1,s002,2026-01-14T10:00,submitted,"
      "2026-01-14T09:00:00Z,,,0,,,,-1,,1,,\r\n");
  EXPECT_FALSE(fs::exists(path.string() + ".tmp"));
}

TEST_F(ExportTest, SavReadsBackWithValuesAndLabels) {
  const fs::path path = dir_ / "contacts.sav";
  const Status written = WriteSav(table_, path.string());
  ASSERT_TRUE(written.ok()) << written.error().ToString();
  // Debian's readstat command: the data as CSV.
  const std::string data = RunCommand("readstat " + path.string() + " - 2>/dev/null");
  std::istringstream lines(data);
  std::string header, first, second;
  std::getline(lines, header);
  std::getline(lines, first);
  std::getline(lines, second);
  EXPECT_EQ(header.substr(0, 34), "\"contact_id\",\"participant_id\",\"par");
  // The same values as the CSV export; readstat prints numbers with six decimals.
  EXPECT_EQ(first,
            "\"c1\",\"p1\",\"Fjordbanken Kundesenter\",\"Fjordbanken\",\"bank\",\"phone\",\"s1\","
            "\"s001\",\"2026-01-13T09:05\",\"submitted\",\"2026-01-13T08:05:00Z\",\"2026-01-13T08:"
            "05:30Z\","
            "30.000000,1.000000,1.000000,87.500000,90.000000,1.000000,5.000000,2.000000,"
            "\"Hyggelig, og rask\",\"Bra!\"");
  EXPECT_EQ(
      second,
      "\"c2\",\"p1\",\"Fjordbanken Kundesenter\",\"Fjordbanken\",\"bank\",\"chat\",\"s1\","
      "\"s002\",\"2026-01-14T10:00\",\"submitted\",\"2026-01-14T09:00:00Z\",\"\",,0.000000,,,,"
      "-1.000000,,1.000000,\"\",\"\"");

  // extract_metadata: variable labels, value labels and the N/A missing code.
  const fs::path json_path = dir_ / "metadata.json";
  RunCommand("extract_metadata " + path.string() + " " + json_path.string() + " 2>&1");
  const auto metadata = nlohmann::json::parse(ReadFile(json_path));
  std::map<std::string, nlohmann::json> variables;
  for (const auto& variable : metadata.at("variables")) variables[variable.at("name")] = variable;
  ASSERT_TRUE(variables.count("q_yes")) << metadata.dump();
  EXPECT_EQ(variables["q_yes"].at("label"), "Følte du deg velkommen?");
  EXPECT_EQ(variables["q_kind"].at("label"), "Antall spørsmål");
  EXPECT_EQ(variables["comment_agent"].at("label"), "Kommentar: Kundebehandleren");
  const std::string labels = metadata.dump();
  EXPECT_NE(labels.find("Ikke relevant"), std::string::npos) << labels;
  EXPECT_NE(labels.find("To eller flere"), std::string::npos) << labels;
}

TEST_F(ExportTest, XlsxReadsBackWithReadableHeadersAndLabels) {
  const fs::path path = dir_ / "contacts.xlsx";
  const domain::Study study = SmallStudy();
  ASSERT_TRUE(WriteXlsx({table_, BuildCodebook(study, "nb"), BuildParticipantTable(study, "nb")},
                        path.string())
                  .ok());
  const std::string source =
      std::getenv("CXBENCH_SOURCE_DIR") ? std::getenv("CXBENCH_SOURCE_DIR") : ".";
  const auto book = nlohmann::json::parse(
      RunCommand("/usr/bin/python3 " + source + "/src/export/xlsx_dump.py " + path.string()));
  ASSERT_TRUE(book.contains("Testundersøkelse")) << book.dump();
  ASSERT_TRUE(book.contains("Variabler"));
  ASSERT_TRUE(book.contains("Deltakere"));
  const auto& rows = book["Testundersøkelse"];
  ASSERT_EQ(rows.size(), 3u);  // header + two contacts
  // Column 17 is q_yes: header is the question, cells are the labels.
  EXPECT_EQ(rows[0][17], "Følte du deg velkommen?");
  EXPECT_EQ(rows[1][17], "Ja");
  EXPECT_EQ(rows[2][17], "Ikke relevant");
  EXPECT_EQ(rows[1][15], 87.5);
  EXPECT_EQ(rows[1][18], 5);
  EXPECT_EQ(rows[1][19], "To eller flere");
  EXPECT_TRUE(rows[2][18].is_null());
  EXPECT_EQ(book["Variabler"][1][6], "1 = Ja, 0 = Nei, -1 = Ikke relevant");
  EXPECT_EQ(book["Deltakere"][1][5], "tilbys (easy)");
}

TEST_F(ExportTest, EnglishLabelsOnRequest) {
  const ExportTable table = BuildContactTable(SmallStudy(), SmallContacts(), {}, "en");
  // Without scores there are no score columns: q_yes is column 15.
  EXPECT_EQ(table.columns[15].name, "q_yes");
  EXPECT_EQ(table.columns[15].label, "Did you feel welcome?");
  EXPECT_EQ(table.columns[15].value_labels.at(kNotApplicableCode), "Not applicable");
}

TEST_F(ExportTest, UnwritablePathIsAnErrorAndLeavesNothing) {
  const fs::path path = dir_ / "no" / "such" / "dir" / "x.sav";
  EXPECT_FALSE(WriteSav(table_, path.string()).ok());
  EXPECT_FALSE(WriteCsv(table_, path.string()).ok());
  EXPECT_FALSE(WriteXlsx({table_}, path.string()).ok());
  EXPECT_FALSE(fs::exists(dir_ / "no"));
}

TEST(ExportAnswered, FollowsTheScoringRuleOnTheChannelsMaximumWait) {
  domain::Study study = SmallStudy();
  domain::ChannelSpec phone;
  phone.channel = Channel::kPhone;
  phone.max_wait_seconds = 600;  // 10 minutes
  study.channels = {phone};
  std::vector<domain::Contact> contacts = SmallContacts();
  // c1 (phone) waited 30 s: answered. At 601 s it is past the maximum: by the
  // scoring rule no answer, though the app recorded an answer time.
  EXPECT_EQ(std::get<double>(BuildContactTable(study, contacts, {}, "en").rows[0][13]), 1.0);
  for (auto& contact : contacts) {
    if (contact.id == "c1") contact.wait_seconds = 601;
  }
  const ExportTable late = BuildContactTable(study, contacts, {}, "en");
  EXPECT_EQ(late.rows[0][0], Cell(std::string("c1")));
  EXPECT_EQ(std::get<double>(late.rows[0][12]), 601.0);  // the wait itself is still exported
  EXPECT_EQ(std::get<double>(late.rows[0][13]), 0.0);
  // Exactly the maximum still counts (the scorer's rule is "within").
  for (auto& contact : contacts) {
    if (contact.id == "c1") contact.wait_seconds = 600;
  }
  EXPECT_EQ(std::get<double>(BuildContactTable(study, contacts, {}, "en").rows[0][13]), 1.0);
}

TEST(VariableName, IsAcceptedBySpssStataAndR) {
  EXPECT_EQ(VariableName("q_yes"), "q_yes");
  EXPECT_EQ(VariableName("9lives"), "v_9lives");
  EXPECT_EQ(VariableName("spørsmål-1"), "sp__rsm__l_1");
  EXPECT_EQ(VariableName(std::string(80, 'a')).size(), 64u);
}

}  // namespace
}  // namespace cx::exporting
