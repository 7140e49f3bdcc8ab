// Links that download the study's data (GET /api/v1/export) in the
// interface's language: the server decides what the reader may have (staff
// the whole study, a participant its own reported contacts).
import * as api from "../api/endpoints";
import { type Child, h } from "../dom";
import { language, t } from "../i18n";

export function exportLinks(note?: string): HTMLElement {
  const formats: [api.ExportFormat, string][] = [
    ["csv", t("exportCsv")],
    ["xlsx", t("exportXlsx")],
    ["sav", t("exportSav")],
  ];
  const links: Child[] = [];
  for (const [format, label] of formats) {
    if (links.length) links.push(" · ");
    links.push(
      h("a", { href: api.exportUrl(format, language()), download: true, "data-testid": `export-${format}` }, label),
    );
  }
  return h(
    "section",
    { class: "card", "data-testid": "export" },
    h("h2", {}, t("exportData")),
    h("p", {}, ...links),
    note ? h("p", { class: "meta" }, note) : null,
  );
}
