// One assignment: the role play, timing the contact, the questionnaire saved
// as a draft at every change, and submitting it once. Every tap goes to the
// outbox first (src/offline/outbox.ts): the view shows the assignment as the
// phone has it (the server's last copy with the changes not yet sent laid
// over it), so it opens and works with no network, after a reload too.
import { ApiProblem } from "../../api/client";
import * as api from "../../api/endpoints";
import type { AssignmentDetail, Contact, Question } from "../../api/types";
import { problemSlot } from "../../components/problem";
import { h, onClick } from "../../dom";
import { localTime } from "../../format";
import { channelLabel, t } from "../../i18n";
import type { ViewContext } from "../../router";
import { go } from "../../router";
import { enqueue, noteVersion, queued, subscribe, type QueuedOperation } from "../../offline/outbox";
import { scopeStatus } from "../../offline/status";
import { answerFieldNamer, draftSaver } from "../../questionnaire/draft";
import { questionnaireForm, type FormState } from "../../questionnaire/form";
import { askedOnDevice } from "../../questionnaire/asked";
import { predict } from "../../offline/predict";
import { nextAssignmentLink } from "./assignments";
import { evidenceCard } from "./evidence";
import { outcomeCard } from "./outcome";
import { timing, type Visit } from "./timing";

// A shopper may change a contact until it is submitted, and again when it is returned.
const editableStatuses = new Set<Contact["status"]>(["planned", "started", "returned"]);

function briefing(detail: AssignmentDetail): (HTMLElement | null)[] {
  return [
    detail.message ? h("p", { class: "card returned" }, `${t("returnedMessage")}: ${detail.message}`) : null,
    detail.scenario
      ? h(
          "details",
          { class: "card", open: true },
          h("summary", {}, `${t("scenario")}: ${detail.scenario.title}`),
          h("p", {}, detail.scenario.script),
        )
      : h("span"),
  ];
}

// The contact as the phone has it: the server's copy with the queued changes
// laid over it in order (offline/predict.ts; a refused submission is not one).
// `measured`: the questions the server measures.
export function withQueued(contact: Contact, ops: QueuedOperation[], measured: ReadonlySet<string>): Contact {
  let local = { ...contact };
  for (const op of ops) {
    if (op.kind === "submit" && op.failure) continue;
    const at = typeof op.body.device_at === "string" ? op.body.device_at : op.queuedAt;
    local = predict(local, op.kind, at, op.body, measured);
  }
  return local;
}

// The questions that must be answered before submitting and are not.
function missing(questions: Question[], state: FormState): Question[] {
  return questions.filter(
    (q) => q.required && q.type !== "duration" && state.asked.has(q.id) && !state.answers.has(q.id),
  );
}

async function load(id: string): Promise<AssignmentDetail | null> {
  try {
    return await api.getAssignment(id);
  } catch (error) {
    // Offline with no copy on the phone: said in the view.
    if (error instanceof ApiProblem && error.status === 0) return null;
    throw error;
  }
}

