// The login form: shown for every route until someone is logged in.
import { ApiProblem } from "../../api/client";
import { renderHeader } from "../../components/header";
import { problemSlot } from "../../components/problem";
import { h } from "../../dom";
import { t } from "../../i18n";
import { go, type ViewContext } from "../../router";
import * as session from "../../session";

export function loginView({ mount }: ViewContext): void {
  const email = h("input", {
    type: "email",
    name: "email",
    autocomplete: "username",
    required: true,
    "data-testid": "email",
  });
  const password = h("input", {
    type: "password",
    name: "password",
    autocomplete: "current-password",
    required: true,
    "data-testid": "password",
  });
  const problem = problemSlot("login-problem");
  const form = h(
    "form",
    { class: "card narrow" },
    h("h1", {}, t("login")),
    h("label", {}, t("email"), email),
    h("label", {}, t("password"), password),
    problem.element,
    h("button", { type: "submit", "data-testid": "login" }, t("login")),
    h("p", {}, h("a", { href: "#/published", "data-testid": "login-published" }, t("publishedRanking"))),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    session
      .logIn(email.value, password.value)
      .then(() => {
        renderHeader();
        go("#/");
      })
      .catch((e: unknown) => {
        // A wrong password is said in our words (the same for an unknown
        // e-mail); throttling and an unreachable server as the problem says.
        if (e instanceof ApiProblem && e.status === 401) problem.say(t("wrongLogin"));
        else problem.show(e);
      });
  });
  mount(form);
}
