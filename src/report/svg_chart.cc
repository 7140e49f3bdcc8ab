#include "report/svg_chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace cx::report {
namespace {

// Layout in CSS pixels: a label column on the left, the plot to its right.
constexpr int kLabelWidth = 190;
constexpr int kRightPad = 56;  // room for value texts past the bar
constexpr int kRowHeight = 22;
constexpr int kAxisHeight = 22;
constexpr const char* kFont = "font-family=\"DejaVu Sans, Arial, sans-serif\"";

std::string Number(double value, int decimals, char mark = '.') {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  std::string text = buffer;
  if (mark != '.') std::replace(text.begin(), text.end(), '.', mark);
  return text;
}

std::string Px(double value) { return Number(value, 1); }

// x of a value on the plot: x = left + (v - min) / (max - min) * plot_width, clamped.
double Scale(double value, double min, double max, double left, double plot_width) {
  if (max <= min) return left;
  const double share = std::clamp((value - min) / (max - min), 0.0, 1.0);
  return left + share * plot_width;
}

std::string Open(int width, int height, const std::string& title) {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"" +
         std::to_string(width) + "\" height=\"" + std::to_string(height) + "\" viewBox=\"0 0 " +
         std::to_string(width) + " " + std::to_string(height) + "\" role=\"img\" " + kFont +
         " font-size=\"11\"><title>" + EscapeXml(title) + "</title>";
}

// Grid lines and tick labels at five even steps of the scale; a decimal
// only where a step is not whole (1..7 steps by 1.5).
std::string Axis(double min, double max, double left, double plot_width, double top,
                 double bottom) {
  const double step_size = (max - min) / 4.0;
  const int decimals = step_size == std::floor(step_size) ? 0 : 1;
  std::string svg;
  for (int step = 0; step <= 4; ++step) {
    const double value = min + (max - min) * step / 4.0;
    const double x = Scale(value, min, max, left, plot_width);
    svg += "<line x1=\"" + Px(x) + "\" y1=\"" + Px(top) + "\" x2=\"" + Px(x) + "\" y2=\"" +
           Px(bottom) + "\" stroke=\"#d9d9d9\" stroke-width=\"1\"/>";
    svg += "<text x=\"" + Px(x) + "\" y=\"" + Px(bottom + 14) +
           "\" text-anchor=\"middle\" fill=\"#555\">" + Number(value, decimals) + "</text>";
  }
  return svg;
}

std::string Label(const std::string& text, double y) {
  // Long labels are cut with an ellipsis so the layout holds; the full text stays in a tooltip.
  std::string shown = text;
  size_t characters = 0, cut = std::string::npos;
  for (size_t index = 0; index < text.size(); ++index) {
    if ((static_cast<unsigned char>(text[index]) & 0xC0) != 0x80 && ++characters == 31) cut = index;
  }
  if (cut != std::string::npos) {
    shown = text.substr(0, cut);  // the first 30 characters
    while (!shown.empty() && shown.back() == ' ') shown.pop_back();
    shown += "…";
  }
  return "<text x=\"" + std::to_string(kLabelWidth - 8) + "\" y=\"" + Px(y) +
         "\" text-anchor=\"end\" dominant-baseline=\"middle\" fill=\"#222\"><title>" +
         EscapeXml(text) + "</title>" + EscapeXml(shown) + "</text>";
}

}  // namespace

std::string EscapeXml(const std::string& text) {
  std::string escaped;
  escaped.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        escaped += "&amp;";
        break;
      case '<':
        escaped += "&lt;";
        break;
      case '>':
        escaped += "&gt;";
        break;
      case '"':
        escaped += "&quot;";
        break;
      case '\'':
        escaped += "&#39;";
        break;
      default:
        escaped += c;
    }
  }
  return escaped;
}

