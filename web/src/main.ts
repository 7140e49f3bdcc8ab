// cxbench web app: one page, hash routes, one view per role's task.
import "./style.css";
import { api, ApiError, setCsrf } from "./api";
import { barChart } from "./charts";
import { fixed, h, mount } from "./dom";
import { channelLabel, language, setLanguage, statusLabel, t } from "./i18n";

interface Account { id: number; email: string; name: string; role: string; language: string; shopper_id?: string; participant_id?: string }
let me: Account | null = null;
let studyName = "";

function go(hash: string): void {
  if (location.hash === hash) void route();
  else location.hash = hash;
}

function header(): void {
  const top = document.getElementById("top")!;
  if (!me) {
    top.replaceChildren(h("span", { class: "brand" }, "cxbench"));
    return;
  }
  const links: HTMLElement[] = [];
  if (me.role === "shopper") links.push(h("a", { href: "#/" }, t("assignments")));
  if (me.role === "admin" || me.role === "manager") {
    links.push(h("a", { href: "#/" }, t("dashboard")), h("a", { href: "#/qa" }, t("qa")), h("a", { href: "#/audit" }, t("audit")));
  }
  if (me.role === "admin" || me.role === "manager") links.push(h("a", { href: "#/users" }, t("users")));
  if (me.role === "participant") links.push(h("a", { href: "#/" }, t("results")));
  links.push(h("a", { href: "#/ranking", "data-testid": "nav-ranking" }, t("ranking")));
  const languageButton = h("button", { class: "link", "data-testid": "language", type: "button" }, language() === "nb" ? "English" : "Norsk");
  languageButton.addEventListener("click", async () => {
    const next = language() === "nb" ? "en" : "nb";
    await api("PUT", "/me/language", { language: next });
    setLanguage(next);
    if (me) me.language = next;
    header();
    void route();
  });
  const logout = h("button", { class: "link", "data-testid": "logout", type: "button" }, t("logout"));
  logout.addEventListener("click", async () => {
    await api("DELETE", "/session");
    me = null;
    setCsrf("");
    header();
    go("#/login");
  });
  top.replaceChildren(h("span", { class: "brand" }, "cxbench"), h("span", { class: "study" }, studyName), h("nav", {}, ...links, languageButton, logout));
}

async function loadMe(): Promise<boolean> {
  try {
    const response = await api("GET", "/me");
    me = response.account;
    studyName = response.study.name;
    setCsrf(response.csrf_token);
    setLanguage(me!.language);
    return true;
  } catch {
    me = null;
    return false;
  }
}

function loginView(): void {
  const email = h("input", { type: "email", name: "email", autocomplete: "username", required: true, "data-testid": "email" });
  const password = h("input", { type: "password", name: "password", autocomplete: "current-password", required: true, "data-testid": "password" });
  const error = h("p", { class: "error", role: "alert" });
  const form = h("form", { class: "card narrow" }, h("h1", {}, t("login")), h("label", {}, t("email"), email), h("label", {}, t("password"), password), error, h("button", { type: "submit", "data-testid": "login" }, t("login")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      await api("POST", "/session", { email: email.value, password: password.value });
      await loadMe();
      header();
      go("#/");
    } catch (e) {
      error.textContent = e instanceof ApiError && e.status === 429 ? e.detail : t("wrongLogin");
    }
  });
  mount(form);
}

async function shopperHome(): Promise<void> {
  const { assignments } = await api("GET", "/assignments");
  const items = assignments.map((a: any) =>
    h("li", {}, h("a", { href: `#/assignment/${encodeURIComponent(a.id)}`, class: "assignment", "data-testid": `assignment-${a.id}` },
      h("strong", {}, a.company), h("span", {}, `${channelLabel(a.channel)} · ${a.planned_at.replace("T", " ")}`),
      h("span", { class: `status ${a.status}` }, statusLabel(a.status)))));
  mount(h("h1", {}, t("assignments")), items.length ? h("ul", { class: "list" }, ...items) : h("p", {}, t("noAssignments")));
}

