// User administration: every account, and invitations by link.
import * as api from "../../api/endpoints";
import type { NewInvitation, Role } from "../../api/types";
import { problemSlot } from "../../components/problem";
import { h, onClick } from "../../dom";
import { pager } from "../../components/pager";
import { t } from "../../i18n";
import { currentQuery, go, type ViewContext } from "../../router";

const roles: Role[] = ["shopper", "participant", "manager", "admin"];

function isRole(value: string): value is Role {
  return (roles as string[]).includes(value);
}

function inviteSection(): HTMLElement {
  const email = h("input", { type: "email", "data-testid": "user-email", placeholder: t("email") });
  const role = h("select", { "data-testid": "user-role" }, ...roles.map((r) => h("option", { value: r }, r)));
  const link = h("input", { "data-testid": "user-link", placeholder: "shopper / participant id" });
  const out = h("p", { "data-testid": "invite-url", class: "meta" });
  const problem = problemSlot("invite-problem");
  const invite = h("button", { type: "button", class: "primary", "data-testid": "invite" }, t("invite"));
  onClick(
    invite,
    async () => {
      problem.clear();
      out.textContent = "";
      if (!isRole(role.value)) return;
      const body: NewInvitation = { email: email.value, role: role.value };
      if (role.value === "shopper") body.shopper = link.value;
      if (role.value === "participant") body.participant = link.value;
      const reply = await api.invite(body);
      out.textContent = `${reply.url} (${reply.expires_at})`;
    },
    (e) => problem.show(e),
  );
  return h("section", { class: "card" }, h("h2", {}, t("invite")), email, role, link, invite, out, problem.element);
}

export async function usersView({ mount }: ViewContext): Promise<void> {
  const page = Math.max(1, Number(currentQuery().get("page") ?? "1") || 1);
  const list = await api.listUsers(page);
  const users = list.users;
  mount(
    h("h1", {}, t("users")),
    inviteSection(),
    h(
      "table",
      { class: "card answers" },
      ...users.map((u) =>
        h(
          "tr",
          {},
          h("td", {}, u.name),
          h("td", {}, u.email),
          h("td", {}, u.role),
          h("td", {}, u.shopper_id ?? u.participant_id ?? ""),
        ),
      ),
    ),
    pager(list, (n) => go(`#/users?page=${n}`), "users-pager"),
  );
}
