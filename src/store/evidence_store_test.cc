// Evidence: rows in the store (migration 0011) and files on disk
// (evidence_files.h), and both going with their study.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "store/evidence_files.h"
#include "store/store.h"
#include "study/study_reader.h"

namespace cx::store {
namespace {

namespace fs = std::filesystem;

class EvidenceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("cxbench_evidence_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    auto outcome = study::ReadStudyFile("examples/kundeserviceprisen.yaml");
    ASSERT_TRUE(outcome.study.has_value());
    study_ = *outcome.study;
    auto opened = OpenSqlite((dir_ / "e.db").string());
    ASSERT_TRUE(opened.ok());
    store_ = std::move(opened).value();
    ASSERT_TRUE(store_->SaveStudy(study_, false).ok());
  }
  void TearDown() override { fs::remove_all(dir_); }

  EvidenceRow Row(const std::string& contact, const std::string& name,
                  const std::string& change_id = "") const {
    return {0,
            study_.id,
            contact,
            name,
            "opptak.mp3",
            "audio/mpeg",
            1234,
            "ab",
            "s@x.no",
            "2026-11-24T10:00:00.000Z",
            change_id};
  }
  static domain::ChangeRecord Entry(const std::string& contact, const std::string& added) {
    return {"", "s@x.no", "contact", contact, "evidence", "", added, "evidence"};
  }

  fs::path dir_;
  domain::Study study_;
  std::unique_ptr<Store> store_;
};

const std::string kName1(32, 'a');
const std::string kName2(32, 'b');

TEST_F(EvidenceTest, RowsAreListedPerContactFoundAndDeletedWithTheirLogEntries) {
  auto first = store_->AddEvidence(Row("C-0001", kName1, "u-1"), Entry("C-0001", "opptak.mp3"));
  ASSERT_TRUE(first.ok()) << first.error().ToString();
  auto second = store_->AddEvidence(Row("C-0001", kName2), Entry("C-0001", "chat.png"));
  ASSERT_TRUE(second.ok());
  EXPECT_NE(*first, *second);

  auto listed = store_->ListEvidence(study_.id, "C-0001");
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 2u);
  EXPECT_EQ((*listed)[0].stored_name, kName1);
  EXPECT_EQ((*listed)[0].change_id, "u-1");
  EXPECT_EQ((*listed)[1].change_id, "");
  EXPECT_TRUE(store_->ListEvidence(study_.id, "C-0002")->empty());

  // A resend of the same upload: refused by its id, and found by it.
  auto again =
      store_->AddEvidence(Row("C-0001", std::string(32, 'c'), "u-1"), Entry("C-0001", "x"));
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_EQ(store_->FindEvidenceByChange(study_.id, "u-1")->id, *first);
  EXPECT_EQ(store_->ListEvidence(study_.id, "C-0001")->size(), 2u);

  EXPECT_EQ(store_->FindEvidence(study_.id, *second)->stored_name, kName2);
  EXPECT_EQ(store_->FindEvidence("another-study", *second).error().code, ErrorCode::kNotFound);

  ASSERT_TRUE(store_->DeleteEvidence(study_.id, *second, Entry("C-0001", "")).ok());
  EXPECT_EQ(store_->FindEvidence(study_.id, *second).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store_->DeleteEvidence(study_.id, *second, Entry("C-0001", "")).error().code,
            ErrorCode::kNotFound);
  // Added twice and removed once (the refused resend wrote nothing).
  auto log = store_->LoadChangeLogOf(study_.id, "contact", "C-0001");
  ASSERT_TRUE(log.ok());
  EXPECT_EQ(log->size(), 3u);
  EXPECT_EQ(*store_->ListEvidenceNames(study_.id), std::vector<std::string>{kName1});
}