// The questionnaire of one assignment: every change is saved as a draft at once.
async function assignmentView(id: string): Promise<void> {
  let a = await api("GET", `/assignments/${encodeURIComponent(id)}`);
  // Later replies (start, answered, draft) carry the contact, not the questionnaire.
  const questionnaire = a.questionnaire;
  const editable = ["planned", "started", "returned"].includes(a.status);
  const answers = new Map<string, any>(a.answers.map((x: any) => [x.question, x]));
  const comments = new Map<string, string>(a.comments.map((c: any) => [c.area, c.text]));
  const saveState = h("p", { class: "save-state", "data-testid": "save-state", role: "status" });
  const problem = h("p", { class: "error", role: "alert", "data-testid": "problem" });
  let saving: Promise<void> = Promise.resolve();

  function save(): void {
    saveState.textContent = t("saving");
    const body = { answers: [...answers.values()], comments: [...comments].map(([area, text]) => ({ area, text })) };
    // One save at a time, in order: the last change is the one that stays.
    saving = saving.then(async () => {
      try {
        a = await api("PUT", `/assignments/${encodeURIComponent(id)}/draft`, body);
        saveState.textContent = t("saved");
        problem.textContent = "";
      } catch (e) {
        saveState.textContent = "";
        problem.textContent = e instanceof ApiError ? e.detail : String(e);
      }
    });
  }

  function relevant(q: any): boolean {
    if (!q.relevance) return true;
    const earlier = answers.get(q.relevance.question);
    if (!earlier) return false;
    const text = earlier.not_applicable ? "na" : earlier.text ?? (earlier.number >= 0.5 ? "yes" : "no");
    const asText = earlier.text ?? (typeof earlier.number === "number" && !Number.isInteger(earlier.number) ? String(earlier.number) : text);
    const questionType = questionnaire.questions.find((x: any) => x.id === q.relevance.question)?.type;
    const value = questionType === "yes_no" ? text : earlier.not_applicable ? "na" : earlier.text ?? String(earlier.number ?? asText);
    return q.relevance.values.includes(value) !== q.relevance.negate;
  }

  const form = h("div", { class: "questionnaire" });
  function render(): void {
    const sections: HTMLElement[] = [];
    for (const area of questionnaire.areas) {
      const questions = questionnaire.questions.filter((q: any) => q.area === area.id && q.type !== "duration" && relevant(q));
      if (!questions.length) continue;
      const fields = questions.map((q: any) => questionField(q));
      const comment = h("textarea", { rows: 2, "data-testid": `comment-${area.id}`, disabled: !editable });
      comment.value = comments.get(area.id) ?? "";
      comment.addEventListener("change", () => { comments.set(area.id, comment.value); save(); });
      sections.push(h("section", { class: "card" }, h("h2", {}, area.label), ...fields, h("label", {}, t("comment"), comment)));
    }
    form.replaceChildren(...sections);
  }

  function choose(q: any, value: any): void {
    answers.set(q.id, { question: q.id, ...value });
    save();
    render();
  }

  function questionField(q: any): HTMLElement {
    const current = answers.get(q.id);
    const options: { label: string; value: any }[] = [];
    if (q.type === "yes_no") options.push({ label: t("yes"), value: { number: 1 } }, { label: t("no"), value: { number: 0 } });
    else if (["scale", "nps", "csat", "ces"].includes(q.type)) for (let v = q.min; v <= q.max; v++) options.push({ label: String(v), value: { number: v } });
    else if (q.type === "choice") for (const o of q.options) options.push({ label: o.label, value: { text: o.id } });
    if (q.allow_na) options.push({ label: t("notApplicable"), value: { not_applicable: true } });
    const legend = h("legend", {}, q.label, q.required ? h("span", { class: "required", title: t("required") }, " *") : null);
    if (q.type === "text" || q.type === "number") {
      const input = q.type === "text" ? h("textarea", { rows: 2, disabled: !editable }) : h("input", { type: "number", min: q.min, max: q.max > q.min ? q.max : undefined, disabled: !editable });
      input.setAttribute("data-testid", `q-${q.id}`);
      (input as HTMLInputElement).value = current ? String(current.text ?? current.number ?? "") : "";
      input.addEventListener("change", () => {
        const value = (input as HTMLInputElement).value;
        if (value === "") { answers.delete(q.id); save(); return; }
        choose(q, q.type === "text" ? { text: value } : { number: Number(value) });
      });
      return h("fieldset", { class: "question" }, legend, input);
    }
    const buttons = options.map((option) => {
      const selected = current !== undefined && JSON.stringify({ ...current, question: undefined }) === JSON.stringify({ ...option.value, question: undefined });
      const button = h("button", { type: "button", class: selected ? "option selected" : "option", "aria-pressed": selected ? "true" : "false", "data-testid": `q-${q.id}-${option.label}`, disabled: !editable }, option.label);
      button.addEventListener("click", () => choose(q, option.value));
      return button;
    });
    return h("fieldset", { class: "question", "data-testid": `q-${q.id}` }, legend, h("div", { class: "options" }, ...buttons));
  }

  const timing = h("div", { class: "card timing" });
  const statusBadge = h("span", { class: `status ${a.status}`, "data-testid": "status" }, statusLabel(a.status));
  function renderTiming(): void {
    statusBadge.className = `status ${a.status}`;
    statusBadge.textContent = statusLabel(a.status);
    const parts: HTMLElement[] = [];
    if (!a.started_at && editable) {
      const start = h("button", { type: "button", class: "primary", "data-testid": "start" }, t("start"));
      start.addEventListener("click", async () => { a = await api("POST", `/assignments/${encodeURIComponent(id)}/start`); renderTiming(); });
      parts.push(start);
    } else if (a.started_at && !a.answered_at && editable) {
      const responders = a.channel === "chat" || a.channel === "messenger" ? [["person", t("person")], ["chatbot", t("chatbot")]] : [["", t("answered")]];
      for (const [responder, label] of responders) {
        const button = h("button", { type: "button", class: "primary", "data-testid": `answered${responder ? "-" + responder : ""}` }, label);
        button.addEventListener("click", async () => {
          a = await api("POST", `/assignments/${encodeURIComponent(id)}/answered`, responder ? { responder } : {});
          for (const x of a.answers) answers.set(x.question, x);
          renderTiming();
        });
        parts.push(button);
      }
    }
    if (a.wait_s !== null && a.wait_s !== undefined) parts.push(h("p", { "data-testid": "wait" }, `${t("answeredAfter")} ${fixed(a.wait_s, 0)} s`));
    timing.replaceChildren(...parts);
  }

  const submit = h("button", { type: "button", class: "primary", "data-testid": "submit", disabled: !editable }, t("submit"));
  submit.addEventListener("click", async () => {
    await saving;
    try {
      a = await api("POST", `/assignments/${encodeURIComponent(id)}/submit`);
      mount(h("div", { class: "card" }, h("h1", { "data-testid": "submitted" }, t("submitted")), h("a", { href: "#/" }, t("back"))));
    } catch (e) {
      problem.textContent = e instanceof ApiError ? e.detail : String(e);
    }
  });

  render();
  renderTiming();
  mount(
    h("a", { href: "#/", class: "back" }, "← " + t("back")),
    h("h1", {}, a.company),
    h("p", { class: "meta" }, `${channelLabel(a.channel)} · ${a.planned_at.replace("T", " ")} · `, statusBadge),
    a.message ? h("p", { class: "card returned" }, `${t("returnedMessage")}: ${a.message}`) : null,
    a.scenario ? h("details", { class: "card", open: true }, h("summary", {}, `${t("scenario")}: ${a.scenario.title}`), h("p", {}, a.scenario.script)) : h("span"),
    timing, form, problem, saveState, submit,
  );
}