export async function assignmentView({ params, mount, scope }: ViewContext): Promise<void> {
  const detail = await load(params.id);
  if (!detail) {
    mount(h("a", { href: "#/", class: "back" }, "← " + t("back")), h("p", { class: "card" }, t("notOnPhone")));
    return;
  }
  const ops = await queued(params.id);
  if (!ops.length && typeof detail.version === "number") await noteVersion(params.id, detail.version);
  const { questionnaire } = detail;
  const measured = new Set(questionnaire.questions.filter((q) => q.type === "duration").map((q) => q.id));
  const contact = withQueued(detail, ops, measured);
  const state: FormState = {
    answers: new Map(contact.answers.map((x) => [x.question, x])),
    comments: new Map(contact.comments.map((c) => [c.area, c.text])),
    asked: new Set(detail.asked),
  };
  // Changes not yet sent: which questions they ask is the phone's to work out.
  if (ops.length) state.asked = askedOnDevice(questionnaire.questions, state.answers);
  const problem = problemSlot();
  const visit: Visit = {
    id: params.id,
    contact,
    editable: editableStatuses.has(contact.status),
    show: (e) => problem.show(e, answerFieldNamer([...state.answers.values()], questionnaire.questions)),
    // A tap is timed now, on the phone, so that the wait is measured between
    // two times of one clock whatever the network does (the server marks a
    // tap that reached it late as device time: domain::DeviceStamp).
    async write(kind, body) {
      const now = new Date().toISOString();
      const timed = kind === "submit" ? body : { ...body, device_at: now };
      // The last change to a text may still be on its way into the outbox.
      if (kind === "submit" && visit.contact.answered_at) await draft.save();
      await enqueue({
        scope: visit.id,
        kind,
        method: "POST",
        path: `/assignments/${encodeURIComponent(visit.id)}/${kind}`,
        body: timed,
      });
      visit.contact = predict(visit.contact, kind, now, timed, measured);
      visit.editable = editableStatuses.has(visit.contact.status);
    },
  };
  const status = scopeStatus(
    params.id,
    async () => (await api.getAssignment(params.id)).version ?? 0,
    () => go(location.hash),
  );
  scope.own(() => status.stop());
  // (`visit.write` saves the draft before a submission.)
  const draft = draftSaver(visit.id, state, questionnaire.questions);
  const form = questionnaireForm(questionnaire, state, visit.editable, () => {
    problem.clear();
    void draft.save().then(() => form.render(), visit.show);
  });
  const clock = timing(visit, (answered) => {
    for (const x of answered.answers) state.answers.set(x.question, x);
    form.render();
  });
  // The questionnaire opens once the contact was answered (outcome.ts).
  const done = async () => {
    const next = await nextAssignmentLink(visit.id);
    mount(
      h(
        "div",
        { class: "card" },
        h("h1", { "data-testid": "submitted" }, t("submitted")),
        status.element,
        next,
        h("a", { href: "#/" }, t("back")),
      ),
    );
    await status.refresh();
  };
  const outcome = outcomeCard(
    visit,
    () => follow(),
    () => void done(),
  );
  const follow = () => {
    clock.render();
    outcome.render();
    form.element.hidden = !visit.contact.answered_at;
    submit.hidden = !visit.contact.answered_at;
  };
  visit.changed = () => follow();

  // The server's reply, once everything of this assignment is sent: its
  // `asked` and measured answers are the ones to follow.
  scope.own(
    subscribe((changed, reply) => {
      if (changed !== visit.id || typeof reply !== "object" || reply === null || !("asked" in reply)) return;
      void queued(visit.id).then((left) => {
        if (left.length || !scope.active) return;
        const confirmed = reply as Contact;
        visit.contact = confirmed;
        state.asked = new Set(confirmed.asked);
        for (const x of confirmed.answers) if (!state.answers.has(x.question)) state.answers.set(x.question, x);
        form.render();
        follow();
      });
    }),
  );

  const submit = h("button", { type: "button", class: "primary", "data-testid": "submit", disabled: !visit.editable });
  submit.textContent = t("submit");
  onClick(
    submit,
    async () => {
      const open = visit.contact.answered_at ? missing(questionnaire.questions, state) : [];
      if (open.length) {
        problem.say(`${t("required")}: ${open.map((q) => q.label).join(", ")}`);
        return;
      }
      await visit.write("submit", {});
      await done();
    },
    visit.show,
  );

  form.render();
  follow();
  await status.refresh();
  mount(
    h("a", { href: "#/", class: "back" }, "← " + t("back")),
    h("h1", {}, detail.company),
    h("p", { class: "meta" }, `${channelLabel(detail.channel)} · ${localTime(detail.planned_at)} · `, clock.badge),
    ...briefing(detail),
    clock.card,
    outcome.card,
    form.element,
    evidenceCard(visit, detail.evidence ?? [], scope),
    problem.element,
    status.element,
    submit,
  );
}
