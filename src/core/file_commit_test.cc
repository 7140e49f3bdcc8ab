#include "core/file_commit.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace cx {
namespace {

namespace fs = std::filesystem;

class PendingFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) /
           ("file_commit_test_" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Path(const std::string& name) const { return (dir_ / name).string(); }
  static std::string Read(const std::string& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }
  // The names in the folder, sorted.
  std::vector<std::string> Names() const {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir_)) {
      names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
  }
  fs::path dir_;
};

TEST_F(PendingFilesTest, NothingAppearsBeforeCommitAll) {
  PendingFiles files;
  std::ofstream(files.Add(Path("a.csv"))) << "a";
  std::ofstream(files.Add(Path("b.csv"))) << "b";
  EXPECT_EQ(Names(), (std::vector<std::string>{"a.csv.tmp", "b.csv.tmp"}));
  ASSERT_TRUE(files.CommitAll().ok());
  EXPECT_EQ(Names(), (std::vector<std::string>{"a.csv", "b.csv"}));
  EXPECT_EQ(Read(Path("a.csv")), "a");
  EXPECT_EQ(Read(Path("b.csv")), "b");
}

TEST_F(PendingFilesTest, GoingOutOfScopeRemovesTheTemporaries) {
  {
    PendingFiles files;
    std::ofstream(files.Add(Path("a.csv"))) << "a";
  }
  EXPECT_TRUE(Names().empty());
}

TEST_F(PendingFilesTest, AFailedMoveIsAnIoErrorAndRemovesTheRest) {
  PendingFiles files;
  std::ofstream(files.Add(Path("a.csv"))) << "a";
  // b's temporary is never written: its move fails.
  files.Add(Path("b.csv"));
  std::ofstream(files.Add(Path("c.csv"))) << "c";
  Status committed = files.CommitAll();
  ASSERT_FALSE(committed.ok());
  EXPECT_EQ(committed.error().code, ErrorCode::kIo);
  EXPECT_EQ(committed.error().where, Path("b.csv"));
  // a was moved before the failure and stays whole; c's temporary is gone.
  EXPECT_EQ(Names(), (std::vector<std::string>{"a.csv"}));
}

TEST_F(PendingFilesTest, DiscardAllLeavesTheOldFilesAlone) {
  std::ofstream(Path("a.csv")) << "old";
  PendingFiles files;
  std::ofstream(files.Add(Path("a.csv"))) << "new";
  files.DiscardAll();
  EXPECT_EQ(Names(), (std::vector<std::string>{"a.csv"}));
  EXPECT_EQ(Read(Path("a.csv")), "old");
}

}  // namespace
}  // namespace cx