async function dashboard(): Promise<void> {
  const [progress, qa, results] = await Promise.all([
    api("GET", "/progress"),
    api("GET", "/qa"),
    api("GET", "/results").catch(() => null),
  ]);
  const total = progress.total?.[0] ?? { total: 0, done: 0 };
  const weeks = (progress.week ?? []).sort((x: any, y: any) => Number(x.key) - Number(y.key));
  const shoppers = (progress.shopper ?? []).sort((x: any, y: any) => y.total - x.total).slice(0, 20);
  const blocks: HTMLElement[] = [
    h("h1", {}, t("dashboard")),
    h("div", { class: "kpis" },
      h("div", { class: "card kpi" }, h("span", {}, t("done")), h("strong", { "data-testid": "done" }, `${total.done} / ${total.total}`)),
      h("div", { class: "card kpi" }, h("span", {}, t("qaBacklog")), h("strong", { "data-testid": "qa-backlog" }, String(qa.queue.length)))),
    h("section", { class: "card" }, h("h2", {}, t("progress")), barChart("progress-chart", weeks.map((w: any) => `${t("week")} ${w.key}`), [{ name: t("planned"), values: weeks.map((w: any) => w.total) }, { name: t("done"), values: weeks.map((w: any) => w.done) }])),
  ];
  if (results) {
    const industries = results.industries.filter((i: any) => i.mean !== null);
    blocks.push(h("section", { class: "card" }, h("h2", {}, t("scoresByIndustry")), barChart("industry-chart", industries.map((i: any) => i.name), [{ name: t("industryMean"), values: industries.map((i: any) => i.mean) }, { name: t("industryBest"), values: industries.map((i: any) => i.best) }], true, 100)));
  }
  const table = (rows: any[], label: (key: string) => string, id: string) =>
    h("table", { class: "answers", "data-testid": id },
      h("tr", {}, h("th", {}, ""), h("th", {}, t("planned")), h("th", {}, t("done")), h("th", {}, t("qaBacklog"))),
      ...rows.map((row: any) => h("tr", {}, h("td", {}, label(row.key)), h("td", {}, String(row.total)), h("td", {}, String(row.done)), h("td", {}, String(row.submitted)))));
  blocks.push(h("section", { class: "card" }, h("h2", {}, t("channels")), table(progress.channel ?? [], channelLabel, "progress-channels")));
  const behind = [...(progress.participant ?? [])].sort((x: any, y: any) => x.done / x.total - y.done / y.total).slice(0, 15);
  blocks.push(h("section", { class: "card" }, h("h2", {}, t("furthestBehind")), table(behind.map((row: any) => ({ ...row, key: row.label ?? row.key })), (key) => key, "progress-participants")));
  blocks.push(h("section", { class: "card" }, h("h2", {}, t("shopperWorkload")), barChart("workload-chart", shoppers.map((s: any) => s.key), [{ name: t("planned"), values: shoppers.map((s: any) => s.total) }, { name: t("done"), values: shoppers.map((s: any) => s.done) }], true)));
  mount(...blocks);
}

