// User administration: every account, and invitations by link.
import * as api from "../../api/endpoints";
import type { Account, AccountChoices, NewInvitation, PendingInvitation } from "../../api/types";
import { problemSlot } from "../../components/problem";
import { h, onClick } from "../../dom";
import { pager } from "../../components/pager";
import { instant } from "../../format";
import { t } from "../../i18n";
import { currentQuery, go, refresh, type ViewContext } from "../../router";

// The role list and the ids come from GET /account-choices: only the roles the
// caller may create (domain::MayCreate on the server), ids picked, not typed.
// onInvited: shows the new invitation among the pending ones, keeping the
// link on screen (refreshing the view would wipe it).
function inviteSection(choices: AccountChoices, onInvited: () => Promise<void>): HTMLElement {
  const email = h("input", { type: "email", "data-testid": "user-email", placeholder: t("email") });
  const role = h(
    "select",
    { "data-testid": "user-role" },
    ...choices.roles.map((r) => h("option", { value: r }, t(`role_${r}`))),
  );
  const shopper = h(
    "select",
    { "data-testid": "user-shopper", "aria-label": t("accountShopper") },
    ...choices.shoppers.map((s) => h("option", { value: s.id }, `${s.name} (${s.id})`)),
  );
  const participant = h(
    "select",
    { "data-testid": "user-participant", "aria-label": t("accountParticipant") },
    ...choices.participants.map((p) => h("option", { value: p.id }, `${p.name} – ${p.industry} (${p.id})`)),
  );
  const showLinks = () => {
    shopper.hidden = role.value !== "shopper";
    participant.hidden = role.value !== "participant";
  };
  role.addEventListener("change", showLinks);
  showLinks();
  const out = h("p", { "data-testid": "invite-url", class: "meta" });
  const problem = problemSlot("invite-problem");
  const invite = h("button", { type: "button", class: "primary", "data-testid": "invite" }, t("invite"));
  onClick(
    invite,
    async () => {
      problem.clear();
      out.textContent = "";
      const chosen = choices.roles.find((r) => r === role.value);
      if (chosen === undefined) return;
      const body: NewInvitation = { email: email.value, role: chosen };
      if (chosen === "shopper") body.shopper = shopper.value;
      if (chosen === "participant") body.participant = participant.value;
      const reply = await api.invite(body);
      // Shown once: the server keeps only the link's hash.
      out.textContent = `${reply.url} (${instant(reply.expires_at)})`;
      await onInvited();
    },
    (e) => problem.show(e),
  );
  return h(
    "section",
    { class: "card" },
    h("h2", {}, t("invite")),
    email,
    role,
    shopper,
    participant,
    invite,
    out,
    problem.element,
  );
}

// The pending invitations of the roles the caller may create (the server
// filters), newest first; revoking one makes its link dead.
async function pendingSection(): Promise<HTMLElement> {
  const { invitations } = await api.pendingInvitations();
  const problem = problemSlot("revoke-problem");
  const row = (i: PendingInvitation): HTMLElement => {
    const revoke = h("button", { type: "button", "data-testid": `revoke-${i.id}` }, t("revokeButton"));
    onClick(
      revoke,
      async () => {
        await api.revokeInvitation(i.id);
        await refresh();
      },
      (e) => problem.show(e),
    );
    return h(
      "tr",
      { "data-testid": "pending-invitation" },
      h("td", {}, i.email),
      h("td", {}, t(`role_${i.role}`)),
      h("td", {}, i.shopper || i.participant),
      h("td", {}, `${t("invitationExpires")} ${instant(i.expires_at)}`),
      h("td", {}, revoke),
    );
  };
  return h(
    "section",
    { class: "card", "data-testid": "pending-invitations" },
    h("h2", {}, t("pendingInvitations")),
    invitations.length === 0
      ? h("p", { class: "meta" }, t("noPendingInvitations"))
      : h("table", { class: "answers" }, ...invitations.map(row)),
    h("p", { class: "meta" }, t("revokeHint")),
    problem.element,
  );
}

// One account: its state, and for the roles the caller may manage
// (domain::MayCreate, as GET /account-choices lists them) deactivation and a
// password reset link, shown once in the row.
function accountRow(u: Account, choices: AccountChoices, problem: ReturnType<typeof problemSlot>): HTMLElement {
  const state = u.active ? t("accountActive") : `${t("accountDeactivated")} ${instant(u.deactivated_at ?? "")}`;
  const link = h("span", { class: "meta", "data-testid": `reset-url-${u.id}` });
  const actions = h("td", {});
  if (choices.roles.includes(u.role)) {
    const toggle = h(
      "button",
      { type: "button", "data-testid": `${u.active ? "deactivate" : "reactivate"}-${u.id}` },
      t(u.active ? "deactivate" : "reactivate"),
    );
    onClick(
      toggle,
      async () => {
        problem.clear();
        await api.setUserActive(u.id, !u.active);
        await refresh();
      },
      (e) => problem.show(e),
    );
    const reset = h("button", { type: "button", "data-testid": `reset-${u.id}` }, t("resetLink"));
    onClick(
      reset,
      async () => {
        problem.clear();
        const reply = await api.passwordResetLink(u.id);
        link.textContent = `${reply.url} (${instant(reply.expires_at)})`;
      },
      (e) => problem.show(e),
    );
    actions.append(toggle, " ", reset, " ", link);
  }
  return h(
    "tr",
    { "data-testid": `account-${u.id}`, class: u.active ? "" : "inactive" },
    h("td", {}, u.name),
    h("td", {}, u.email),
    h("td", {}, t(`role_${u.role}`)),
    h("td", {}, u.shopper_id ?? u.participant_id ?? ""),
    h("td", { "data-testid": `account-state-${u.id}` }, state),
    actions,
  );
}

export async function usersView({ mount }: ViewContext): Promise<void> {
  const page = Math.max(1, Number(currentQuery().get("page") ?? "1") || 1);
  const [list, choices, pending] = await Promise.all([api.listUsers(page), api.accountChoices(), pendingSection()]);
  const pendingHolder = h("div", {}, pending);
  const users = list.users;
  const problem = problemSlot("account-problem");
  mount(
    h("h1", {}, t("users")),
    inviteSection(choices, async () => pendingHolder.replaceChildren(await pendingSection())),
    pendingHolder,
    h(
      "table",
      { class: "card answers" },
      h(
        "tr",
        {},
        ...[t("name"), t("email"), t("accountRole"), t("accountLinkedTo"), t("status"), ""].map((x) => h("th", {}, x)),
      ),
      ...users.map((u) => accountRow(u, choices, problem)),
    ),
    h("p", { class: "meta" }, t("resetHint")),
    problem.element,
    pager(list, (n) => go(`#/users?page=${n}`), "users-pager"),
  );
}
