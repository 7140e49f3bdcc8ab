// The bar on top: the study, the links of the caller's role, the language
// switch and logging out.
import { h, onClick } from "../dom";
import { language, t } from "../i18n";
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
    );
  }
  if (me.role === "participant") out.push(link("#/", t("results")));
  out.push(link("#/ranking", t("ranking"), "nav-ranking"));
  return out;
}

// Made once: it follows the outbox for as long as the page lives.
let badge: HTMLElement | null = null;

export function renderHeader(): void {
  const top = document.getElementById("top")!;
  const brand = h("span", { class: "brand" }, "cxbench");
  if (!session.account()) {
    top.replaceChildren(brand);
    return;
  }
  const switchLanguage = h(
    "button",
    { class: "link", "data-testid": "language", type: "button" },
    language() === "nb" ? "English" : "Norsk",
  );
  onClick(switchLanguage, async () => {
    await session.chooseLanguage(language() === "nb" ? "en" : "nb");
    renderHeader();
    await refresh();
  });
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
    h("nav", {}, ...links(), switchLanguage, logout),
  );
}