async function qaQueue(): Promise<void> {
  const { queue } = await api("GET", "/qa");
  mount(h("h1", {}, `${t("qa")} (${queue.length})`), h("ul", { class: "list" }, ...queue.slice(0, 200).map((c: any) =>
    h("li", {}, h("a", { href: `#/qa/${encodeURIComponent(c.id)}`, class: "assignment", "data-testid": `qa-${c.id}` }, h("strong", {}, c.company), h("span", {}, `${channelLabel(c.channel)} · ${c.shopper} · ${c.planned_at.replace("T", " ")}`))))));
}

async function qaReview(id: string): Promise<void> {
  const c = await api("GET", `/assignments/${encodeURIComponent(id)}`);
  const labels = new Map<string, any>(c.questionnaire.questions.map((q: any) => [q.id, q]));
  const problem = h("p", { class: "error", role: "alert", "data-testid": "problem" });
  const rows = c.answers.map((x: any) => {
    const q = labels.get(x.question);
    const value = x.not_applicable ? t("notApplicable") : x.text ?? (q?.type === "yes_no" ? (x.number >= 0.5 ? t("yes") : t("no")) : String(x.number));
    return h("tr", { "data-testid": `answer-${x.question}` }, h("td", {}, q?.label ?? x.question), h("td", {}, value));
  });
  const question = h("select", { "data-testid": "correct-question" }, ...c.answers.map((x: any) => h("option", { value: x.question }, labels.get(x.question)?.label ?? x.question)));
  const value = h("input", { "data-testid": "correct-value", placeholder: "1 / 0 / …" });
  const reason = h("input", { "data-testid": "correct-reason", placeholder: t("reason") });
  const correct = h("button", { type: "button", "data-testid": "correct" }, t("correct"));
  correct.addEventListener("click", async () => {
    const q = labels.get(question.value);
    const body: any = { question: question.value, reason: reason.value };
    if (q?.type === "choice" || q?.type === "text") body.text = value.value; else body.number = Number(value.value);
    try { await api("POST", `/contacts/${encodeURIComponent(id)}/corrections`, body); void qaReview(id); } catch (e) { problem.textContent = e instanceof ApiError ? e.detail : String(e); }
  });
  const approve = h("button", { type: "button", class: "primary", "data-testid": "approve" }, t("approve"));
  approve.addEventListener("click", async () => {
    try { await api("POST", `/contacts/${encodeURIComponent(id)}/approve`); go("#/qa"); } catch (e) { problem.textContent = e instanceof ApiError ? e.detail : String(e); }
  });
  const message = h("input", { "data-testid": "return-message", placeholder: t("message") });
  const back = h("button", { type: "button", "data-testid": "return" }, t("returnToShopper"));
  back.addEventListener("click", async () => {
    try { await api("POST", `/contacts/${encodeURIComponent(id)}/return`, { message: message.value }); go("#/qa"); } catch (e) { problem.textContent = e instanceof ApiError ? e.detail : String(e); }
  });
  const changes = (c.changes ?? []).map((e: any) => h("li", {}, `${e.at} ${e.actor}: ${e.field} ${e.old} → ${e.new}${e.reason ? " (" + e.reason + ")" : ""}`));
  mount(
    h("a", { href: "#/qa", class: "back" }, "← " + t("qa")),
    h("h1", {}, c.company), h("p", { class: "meta" }, `${channelLabel(c.channel)} · ${c.shopper} · `, h("span", { "data-testid": "status" }, statusLabel(c.status)), c.wait_s !== null ? ` · ${t("wait")} ${fixed(c.wait_s, 0)} s` : ""),
    h("table", { class: "card answers" }, ...rows),
    ...c.comments.map((x: any) => h("blockquote", {}, x.text)),
    h("section", { class: "card" }, h("h2", {}, t("correct")), question, value, reason, correct),
    h("section", { class: "card" }, approve, message, back), problem,
    h("section", { class: "card" }, h("h2", {}, t("audit")), h("ul", { "data-testid": "changes" }, ...changes)),
  );
}

