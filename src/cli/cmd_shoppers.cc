// cxbench shoppers import: the agency's shopper pool from CSV or XLSX.
#include "cli/cmd_shoppers.h"

#include <cctype>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/output.h"
#include "cli/study_selection.h"
#include "plan/shopper_csv.h"
#include "plan/shopper_xlsx.h"
#include "store/store.h"

namespace cx::cli {

int RunImport(const ImportArgs& args) {
  std::string extension = std::filesystem::path(args.file).extension().string();
  for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (extension == ".xls") {
    return ReportError(Unsupported(
        "the old binary Excel format (.xls) is not read; save the sheet as .xlsx or as CSV "
        "(UTF-8)",
        args.file));
  }
  // The whole file is read and checked before the store is opened: on any
  // error nothing is imported.
  Result<std::vector<domain::Shopper>> shoppers = std::vector<domain::Shopper>{};
  if (extension == ".xlsx" || extension == ".xlsm") {
    shoppers = plan::ReadShoppersXlsx(args.file);
  } else {
    std::ifstream in(args.file, std::ios::binary);
    if (!in) return ReportError(IoError("cannot open the file", args.file));
    shoppers = plan::ReadShoppersCsv(in, args.file);
  }
  if (!shoppers) return ReportError(shoppers.error());
  auto store = store::OpenSqlite(args.db);
  if (!store) return ReportError(store.error());
  if (auto saved = (*store)->SaveShoppers(*shoppers); !saved) return ReportError(saved.error());
  std::cout << "Imported " << shoppers->size() << " shoppers into " << args.db << "\n";
  return kExitOk;
}

}  // namespace cx::cli
