#include "report/pdf_renderer.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "report/svg_chart.h"

namespace cx::report {
namespace {

namespace fs = std::filesystem;

std::string RunCommand(const std::string& command) {
  std::string output;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return output;
  char buffer[4096];
  size_t read = 0;
  while ((read = fread(buffer, 1, sizeof buffer, pipe)) > 0) output.append(buffer, read);
  pclose(pipe);
  return output;
}

// Pixels of a binary PPM (P6, as pdftoppm writes it) within 12 of an RGB colour.
int CountPixelsNear(const fs::path& ppm, int red, int green, int blue) {
  std::ifstream in(ppm, std::ios::binary);
  std::string magic;
  int width = 0, height = 0, max = 0;
  in >> magic >> width >> height >> max;
  in.get();
  if (magic != "P6" || max != 255) return -1;
  int count = 0;
  for (long pixel = 0; pixel < static_cast<long>(width) * height; ++pixel) {
    const int r = in.get(), g = in.get(), b = in.get();
    if (!in) break;
    if (std::abs(r - red) <= 12 && std::abs(g - green) <= 12 && std::abs(b - blue) <= 12) ++count;
  }
  return count;
}

class PdfRendererTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("cxbench_pdf_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(PdfRendererTest, PrintsNorwegianTextAndAVectorChart) {
  BarChart chart;
  chart.categories = {"Svar- og ventetid", "Kundebehandleren"};
  chart.series = {{"Bærum Energi", "#1f5f99", {88.0, 71.5}}};
  const fs::path html = dir_ / "page.html";
  std::ofstream(html)
      << "<!doctype html><html lang=\"nb\"><head><meta charset=\"utf-8\"><title>t</title></head>"
         "<body><h1>Tønsberg Sparebank – Æ Ø Å æ ø å</h1>"
      << RenderBarChart(chart) << "</body></html>";
  const fs::path pdf = dir_ / "page.pdf";
  const Status printed = RenderPdf(html.string(), pdf.string());
  ASSERT_TRUE(printed.ok()) << printed.error().ToString();
  ASSERT_GT(fs::file_size(pdf), 1000u);
  EXPECT_FALSE(fs::exists(pdf.string() + ".tmp"));
  // pdftotext (poppler-utils) reads the text back: the letters survived.
  const std::string text = RunCommand("pdftotext -layout " + pdf.string() + " - 2>/dev/null");
  EXPECT_NE(text.find("Tønsberg Sparebank"), std::string::npos) << text;
  EXPECT_NE(text.find("Æ Ø Å æ ø å"), std::string::npos) << text;
  EXPECT_NE(text.find("Kundebehandleren"), std::string::npos) << text;
  EXPECT_NE(text.find("71.5"), std::string::npos) << text;
  // pdftoppm renders the page; the bar's colour (#1f5f99) is on it, so the chart was drawn.
  RunCommand("pdftoppm -r 50 -f 1 -l 1 " + pdf.string() + " " + (dir_ / "page").string());
  EXPECT_GT(CountPixelsNear(dir_ / "page-1.ppm", 0x1f, 0x5f, 0x99), 100);
}

TEST_F(PdfRendererTest, MissingHtmlIsAnErrorAndWritesNothing) {
  const fs::path pdf = dir_ / "none.pdf";
  EXPECT_FALSE(RenderPdf((dir_ / "absent.html").string(), pdf.string()).ok());
  EXPECT_FALSE(fs::exists(pdf));
}

}  // namespace
}  // namespace cx::report
