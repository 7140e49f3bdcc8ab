// cxbench report: participant reports (PDF or HTML) and the public ranking.
#include "cli/cmd_report.h"

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <thread>

#include "cli/output.h"
#include "cli/progress.h"
#include "cli/study_selection.h"
#include "core/file_commit.h"
#include "report/participant_report.h"
#include "report/participant_report_builder.h"
#include "report/pdf_renderer.h"
#include "report/ranking_page.h"
#include "results/results.h"
#include "store/store.h"

namespace cx::cli {
namespace {

namespace fs = std::filesystem;

// Writes `html` to PATH (html) or prints it to PATH (pdf) through a temporary HTML file.
Status WriteDocument(const std::string& html, const std::string& path, const std::string& format) {
  // Chromium takes the type from the extension: the page to print must end in .html.
  const std::string html_path = format == "html" ? TemporaryPathFor(path) : path + ".print.html";
  {
    std::ofstream out(html_path, std::ios::binary | std::ios::trunc);
    if (!out) return IoError("cannot write the file", path);
    out << html;
    out.flush();
    if (!out) return DiscardFile(html_path, IoError("cannot write the file (disk full?)", path));
  }
  if (format == "html") return CommitFile(html_path, path);
  const Status printed = report::RenderPdf(html_path, path);
  std::remove(html_path.c_str());
  return printed;
}

}  // namespace

int RunReport(const ReportArgs& args) {
  if (args.all == !args.participant.empty()) {
    std::cerr << "cxbench: error: give either --participant ID or --all\n";
    return kExitBadInput;
  }
  auto loaded = LoadStudyWithContacts(args.db, args.study);
  if (!loaded) return ReportError(loaded.error());
  const domain::Study* study = &loaded->study;
  const std::vector<domain::Contact>* contacts = &loaded->contacts;
  if (!args.participant.empty() && !study->FindParticipant(args.participant)) {
    return ReportError(NotFound(
        "no participant '" + args.participant + "' in study '" + study->id + "'", "--participant"));
  }
  results::ResultsOptions options;
  options.resamples = args.resamples;
  auto computed = results::ComputeResults(*study, *contacts, options);
  if (!computed) return ReportError(computed.error());
  const report::ScoredFieldwork scored = report::ScoreFieldwork(*study, *contacts);

  if (!args.participant.empty()) {
    const auto input = report::BuildParticipantReport(*study, *contacts, scored, *computed,
                                                      args.participant, args.language);
    const std::string html = report::RenderParticipantReportHtml(input);
    const Status written = WriteFileOrStdout(
        args.out, [&](const std::string& path) { return WriteDocument(html, path, args.format); });
    if (!written) return ReportError(written.error());
    NoteStream(args.out) << "wrote " << args.out << "\n";
    return kExitOk;
  }

  if (IsStdout(args.out)) {
    return ReportError(InvalidInput("--all writes a folder of reports: give its path", "--out"));
  }
  std::error_code error;
  fs::create_directories(args.out, error);
  if (error) return ReportError(IoError("cannot create the folder: " + error.message(), args.out));
  const std::string language = args.language.empty() ? study->languages.front() : args.language;
  const auto ranking = report::BuildRankingPage(*study, *computed, language);
  const Status ranking_written =
      WriteDocument(report::RenderRankingPageHtml(ranking),
                    (fs::path(args.out) / ("ranking." + args.format)).string(), args.format);
  if (!ranking_written) return ReportError(ranking_written.error());

  // One Chromium per report; as many at once as there are cores.
  const int jobs = args.jobs > 0 ? args.jobs : std::max(1u, std::thread::hardware_concurrency());
  std::atomic<size_t> next{0};
  std::atomic<int> failures{0};
  std::mutex output;
  Progress progress("report", static_cast<int64_t>(study->participants.size()));
  auto worker = [&] {
    for (size_t index = next++; index < study->participants.size(); index = next++) {
      const auto& participant = study->participants[index];
      const auto input = report::BuildParticipantReport(*study, *contacts, scored, *computed,
                                                        participant.id, args.language);
      const std::string path = (fs::path(args.out) / (participant.id + "." + args.format)).string();
      const Status written =
          WriteDocument(report::RenderParticipantReportHtml(input), path, args.format);
      if (!written) {
        ++failures;
        std::lock_guard<std::mutex> lock(output);
        std::cerr << "cxbench: error: " << written.error().ToString() << "\n";
      }
      progress.Advance();
    }
  };
  std::vector<std::thread> threads;
  for (int index = 0; index < jobs; ++index) threads.emplace_back(worker);
  for (auto& thread : threads) thread.join();
  std::cout << "wrote " << study->participants.size() - static_cast<size_t>(failures.load())
            << " participant reports and the ranking to " << args.out << "\n";
  return failures == 0 ? kExitOk : kExitFailure;
}

}  // namespace cx::cli