async function auditView(): Promise<void> {
  const { entries } = await api("GET", "/audit");
  mount(h("h1", {}, t("audit")), h("table", { class: "card answers" }, ...entries.slice(0, 300).map((e: any) =>
    h("tr", {}, h("td", {}, e.at), h("td", {}, e.actor), h("td", {}, `${e.entity_id} ${e.field}`), h("td", {}, `${e.old} → ${e.new}`), h("td", {}, e.reason)))));
}

async function resultsView(participant: string): Promise<void> {
  const r = await api("GET", `/participants/${encodeURIComponent(participant)}/results`);
  const p = r.participant;
  const areaIds = Object.keys(p.areas);
  const channels = Object.keys(p.channels);
  const cx = [
    p.nps ? `NPS ${fixed(p.nps.value, 0)} (${fixed(p.nps.ci?.[0], 0)} – ${fixed(p.nps.ci?.[1], 0)})` : null,
    p.csat ? `CSAT ${fixed(p.csat.value, 0)} %` : null,
    p.ces ? `CES ${fixed(p.ces.mean, 2)}` : null,
  ].filter(Boolean).join(" · ");
  mount(
    h("h1", {}, p.name),
    r.industry.winner_clear ? h("p", { class: "badge", "data-testid": "best-in-test" }, t("bestInTest")) : h("span"),
    h("div", { class: "kpis" },
      h("div", { class: "card kpi" }, h("span", {}, t("score")), h("strong", { "data-testid": "score" }, fixed(p.score)), h("small", {}, p.ci ? `${fixed(p.ci[0])} – ${fixed(p.ci[1])}` : "")),
      h("div", { class: "card kpi" }, h("span", {}, t("rank")), h("strong", { "data-testid": "rank" }, p.rank ? `${p.rank} / ${r.industry.participants}` : "–"), h("small", {}, p.rank_ci ? `${p.rank_ci[0]}–${p.rank_ci[1]}` : "")),
      h("div", { class: "card kpi" }, h("span", {}, t("industryMean")), h("strong", {}, fixed(r.industry.mean)), h("small", {}, `${t("industryBest")} ${fixed(r.industry.best)}`))),
    h("section", { class: "card" }, h("h2", {}, t("areas")), barChart("areas-chart", areaIds.map((id) => r.area_labels[id] ?? id), [{ name: p.name, values: areaIds.map((id) => p.areas[id]) }, { name: t("industryMean"), values: areaIds.map((id) => r.industry.areas?.[id] ?? null) }], true, 100)),
    h("section", { class: "card" }, h("h2", {}, t("channels")), barChart("channels-chart", channels.map(channelLabel), [{ name: p.name, values: channels.map((c) => p.channels[c].score) }, { name: t("industryMean"), values: channels.map((c) => r.industry.channels?.[c] ?? null) }], false, 100)),
    cx ? h("p", { class: "card", "data-testid": "cx" }, cx) : h("span"),
    h("p", {}, h("a", { href: `/api/v1/participants/${encodeURIComponent(participant)}/report?format=pdf`, "data-testid": "report-pdf" }, t("downloadReport")), " · ",
      h("a", { href: `/api/v1/participants/${encodeURIComponent(participant)}/report?format=html`, "data-testid": "report-html" }, t("downloadHtml"))),
  );
}