std::string RenderBarChart(const BarChart& chart) {
  const size_t bars = std::max<size_t>(1, chart.series.size());
  const double bar_height = std::max(6.0, 16.0 / static_cast<double>(bars) * 1.2);
  const double group_height = bar_height * static_cast<double>(bars) + 8;
  const double legend = chart.series.size() > 1 || chart.markers ? 20 : 0;
  const double top = legend + 4;
  const double plot_width = chart.width - kLabelWidth - kRightPad;
  const double bottom = top + group_height * static_cast<double>(chart.categories.size());
  const int height = static_cast<int>(std::ceil(bottom + kAxisHeight));
  std::string svg =
      Open(chart.width, height, chart.series.empty() ? "chart" : chart.series.front().name);
  svg += Axis(chart.min, chart.max, kLabelWidth, plot_width, top, bottom);
  // Legend.
  double legend_x = kLabelWidth;
  auto legend_item = [&](const std::string& name, const std::string& color, bool tick) {
    svg += tick ? "<rect x=\"" + Px(legend_x) + "\" y=\"4\" width=\"3\" height=\"12\" fill=\"" +
                      EscapeXml(color) + "\"/>"
                : "<rect x=\"" + Px(legend_x) + "\" y=\"4\" width=\"12\" height=\"12\" fill=\"" +
                      EscapeXml(color) + "\"/>";
    svg += "<text x=\"" + Px(legend_x + 16) + "\" y=\"14\" fill=\"#222\">" + EscapeXml(name) +
           "</text>";
    legend_x += 24 + 6.5 * static_cast<double>(name.size());
  };
  if (legend > 0) {
    for (const auto& series : chart.series) legend_item(series.name, series.color, false);
    if (chart.markers) legend_item(chart.markers->name, chart.markers->color, true);
  }
  for (size_t category = 0; category < chart.categories.size(); ++category) {
    const double group_top = top + group_height * static_cast<double>(category) + 4;
    svg +=
        Label(chart.categories[category], group_top + bar_height * static_cast<double>(bars) / 2);
    for (size_t index = 0; index < chart.series.size(); ++index) {
      const auto& series = chart.series[index];
      if (category >= series.values.size() || !series.values[category]) continue;
      const double value = *series.values[category];
      const double y = group_top + bar_height * static_cast<double>(index);
      const double x_end = Scale(value, chart.min, chart.max, kLabelWidth, plot_width);
      svg += "<rect class=\"bar\" x=\"" + std::to_string(kLabelWidth) + "\" y=\"" + Px(y) +
             "\" width=\"" + Px(x_end - kLabelWidth) + "\" height=\"" + Px(bar_height - 1) +
             "\" fill=\"" + EscapeXml(series.color) + "\"><title>" +
             EscapeXml(series.name + ": " + Number(value, chart.decimals, chart.decimal_mark)) +
             "</title></rect>";
      svg += "<text x=\"" + Px(x_end + 4) + "\" y=\"" + Px(y + bar_height / 2) +
             "\" dominant-baseline=\"middle\" fill=\"#333\">" +
             Number(value, chart.decimals, chart.decimal_mark) + "</text>";
    }
    if (chart.markers && category < chart.markers->values.size() &&
        chart.markers->values[category]) {
      const double x =
          Scale(*chart.markers->values[category], chart.min, chart.max, kLabelWidth, plot_width);
      svg += "<rect class=\"marker\" x=\"" + Px(x - 1.5) + "\" y=\"" + Px(group_top - 2) +
             "\" width=\"3\" height=\"" + Px(bar_height * static_cast<double>(bars) + 4) +
             "\" fill=\"" + EscapeXml(chart.markers->color) + "\"/>";
    }
  }
  return svg + "</svg>";
}

std::string RenderIntervalChart(const IntervalChart& chart) {
  const double top = 6;
  const double plot_width = chart.width - kLabelWidth - kRightPad;
  const double bottom = top + kRowHeight * static_cast<double>(chart.rows.size());
  const int height = static_cast<int>(std::ceil(bottom + kAxisHeight));
  std::string svg = Open(chart.width, height, "intervals");
  svg += Axis(chart.min, chart.max, kLabelWidth, plot_width, top, bottom);
  for (size_t index = 0; index < chart.rows.size(); ++index) {
    const IntervalRow& row = chart.rows[index];
    const double y = top + kRowHeight * (static_cast<double>(index) + 0.5);
    svg += Label(row.label, y);
    if (row.low && row.high) {
      const double x1 = Scale(*row.low, chart.min, chart.max, kLabelWidth, plot_width);
      const double x2 = Scale(*row.high, chart.min, chart.max, kLabelWidth, plot_width);
      svg += "<line class=\"interval\" x1=\"" + Px(x1) + "\" y1=\"" + Px(y) + "\" x2=\"" + Px(x2) +
             "\" y2=\"" + Px(y) + "\" stroke=\"" + EscapeXml(row.color) + "\" stroke-width=\"2\"/>";
      for (double x : {x1, x2}) {
        svg += "<line x1=\"" + Px(x) + "\" y1=\"" + Px(y - 5) + "\" x2=\"" + Px(x) + "\" y2=\"" +
               Px(y + 5) + "\" stroke=\"" + EscapeXml(row.color) + "\" stroke-width=\"2\"/>";
      }
    }
    if (row.value) {
      const double x = Scale(*row.value, chart.min, chart.max, kLabelWidth, plot_width);
      svg += "<circle class=\"point\" cx=\"" + Px(x) + "\" cy=\"" + Px(y) + "\" r=\"4.5\" fill=\"" +
             EscapeXml(row.color) + "\"/>";
      const double text_x =
          Scale(row.high.value_or(*row.value), chart.min, chart.max, kLabelWidth, plot_width) + 8;
      svg += "<text x=\"" + Px(text_x) + "\" y=\"" + Px(y) +
             "\" dominant-baseline=\"middle\" fill=\"#333\">" +
             Number(*row.value, chart.decimals, chart.decimal_mark) + "</text>";
    } else {
      svg += "<text x=\"" + std::to_string(kLabelWidth + 4) + "\" y=\"" + Px(y) +
             "\" dominant-baseline=\"middle\" fill=\"#888\">–</text>";
    }
  }
  return svg + "</svg>";
}

