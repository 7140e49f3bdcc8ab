#pragma once
// Evidence files on disk (docs/evidence.md): ROOT/STUDY/NAME, where ROOT is
// beside the database ("var/demo.db" keeps them in "var/demo.db.evidence"),
// never under the web root, and NAME is generated (32 hex digits): nothing a
// client sends becomes part of a path. The store's evidence rows say what
// each file is; a file is written whole and synced before its row is
// committed, and removed after its row is, so a crash leaves at worst a file
// without a row, which RemoveOrphans clears.

#include <set>
#include <string>
#include <string_view>

#include "core/result.h"

namespace cx::store {

// Whether `name` is one we make for a stored file (32 lowercase hex digits):
// the only names Write, Read and Remove take, and a row's check.
bool IsStoredEvidenceName(const std::string& name);

// "PATH.evidence": where the evidence of database PATH lives.
std::string EvidenceRootFor(const std::string& database_path);

class EvidenceFiles {
 public:
  explicit EvidenceFiles(std::string root) : root_(std::move(root)) {}
  const std::string& root() const { return root_; }

  // Writes `content` as `name` of `study_id` (temporary file, fsync, rename,
  // fsync of the folder): once it returns Ok the file survives a power cut.
  // InvalidInput for a name that is not 32 hex digits.
  Status Write(const std::string& study_id, const std::string& name, std::string_view content);
  // The file's bytes [from, from + length) (length 0: to the end);
  // kNotFound when it is gone.
  Result<std::string> Read(const std::string& study_id, const std::string& name, size_t from = 0,
                           size_t length = 0) const;
  // Ok also when it was gone already.
  Status Remove(const std::string& study_id, const std::string& name);
  // The study's folder and everything in it (deleting or replacing a study).
  Status RemoveStudy(const std::string& study_id);
  // Removes the study's files not in `kept` (and leftover temporaries);
  // how many were removed.
  Result<int> RemoveOrphans(const std::string& study_id, const std::set<std::string>& kept);

  // The folder of a study: its id when that is a safe file name (letters,
  // digits, '-', '_', '.', not starting with '.'), else "x" and its hex.
  static std::string FolderOf(const std::string& study_id);

 private:
  std::string root_;
};

}  // namespace cx::store
