// A password reset link (made by staff on the users page): a new password,
// once; the account is then logged out everywhere and logs in with it.
import * as api from "../../api/endpoints";
import { problemSlot } from "../../components/problem";
import { h } from "../../dom";
import { t } from "../../i18n";
import type { ViewContext } from "../../router";

export function resetView({ params, mount }: ViewContext): void {
  const password = h("input", {
    type: "password",
    autocomplete: "new-password",
    "data-testid": "reset-password",
  });
  const again = h("input", { type: "password", autocomplete: "new-password", "data-testid": "reset-again" });
  const problem = problemSlot("reset-problem");
  const done = h("p", { role: "status", "data-testid": "reset-done" });
  const form = h(
    "form",
    { class: "card narrow" },
    h("h1", {}, t("resetTitle")),
    h("label", {}, t("newPassword"), password),
    h("label", {}, t("newPasswordAgain"), again),
    problem.element,
    done,
    h("button", { type: "submit", "data-testid": "reset-submit" }, t("resetTitle")),
    h("p", {}, h("a", { href: "#/" }, t("toLogin"))),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    problem.clear();
    done.textContent = "";
    if (password.value !== again.value) return problem.say(t("passwordsDiffer"));
    api
      .resetPassword(params.token, password.value)
      .then((reply) => {
        done.textContent = `${t("passwordChanged")} (${reply.email})`;
        password.value = again.value = "";
      })
      .catch((e: unknown) => problem.show(e));
  });
  mount(form);
}