std::string RenderDistributionChart(const DistributionChart& chart) {
  const double group_height = 34;
  const double top = 6;
  const double plot_width = chart.width - kLabelWidth - kRightPad;
  const double bottom = top + group_height * static_cast<double>(chart.groups.size());
  const int height = static_cast<int>(std::ceil(bottom + kAxisHeight));
  std::string svg = Open(chart.width, height, "distribution");
  svg += Axis(chart.min, chart.max, kLabelWidth, plot_width, top, bottom);
  auto x_of = [&](double value) {
    return Scale(value, chart.min, chart.max, kLabelWidth, plot_width);
  };
  for (size_t index = 0; index < chart.groups.size(); ++index) {
    const auto& group = chart.groups[index];
    const double y = top + group_height * (static_cast<double>(index) + 0.5);
    svg += Label(group.label, y);
    if (group.values.empty()) continue;
    std::vector<double> sorted = group.values;
    std::sort(sorted.begin(), sorted.end());
    // Quartiles by linear interpolation (type 7): h = (n - 1) p.
    auto quantile = [&](double p) {
      const double h = static_cast<double>(sorted.size() - 1) * p;
      const size_t low = static_cast<size_t>(std::floor(h));
      const size_t high = std::min(low + 1, sorted.size() - 1);
      return sorted[low] + (h - static_cast<double>(low)) * (sorted[high] - sorted[low]);
    };
    const double q1 = quantile(0.25), median = quantile(0.5), q3 = quantile(0.75);
    const std::string color = EscapeXml(group.color);
    svg += "<line class=\"whisker\" x1=\"" + Px(x_of(sorted.front())) + "\" y1=\"" + Px(y) +
           "\" x2=\"" + Px(x_of(sorted.back())) + "\" y2=\"" + Px(y) + "\" stroke=\"" + color +
           "\" stroke-width=\"1\"/>";
    svg += "<rect class=\"box\" x=\"" + Px(x_of(q1)) + "\" y=\"" + Px(y - 8) + "\" width=\"" +
           Px(x_of(q3) - x_of(q1)) + "\" height=\"16\" fill=\"" + color +
           "\" fill-opacity=\"0.25\" stroke=\"" + color + "\"/>";
    svg += "<line class=\"median\" x1=\"" + Px(x_of(median)) + "\" y1=\"" + Px(y - 8) + "\" x2=\"" +
           Px(x_of(median)) + "\" y2=\"" + Px(y + 8) + "\" stroke=\"" + color +
           "\" stroke-width=\"2.5\"/>";
    // Every value as a dot, spread vertically by a fixed pattern so equal values stay visible.
    for (size_t v = 0; v < group.values.size(); ++v) {
      const double offset = (static_cast<double>(v % 5) - 2.0) * 2.5;
      svg += "<circle class=\"dot\" cx=\"" + Px(x_of(group.values[v])) + "\" cy=\"" +
             Px(y + offset) + "\" r=\"1.8\" fill=\"" + color + "\" fill-opacity=\"0.7\"/>";
    }
  }
  return svg + "</svg>";
}

std::string RenderRankStrip(int rank, int best, int worst, int n, int width) {
  const double left = 30, right = width - 30.0, y = 22;
  const int height = 44;
  auto x_of = [&](int position) {
    return n <= 1 ? left : left + (right - left) * (position - 1) / static_cast<double>(n - 1);
  };
  std::string svg = Open(width, height, "rank");
  svg += "<line x1=\"" + Px(left) + "\" y1=\"" + Px(y) + "\" x2=\"" + Px(right) + "\" y2=\"" +
         Px(y) + "\" stroke=\"#bbb\" stroke-width=\"2\"/>";
  for (int position = 1; position <= n; ++position) {
    svg += "<circle cx=\"" + Px(x_of(position)) + "\" cy=\"" + Px(y) + "\" r=\"2\" fill=\"#bbb\"/>";
  }
  svg += "<rect class=\"rank-interval\" x=\"" + Px(x_of(best) - 6) + "\" y=\"" + Px(y - 7) +
         "\" width=\"" + Px(x_of(worst) - x_of(best) + 12) +
         "\" height=\"14\" rx=\"7\" fill=\"#1f5f99\" fill-opacity=\"0.2\"/>";
  svg += "<circle class=\"rank\" cx=\"" + Px(x_of(rank)) + "\" cy=\"" + Px(y) +
         "\" r=\"6\" fill=\"#1f5f99\"/>";
  svg += "<text x=\"" + Px(left) + "\" y=\"" + Px(y + 18) +
         "\" text-anchor=\"middle\" fill=\"#555\">1</text>";
  svg += "<text x=\"" + Px(right) + "\" y=\"" + Px(y + 18) +
         "\" text-anchor=\"middle\" fill=\"#555\">" + std::to_string(n) + "</text>";
  return svg + "</svg>";
}

}  // namespace cx::report