TEST_F(EvidenceTest, ARowWithAStoredNameWeDidNotMakeIsCorruptNeverAPath) {
  auto id = store_->AddEvidence(Row("C-0001", kName1), Entry("C-0001", "a"));
  ASSERT_TRUE(id.ok());
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((dir_ / "e.db").c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "UPDATE evidence SET stored_name = '../../etc/passwd'", nullptr,
                         nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  auto found = store_->FindEvidence(study_.id, *id);
  ASSERT_FALSE(found.ok());
  EXPECT_EQ(found.error().code, ErrorCode::kCorruption);
  EXPECT_NE(found.error().ToString().find("stored_name"), std::string::npos);
  EXPECT_TRUE(store_->ListEvidence(study_.id, "C-0001")->empty());
}

TEST_F(EvidenceTest, AStudyDeletedOrReplacedTakesItsRowsAndOnlyItsRows) {
  ASSERT_TRUE(store_->AddEvidence(Row("C-0001", kName1), Entry("C-0001", "a")).ok());
  ASSERT_TRUE(store_->SaveStudy(study_, true).ok());
  EXPECT_TRUE(store_->ListEvidenceNames(study_.id)->empty());

  domain::Study other = study_;
  other.id = "other2026";
  ASSERT_TRUE(store_->SaveStudy(other, false).ok());
  EvidenceRow kept = Row("C-0001", kName2);
  kept.study_id = other.id;
  ASSERT_TRUE(store_->AddEvidence(kept, Entry("C-0001", "b")).ok());
  ASSERT_TRUE(store_->AddEvidence(Row("C-0001", kName1), Entry("C-0001", "a")).ok());

  ASSERT_TRUE(store_->DeleteStudy(study_.id).ok());
  EXPECT_EQ(store_->LoadStudy(study_.id).error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(store_->ListEvidenceNames(study_.id)->empty());
  EXPECT_TRUE(store_->LoadChangeLog(study_.id)->empty());
  EXPECT_EQ(*store_->ListEvidenceNames(other.id), std::vector<std::string>{kName2});
  EXPECT_TRUE(store_->LoadStudy(other.id).ok());
  EXPECT_EQ(store_->DeleteStudy(study_.id).error().code, ErrorCode::kNotFound);
}

TEST_F(EvidenceTest, FilesAreWrittenWholeReadInRangesAndRemovedWithTheirStudy) {
  EvidenceFiles files(EvidenceRootFor((dir_ / "e.db").string()));
  EXPECT_EQ(files.root(), (dir_ / "e.db.evidence").string());
  ASSERT_TRUE(files.Write("ksp2026", kName1, "0123456789").ok());
  ASSERT_TRUE(files.Write("ksp2026", kName2, "abc").ok());
  EXPECT_EQ(*files.Read("ksp2026", kName1), "0123456789");
  EXPECT_EQ(*files.Read("ksp2026", kName1, 3, 4), "3456");
  EXPECT_EQ(*files.Read("ksp2026", kName1, 8), "89");
  EXPECT_EQ(files.Read("ksp2026", std::string(32, 'f')).error().code, ErrorCode::kNotFound);
  // Only names we make: no path, however it is spelled, reaches the disk.
  EXPECT_EQ(files.Write("ksp2026", "../escape", "x").error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(files.Read("ksp2026", "../../e.db").error().code, ErrorCode::kInvalidInput);
  EXPECT_FALSE(fs::exists(dir_ / "e.db.evidence" / "escape"));
  // A study id that is no safe folder name is spelled in hex.
  EXPECT_EQ(EvidenceFiles::FolderOf("ksp2026"), "ksp2026");
  EXPECT_EQ(EvidenceFiles::FolderOf("../x"), "x2e2e2f78");
  EXPECT_EQ(EvidenceFiles::FolderOf(".hidden"), "x2e68696464656e");

  // A file whose row never committed (a crash between the two) is an orphan.
  std::ofstream(dir_ / "e.db.evidence" / "ksp2026" / (kName2 + ".tmp")) << "half";
  EXPECT_EQ(*files.RemoveOrphans("ksp2026", {kName1}), 2);
  EXPECT_TRUE(files.Read("ksp2026", kName1).ok());
  EXPECT_FALSE(files.Read("ksp2026", kName2).ok());

  ASSERT_TRUE(files.Remove("ksp2026", kName1).ok());
  ASSERT_TRUE(files.Remove("ksp2026", kName1).ok());  // gone already: fine
  ASSERT_TRUE(files.Write("ksp2026", kName1, "again").ok());
  ASSERT_TRUE(files.RemoveStudy("ksp2026").ok());
  EXPECT_FALSE(fs::exists(dir_ / "e.db.evidence" / "ksp2026"));
  EXPECT_EQ(*files.RemoveOrphans("ksp2026", {}), 0);
}

}  // namespace
}  // namespace cx::store
