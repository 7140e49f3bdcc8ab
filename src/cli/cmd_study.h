#pragma once
// `cxbench study check|load|list|delete|questionnaire` (registered in commands_study.cc): the
// functions that run them; each returns the exit code.

#include <string>
#include <vector>

#include "cli/output.h"

namespace cx::cli {

int RunStudyCheck(const std::vector<std::string>& files, Format format);
int RunStudyList(const std::string& db, Format format);
int RunStudyLoad(const std::string& db, const std::string& file, bool replace);
// Deletes a study and all that is of it, its evidence files included.
int RunStudyDelete(const std::string& db, const std::string& study_id);
// Prints, as JSON, the questionnaire a shopper's phone is sent for `channel`
// in `language` (empty: the study's first): what the server's assignment
// reply carries, the relevance links included.
int RunStudyQuestionnaire(const std::string& file, const std::string& channel,
                          const std::string& language);

}  // namespace cx::cli
