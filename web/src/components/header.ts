// The bar on top: the study, the links of the caller's role, the language
// menu and logging out.
import { h, onClick } from "../dom";
import { language, languages, setLanguage, t, type Language } from "../i18n";
import { outboxBadge } from "../offline/status";
import { go, refresh } from "../router";
import * as session from "../session";

function links(): HTMLElement[] {
  const me = session.account();
  if (!me) return [];
  const link = (hash: string, label: string, testid?: string) => h("a", { href: hash, "data-testid": testid }, label);
  const out: HTMLElement[] = [];
  if (me.role === "shopper") out.push(link("#/", t("assignments")));
  if (session.isStaff()) {
    out.push(
      link("#/", t("dashboard")),
      link("#/qa", t("qa")),
      link("#/audit", t("audit")),
      link("#/users", t("users")),
      link("#/ranking", t("ranking"), "nav-ranking"),
    );
  }
  if (me.role === "participant") out.push(link("#/", t("results")));
  out.push(link("#/published", t("publishedRanking"), "nav-published"));
  return out;
}

// The four languages of the interface. Logged in, the choice is the
// account's (saved on the server); on the login page it is this visit's.
function languageMenu(): HTMLElement {
  const select = h(
    "select",
    { class: "language", "data-testid": "language", "aria-label": t("language") },
    ...languages.map(({ code, name }) => h("option", { value: code, lang: code, selected: code === language() }, name)),
  );
  select.addEventListener("change", () => {
    const chosen = select.value as Language;
    const saved = session.account() ? session.chooseLanguage(chosen) : setLanguage(chosen);
    // A refusal leaves the language as it was; the menu shows it again.
    void saved
      .then(async () => {
        renderHeader();
        await refresh();
      })
      .catch(() => renderHeader());
  });
  return select;
}

// Made once: it follows the outbox for as long as the page lives.
let badge: HTMLElement | null = null;

export function renderHeader(): void {
  const top = document.getElementById("top")!;
  const brand = h("span", { class: "brand" }, "cxbench");
  if (!session.account()) {
    top.replaceChildren(brand, h("nav", {}, languageMenu()));
    return;
  }
  const logout = h("button", { class: "link", "data-testid": "logout", type: "button" }, t("logout"));
  onClick(logout, async () => {
    await session.logOut();
    renderHeader();
    go("#/login");
  });
  badge ??= outboxBadge();
  top.replaceChildren(
    brand,
    h("span", { class: "study" }, session.study()),
    badge,
    h("nav", {}, ...links(), languageMenu(), logout),
  );
}
