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
// A kCorruption error listing every corrupt row when the study, its contacts
// or the shoppers they refer to have any: a command that reads a whole study
// refuses to compute from part of it.
Result<LoadedStudy> LoadStudyWithContacts(const std::string& db,
                                          const std::string& requested_study);

// The kCorruption error of a load's corrupt rows, one line per row.
Error CorruptionError(const std::vector<store::CorruptRow>& corrupt);

// Prints "cxbench: error: ..." on stderr, one such line per line of the
// message; returns the exit code for the error.
int ReportError(const Error& error);

}  // namespace cx::cli
