#pragma once
// HTML to PDF with Debian's headless Chromium: the same engine that shows
// the HTML report prints it, so both look the same. One Chromium process per
// file; callers run several at once for many reports.

#include <string>
#include <vector>

#include "core/result.h"

namespace cx::report {

// The Chromium binary: $CXBENCH_CHROMIUM, else /usr/bin/chromium.
std::string ChromiumPath();

// Prints the HTML file at `html_path` to `pdf_path` (A4, the page's own @page
// margins, no header or footer). Writes PDF_PATH.tmp and renames it when
// Chromium succeeded; gives up after `timeout_seconds`.
Status RenderPdf(const std::string& html_path, const std::string& pdf_path,
                 int timeout_seconds = 120);

}  // namespace cx::report
