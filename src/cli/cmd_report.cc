// cxbench report: participant reports (PDF or HTML) and the public ranking.
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <thread>

#include "cli/commands.h"
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

struct ReportArgs {
  std::string db;
  std::string study;
  std::string participant;
  bool all = false;
  std::string format = "pdf";
  std::string out;
  std::string language;
  int jobs = 0;
  int resamples = 10000;
};

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

}  // namespace

void AddReportCommand(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<ReportArgs>();
  CLI::App* command = app.add_subcommand("report",
                                         "Participant reports as PDF or self-contained HTML (one "
                                         "participant, or --all with the public ranking)");
  command->add_option("--db", args->db, "SQLite database file")
      ->required()
      ->check(CLI::ExistingFile);
  command->add_option("--study", args->study, "Study id (default: the only study in the database)");
  command->add_option("--participant", args->participant, "The participant to report on");
  command->add_flag("--all", args->all,
                    "Every participant, plus the public ranking (ranking.pdf|html)");
  command->add_option("--format", args->format, "pdf or html")
      ->capture_default_str()
      ->check(CLI::IsMember({"pdf", "html"}));
  command
      ->add_option("--out", args->out,
                   "Output file (--participant; - : standard output) or folder (--all)")
      ->required();
  command->add_option("--language", args->language, "nb or en (default: each participant's own)")
      ->check(CLI::IsMember({"nb", "en"}));
  command->add_option("--jobs", args->jobs,
                      "Reports printed at once (default: the number of cores)");
  command->add_option("--resamples", args->resamples, "Bootstrap resamples")->capture_default_str();
  command->callback([args, &exit_code] { exit_code = RunReport(*args); });
}

}  // namespace cx::cli
