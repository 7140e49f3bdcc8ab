#pragma once
// Vector charts as inline SVG for the reports (HTML and, through Chromium,
// PDF). Pure text generation: no domain types, no I/O. Every chart has a fixed
// width in CSS pixels and a viewBox, so it scales on screen and prints sharp.
//
// Why not ECharts here: the web app uses Apache ECharts, but a report must be
// one self-contained file that renders without running script (the PDF path
// prints it, and the HTML report must load nothing from another host and
// carry no inline script under our CSP). Static SVG meets both.

#include <optional>
#include <string>
#include <vector>

namespace cx::report {

// Escapes text for XML/HTML content and attributes: & < > " '.
std::string EscapeXml(const std::string& text);

struct Series {
  std::string name;
  std::string color;                          // CSS colour
  std::vector<std::optional<double>> values;  // one per category; nullopt = no bar
};

// Horizontal bars: one group per category, one bar per series, on a fixed
// scale [min, max]. `markers` (optional) draws a thin tick per category, for
// example the industry's best.
struct BarChart {
  std::vector<std::string> categories;
  std::vector<Series> series;
  std::optional<Series> markers;
  double min = 0;
  double max = 100;
  int width = 640;
  int decimals = 1;
  char decimal_mark = '.';  // ',' in Norwegian reports
};
std::string RenderBarChart(const BarChart& chart);

// One row per item: a point with its interval [low, high] on a fixed scale,
// e.g. NPS -100..100 with its 95 % interval.
struct IntervalRow {
  std::string label;
  std::optional<double> value;
  std::optional<double> low;
  std::optional<double> high;
  std::string color = "#1f5f99";
};
struct IntervalChart {
  std::vector<IntervalRow> rows;
  double min = 0;
  double max = 100;
  int width = 640;
  int decimals = 1;
  char decimal_mark = '.';
};
std::string RenderIntervalChart(const IntervalChart& chart);

// Distributions side by side: for each group a box (quartiles, median) and
// whiskers (min, max) with every value drawn as a dot, on a fixed scale.
struct DistributionGroup {
  std::string label;
  std::vector<double> values;
  std::string color = "#1f5f99";
};
struct DistributionChart {
  std::vector<DistributionGroup> groups;
  double min = 0;
  double max = 100;
  int width = 640;
};
std::string RenderDistributionChart(const DistributionChart& chart);

// Where a rank lies among n: the interval [best, worst] as a band and the
// rank as a dot, on a scale 1..n.
std::string RenderRankStrip(int rank, int best, int worst, int n, int width = 640);

}  // namespace cx::report
