// cxbench programme: sample sizes and allocation for a company's own programme.
#include "cli/cmd_programme.h"

#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/output.h"
#include "cli/study_selection.h"
#include "sampling/sampling.h"

namespace cx::cli {

int RunSampleSize(const SizeArgs& args) {
  if (args.margin.has_value() == args.n.has_value()) {
    std::cerr << "cxbench: error: give either --margin (to get the contacts needed) or --n (to get "
                 "the margin)\n";
    return kExitBadInput;
  }
  nlohmann::json out = {{"sd", args.sd}, {"confidence", 0.95}};
  if (args.population) out["population"] = *args.population;
  if (args.margin) {
    auto n = sampling::ContactsNeeded(args.sd, *args.margin, args.population);
    if (!n) return ReportError(n.error());
    out["margin"] = *args.margin;
    out["contacts"] = *n;
  } else {
    auto margin = sampling::MarginFor(args.sd, *args.n, args.population);
    if (!margin) return ReportError(margin.error());
    out["contacts"] = *args.n;
    out["margin"] = *margin;
  }
  if (args.format == Format::kJson) {
    std::cout << out.dump(2) << "\n";
    return kExitOk;
  }
  auto fixed = [](double value, int decimals) {
    std::ostringstream text;
    text.setf(std::ios::fixed);
    text.precision(decimals);
    text << value;
    return text.str();
  };
  Table table{{"sd", "contacts", "95% margin (+-points)"}, {}, {true, true, true}};
  table.rows.push_back({fixed(args.sd, 1), std::to_string(out["contacts"].get<int>()),
                        fixed(out["margin"].get<double>(), 2)});
  args.format == Format::kCsv ? PrintCsv(std::cout, table) : PrintTable(std::cout, table);
  return kExitOk;
}

int RunAllocate(const AllocateArgs& args) {
  std::vector<sampling::Centre> centres;
  for (const std::string& text : args.centres) {
    const size_t equals = text.rfind('=');
    char* end = nullptr;
    const std::string size = equals == std::string::npos ? "" : text.substr(equals + 1);
    const long value = std::strtol(size.c_str(), &end, 10);
    if (equals == std::string::npos || equals == 0 || end == size.c_str() || *end != '\0' ||
        value < 0) {
      return ReportError(
          InvalidInput("expected NAME=AGENTS such as Oslo=40, found '" + text + "'", "--centre"));
    }
    centres.push_back({text.substr(0, equals), static_cast<int>(value)});
  }
  const std::vector<std::string> scenarios =
      args.scenarios.empty() ? std::vector<std::string>{"all"} : args.scenarios;
  auto allocation = sampling::Allocate(args.total, args.minimum, centres, scenarios);
  if (!allocation) return ReportError(allocation.error());
  if (args.format == Format::kJson) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& item : *allocation) {
      nlohmann::json by_scenario = nlohmann::json::object();
      for (const auto& [scenario, count] : item.by_scenario) by_scenario[scenario] = count;
      out.push_back(
          {{"centre", item.name}, {"contacts", item.contacts}, {"scenarios", by_scenario}});
    }
    std::cout << out.dump(2) << "\n";
    return kExitOk;
  }
  Table table{{"centre", "agents", "contacts"}, {}, {}};
  table.header.insert(table.header.end(), scenarios.begin(), scenarios.end());
  table.right_align.assign(table.header.size(), true);
  table.right_align[0] = false;  // the centre's name
  for (size_t index = 0; index < allocation->size(); ++index) {
    const auto& item = (*allocation)[index];
    std::vector<std::string> row = {item.name, std::to_string(centres[index].size),
                                    std::to_string(item.contacts)};
    for (const auto& [scenario, count] : item.by_scenario) row.push_back(std::to_string(count));
    table.rows.push_back(row);
  }
  args.format == Format::kCsv ? PrintCsv(std::cout, table) : PrintTable(std::cout, table);
  return kExitOk;
}

}  // namespace cx::cli
