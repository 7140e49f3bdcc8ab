// Accepting an invitation link: a name and a password create the account.
import * as api from "../../api/endpoints";
import { problemSlot } from "../../components/problem";
import { h } from "../../dom";
import { language, t } from "../../i18n";
import { go, type ViewContext } from "../../router";

export function inviteView({ params, mount }: ViewContext): void {
  const name = h("input", { "data-testid": "invite-name" });
  const password = h("input", { type: "password", autocomplete: "new-password", "data-testid": "invite-password" });
  const problem = problemSlot("invite-problem");
  const form = h(
    "form",
    { class: "card narrow" },
    h("h1", {}, t("acceptInvite")),
    h("label", {}, t("name"), name),
    h("label", {}, t("password"), password),
    problem.element,
    h("button", { type: "submit" }, t("acceptInvite")),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    api
      .acceptInvitation(params.token, name.value, password.value, language())
      .then(() => go("#/login"))
      .catch((e: unknown) => problem.show(e));
  });
  mount(form);
}