async function rankingView(): Promise<void> {
  const r = await api("GET", "/ranking");
  const sections = r.industries.map((i: any) =>
    h("section", { class: "card ranking", "data-testid": `ranking-${i.id}` },
      h("h2", {}, i.name),
      i.ranked.length === 0 ? h("p", { class: "meta" }, t("noneRanked")) : h("table", { class: "answers" },
        h("tr", {}, h("th", {}, t("rank")), h("th", {}, t("company")), h("th", {}, t("score")), h("th", {}, "95 %")),
        ...i.ranked.map((p: any) => h("tr", { class: p.id === i.winner ? "winner" : "" },
          h("td", {}, p.rank === null ? "–" : String(p.rank)),
          h("td", {}, p.name, p.id === i.winner && i.winner_clear ? h("span", { class: "badge small" }, ` ${t("bestInTest")}`) : p.id === i.winner ? ` (${t("notClear")})` : ""),
          h("td", {}, fixed(p.score)),
          h("td", {}, p.ci ? `${fixed(p.ci[0])} – ${fixed(p.ci[1])}` : "–"))))));
  const channels = Object.keys(r.channels);
  mount(
    h("h1", {}, t("ranking")),
    h("section", { class: "card" }, h("h2", {}, t("channels")),
      barChart("channel-chart", channels.map(channelLabel), [{ name: t("industryMean"), values: channels.map((c) => r.channels[c].mean) }, { name: t("industryBest"), values: channels.map((c) => r.channels[c].best?.score ?? null) }], false, 100),
      h("ul", {}, ...channels.filter((c) => r.channels[c].best).map((c) => h("li", {}, `${channelLabel(c)}: ${r.channels[c].best.name} (${fixed(r.channels[c].best.score)})`)))),
    h("section", { class: "card" }, h("h2", {}, "Chat"),
      barChart("chat-chart", [t("person"), t("chatbot")], [{ name: t("score"), values: [r.chat.person.mean, r.chat.chatbot.mean] }], true, 100)),
    ...sections,
  );
}

