#pragma once
// `cxbench study check|load|list` (registered in commands_study.cc): the
// functions that run them; each returns the exit code.

#include <string>
#include <vector>

#include "cli/output.h"

namespace cx::cli {

int RunStudyCheck(const std::vector<std::string>& files, Format format);
int RunStudyList(const std::string& db, Format format);
int RunStudyLoad(const std::string& db, const std::string& file, bool replace);

}  // namespace cx::cli
