// cxbench shoppers import: the agency's shopper pool from CSV.
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "cli/output.h"
#include "cli/study_selection.h"
#include "plan/shopper_csv.h"
#include "store/store.h"

namespace cx::cli {
namespace {

struct ImportArgs {
  std::string db;
  std::string file;
};

int RunImport(const ImportArgs& args) {
  std::string extension = std::filesystem::path(args.file).extension().string();
  for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (extension == ".xlsx" || extension == ".xls") {
    return ReportError(Unsupported(
        "XLSX is not read: Debian has no C or C++ library that reads it; save the sheet as CSV "
        "(UTF-8) and import that (columns: see docs/planning.md)",
        args.file));
  }
  std::ifstream in(args.file, std::ios::binary);
  if (!in) return ReportError(IoError("cannot open the file", args.file));
  auto shoppers = plan::ReadShoppersCsv(in, args.file);
  if (!shoppers) return ReportError(shoppers.error());
  auto store = store::OpenSqlite(args.db);
  if (!store) return ReportError(store.error());
  if (auto saved = (*store)->SaveShoppers(*shoppers); !saved) return ReportError(saved.error());
  std::cout << "Imported " << shoppers->size() << " shoppers into " << args.db << "\n";
  return kExitOk;
}

}  // namespace

void AddShopperCommands(CLI::App& app, int& exit_code) {
  CLI::App* shoppers = app.add_subcommand("shoppers", "The mystery shopper pool");
  shoppers->require_subcommand(1);
  auto args = std::make_shared<ImportArgs>();
  CLI::App* import = shoppers->add_subcommand(
      "import",
      "Add or update shoppers from CSV (id, name, age_band, gender, region, languages, channels, "
      "max_per_week, away_dates; see docs/planning.md); XLSX is not read, save it as CSV");
  import->add_option("--db", args->db, "SQLite database file (created if absent)")->required();
  import->add_option("file", args->file, "The CSV file")->required()->check(CLI::ExistingFile);
  import->callback([args, &exit_code] { exit_code = RunImport(*args);
});
}  // namespace cx::cli

}  // namespace cx::cli
