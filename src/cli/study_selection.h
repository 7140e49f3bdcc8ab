#pragma once
// Which study a command works on: --study ID, or the only study in the database.

#include <memory>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/store.h"

namespace cx::cli {

// `requested` when given (and present), else the id of the only study in the
// store; an error naming the studies when there are several or none.
Result<std::string> ResolveStudyId(store::Store& store, const std::string& requested);

// A study with its contacts, read from the database at `db`.
struct LoadedStudy {
  std::unique_ptr<store::Store> store;
  domain::Study study;
  std::vector<domain::Contact> contacts;
};

// Opens `db`, picks the study (see ResolveStudyId), loads it and its contacts.
Result<LoadedStudy> LoadStudyWithContacts(const std::string& db,
                                          const std::string& requested_study);

// Prints "cxbench: error: ..." on stderr; returns the exit code for the error.
int ReportError(const Error& error);

}  // namespace cx::cli
