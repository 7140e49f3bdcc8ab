// cxbench erlang: Erlang C staffing for one interval or a table of intervals.
#include "cli/cmd_erlang.h"

#include <cmath>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/output.h"
#include "core/duration.h"
#include "kpi/service_level_target.h"
#include "staffing/erlang.h"

namespace cx::cli {
namespace {

int BadInput(const std::string& message) {
  std::cerr << "cxbench: error: " << message << "\n";
  return kExitBadInput;
}

struct Row {
  std::string interval;
  double volume = 0;
  staffing::Staffing result;
};

std::string Fixed(double value, int decimals) {
  std::ostringstream out;
  out.setf(std::ios::fixed);
  out.precision(decimals);
  out << value;
  return out.str();
}

// The interval, handle time and targets the command runs with.
struct Settings {
  double interval_s = 0;
  double aht_s = 0;
  staffing::Targets targets;
};

// The message of bad input, if any: what was given and what was expected.
using Problem = std::optional<std::string>;

Problem ReadTargets(const ErlangArgs& args, staffing::Targets& targets) {
  targets.shrinkage = args.shrinkage;
  targets.max_occupancy = args.max_occupancy;
  if (!args.asa.empty()) {
    targets.asa_s = ParseDurationSeconds(args.asa);
    if (!targets.asa_s) return "--asa: expected a duration such as 30 or 30s";
  }
  if (!args.target.empty() || !targets.asa_s) {
    auto target = kpi::ParseServiceLevelTarget(args.target.empty() ? "80/20" : args.target);
    if (!target) return "--target: " + target.error().message;
    // Erlang C leaves every load some chance of a wait beyond any time:
    // no number of agents answers 100 % in time.
    if (target->share >= 1) {
      return "--target: expected a PERCENT below 100 (Erlang C never reaches 100 %)";
    }
    targets.service_level = target->share;
    targets.target_seconds = target->seconds;
  }
  return std::nullopt;
}

Problem ReadSettings(const ErlangArgs& args, Settings& settings) {
  auto interval = ParseDurationSeconds(args.interval);
  if (!interval || *interval <= 0) return "--interval: expected a duration such as 15m, 30m or 1h";
  auto aht = ParseDurationSeconds(args.aht);
  if (!aht || *aht <= 0) return "--aht: expected a handle time above 0, such as 180 or 3m";
  settings.interval_s = *interval;
  settings.aht_s = *aht;
  if (Problem problem = ReadTargets(args, settings.targets)) return problem;
  if (args.volume.has_value() == !args.volumes_file.empty()) {
    return "give either --volume N or --volumes FILE";
  }
  return std::nullopt;
}

double Erlangs(const Settings& settings, double volume) {
  return volume * settings.aht_s / settings.interval_s;
}

Row StaffRow(const ErlangArgs& args, const Settings& settings, const std::string& label,
             double volume) {
  // A = calls per interval * AHT / interval length.
  const staffing::Load load{Erlangs(settings, volume), settings.aht_s};
  const staffing::Targets& targets = settings.targets;
  Row row{label, volume, {}};
  row.result = args.agents ? staffing::Evaluate(*args.agents, load, targets.target_seconds,
                                                targets.shrinkage)
                           : staffing::FewestAgents(load, targets);
  return row;
}

// One row per INTERVAL,VOLUME line of --volumes; a first line that is not
// one is a header.
Problem ReadVolumeRows(const ErlangArgs& args, const Settings& settings, std::vector<Row>& rows) {
  std::ifstream in(args.volumes_file);
  if (!in) return args.volumes_file + ": cannot open the file";
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    const size_t comma = line.rfind(',');
    char* end = nullptr;
    const std::string field = comma == std::string::npos ? "" : line.substr(comma + 1);
    const double volume = std::strtod(field.c_str(), &end);
    const bool parsed = comma != std::string::npos && end != field.c_str() && *end == '\0';
    if (!parsed && number == 1) continue;  // a header line
    if (!parsed || volume < 0) {
      return args.volumes_file + ":" + std::to_string(number) +
             ": expected INTERVAL,VOLUME with a volume of 0 or more, found '" + line + "'";
    }
    rows.push_back(StaffRow(args, settings, line.substr(0, comma), volume));
  }
  if (rows.empty()) return args.volumes_file + ": no INTERVAL,VOLUME rows found";
  return std::nullopt;
}

Problem StaffRows(const ErlangArgs& args, const Settings& settings, std::vector<Row>& rows) {
  if (!args.volume) return ReadVolumeRows(args, settings, rows);
  if (*args.volume < 0) return "--volume: expected 0 or more calls";
  rows.push_back(StaffRow(args, settings, "", *args.volume));
  return std::nullopt;
}

// One object for --volume, an array for --volumes.
void PrintJson(const ErlangArgs& args, const Settings& settings, const std::vector<Row>& rows) {
  nlohmann::json out = nlohmann::json::array();
  for (const Row& row : rows) {
    nlohmann::json item = {{"interval", row.interval},
                           {"volume", row.volume},
                           {"erlangs", Erlangs(settings, row.volume)},
                           {"agents", row.result.agents},
                           {"service_level", row.result.service_level},
                           {"asa_s", nullptr},
                           {"p_wait", row.result.p_wait},
                           {"occupancy", row.result.occupancy},
                           {"heads", row.result.heads}};
    if (row.result.asa_s) item["asa_s"] = *row.result.asa_s;
    out.push_back(item);
  }
  std::cout << (args.volume ? out.front().dump(2) : out.dump(2)) << "\n";
}

void PrintRows(const ErlangArgs& args, const Settings& settings, const std::vector<Row>& rows) {
  Table table{{"interval", "volume", "erlangs", "agents", "service level", "ASA (s)", "p(wait)",
               "occupancy", "heads"},
              {},
              {false, true, true, true, true, true, true, true, true}};
  for (const Row& row : rows) {
    table.rows.push_back(
        {row.interval.empty() ? "-" : row.interval, Fixed(row.volume, 0),
         Fixed(Erlangs(settings, row.volume), 2), std::to_string(row.result.agents),
         Fixed(100 * row.result.service_level, 1) + "%",
         row.result.asa_s ? Fixed(*row.result.asa_s, 1) : "inf", Fixed(row.result.p_wait, 4),
         Fixed(100 * row.result.occupancy, 1) + "%", std::to_string(row.result.heads)});
  }
  args.format == Format::kCsv ? PrintCsv(std::cout, table) : PrintTable(std::cout, table);
}

}  // namespace

int RunErlang(const ErlangArgs& args) {
  Settings settings;
  if (Problem problem = ReadSettings(args, settings)) return BadInput(*problem);
  std::vector<Row> rows;
  if (Problem problem = StaffRows(args, settings, rows)) return BadInput(*problem);
  if (args.format == Format::kJson) {
    PrintJson(args, settings, rows);
  } else {
    PrintRows(args, settings, rows);
  }
  return kExitOk;
}

}  // namespace cx::cli