async function usersView(): Promise<void> {
  const { users } = await api("GET", "/users");
  const email = h("input", { type: "email", "data-testid": "user-email", placeholder: t("email") });
  const role = h("select", { "data-testid": "user-role" }, ...["shopper", "participant", "manager", "admin"].map((r) => h("option", { value: r }, r)));
  const link = h("input", { "data-testid": "user-link", placeholder: "shopper / participant id" });
  const out = h("p", { "data-testid": "invite-url", class: "meta" });
  const invite = h("button", { type: "button", class: "primary", "data-testid": "invite" }, t("invite"));
  invite.addEventListener("click", async () => {
    const body: any = { email: email.value, role: role.value };
    if (role.value === "shopper") body.shopper = link.value;
    if (role.value === "participant") body.participant = link.value;
    try { const r = await api("POST", "/invitations", body); out.textContent = `${r.url} (${r.expires_at})`; }
    catch (e) { out.textContent = e instanceof ApiError ? e.detail : String(e); }
  });
  mount(
    h("h1", {}, t("users")),
    h("section", { class: "card" }, h("h2", {}, t("invite")), email, role, link, invite, out),
    h("table", { class: "card answers" }, ...users.map((u: any) => h("tr", {}, h("td", {}, u.name), h("td", {}, u.email), h("td", {}, u.role), h("td", {}, u.shopper_id ?? u.participant_id ?? "")))),
  );
}

function inviteView(token: string): void {
  const name = h("input", { "data-testid": "invite-name" });
  const password = h("input", { type: "password", autocomplete: "new-password", "data-testid": "invite-password" });
  const error = h("p", { class: "error", role: "alert" });
  const form = h("form", { class: "card narrow" }, h("h1", {}, t("acceptInvite")), h("label", {}, t("name"), name), h("label", {}, t("password"), password), error, h("button", { type: "submit" }, t("acceptInvite")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    try { await api("POST", `/invitations/${encodeURIComponent(token)}/accept`, { name: name.value, password: password.value, language: language() }); go("#/login"); }
    catch (e) { error.textContent = e instanceof ApiError ? e.detail : String(e); }
  });
  mount(form);
}

async function route(): Promise<void> {
  const path = location.hash.replace(/^#/, "") || "/";
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  if (parts[0] === "invite" && parts[1]) return inviteView(parts[1]);
  if (!me && !(await loadMe())) { header(); return loginView(); }
  header();
  try {
    if (parts[0] === "login") return go("#/");
    if (parts[0] === "assignment" && parts[1]) return await assignmentView(parts[1]);
    if (parts[0] === "qa" && parts[1]) return await qaReview(parts[1]);
    if (parts[0] === "qa") return await qaQueue();
    if (parts[0] === "audit") return await auditView();
    if (parts[0] === "ranking") return await rankingView();
    if (parts[0] === "users") return await usersView();
    if (parts[0] === "results" && parts[1]) return await resultsView(parts[1]);
    if (me!.role === "shopper") return await shopperHome();
    if (me!.role === "participant") return await resultsView(me!.participant_id!);
    return await dashboard();
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) { me = null; return loginView(); }
    mount(h("div", { class: "card error", role: "alert", "data-testid": "denied" }, e instanceof ApiError && (e.status === 403 || e.status === 404) ? `${t("forbidden")}: ${e.detail}` : String(e)));
  }
}

window.addEventListener("hashchange", () => void route());
// The manager's dashboard follows fieldwork: it refreshes every 30 seconds.
setInterval(() => {
  if (me && (me.role === "admin" || me.role === "manager") && (location.hash === "" || location.hash === "#/")) void route();
}, 30000);
void route();
