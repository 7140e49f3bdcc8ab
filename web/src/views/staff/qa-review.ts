// One submitted report under review, as the shopper saw it: question labels
// in the reader's language, option labels, yes and no, waits and durations
// as m:ss. A correction uses the control of the question's type (yes/no,
// scale, option list, duration, number, text) and needs a reason; the server
// checks the value as it checks a draft. "Approve" goes on to the next report
// of the queue filter the report was opened from.
import * as api from "../../api/endpoints";
import type { Answer, AssignmentDetail, ChangeEntry, Correction, Question } from "../../api/types";
import { problemSlot } from "../../components/problem";
import { h, onClick } from "../../dom";
import { instant, minutesSeconds, parseMinutesSeconds, shortNumber } from "../../format";
import { channelLabel, statusLabel, t } from "../../i18n";
import { currentQuery, go, refresh, type ViewContext } from "../../router";
import { evidencePreview } from "../shopper/evidence";
import { queueFilter, queueHash } from "./qa-queue";

// An answer as the shopper chose it: never an option id or a raw float.
export function answerText(answer: Answer | undefined, question: Question | undefined): string {
  if (!answer) return t("noAnswer");
  if (answer.not_applicable) return t("notApplicable");
  if (question?.type === "choice") {
    return question.options?.find((o) => o.id === answer.text)?.label ?? answer.text ?? "";
  }
  if (answer.text !== undefined) return answer.text;
  if (answer.number === undefined) return t("noAnswer");
  if (question?.type === "yes_no") return answer.number >= 0.5 ? t("yes") : t("no");
  if (question?.type === "duration") return minutesSeconds(answer.number);
  return shortNumber(answer.number);
}

// A value of the change log ("na", a text or option id, a number in shortest
// form, "" for none: domain::AnswerText) as the answer it stands for.
function loggedAnswer(value: string, question: Question): string {
  if (value === "") return t("noAnswer");
  if (value === "na") return t("notApplicable");
  const takesText = question.type === "choice" || question.type === "text";
  return answerText(
    takesText ? { question: question.id, text: value } : { question: question.id, number: Number(value) },
    question,
  );
}

function changeLine(e: ChangeEntry, questions: Map<string, Question>): HTMLElement {
  const question = e.field.startsWith("answer:") ? questions.get(e.field.slice("answer:".length)) : undefined;
  const field = question ? question.label : e.field;
  const old = question ? loggedAnswer(e.old, question) : e.old;
  const now = question ? loggedAnswer(e.new, question) : e.new;
  return h("li", {}, `${instant(e.at)} ${e.actor}: ${field} ${old} → ${now}${e.reason ? " (" + e.reason + ")" : ""}`);
}

// The control of a question's type, and how to read a correction from it
// (null: nothing chosen or typed yet; a string: what is wrong with it).
interface ValueControl {
  element: HTMLElement;
  read(): Omit<Correction, "question" | "reason"> | null | string;
}

function choiceControl(options: [string, string][], read: (value: string) => Omit<Correction, "question" | "reason">) {
  const element = h(
    "select",
    { "data-testid": "correct-value" },
    h("option", { value: "" }, t("choose")),
    ...options.map(([value, label]) => h("option", { value }, label)),
  );
  return { element, read: () => (element.value ? read(element.value) : null) };
}

function valueControl(question: Question): ValueControl {
  const na: [string, string][] = question.allow_na ? [["na", t("notApplicable")]] : [];
  const naOr = (value: string, then: () => Omit<Correction, "question" | "reason">) =>
    value === "na" ? { not_applicable: true } : then();
  if (question.type === "yes_no") {
    return choiceControl([["1", t("yes")], ["0", t("no")], ...na], (v) => naOr(v, () => ({ number: Number(v) })));
  }
  if (question.type === "choice") {
    const options = (question.options ?? []).map((o): [string, string] => [o.id, o.label]);
    return choiceControl([...options, ...na], (v) => naOr(v, () => ({ text: v })));
  }
  const whole = ["scale", "nps", "csat", "ces"].includes(question.type);
  if (whole && question.max - question.min <= 20) {
    const steps: [string, string][] = [];
    for (let v = question.min; v <= question.max; v++) steps.push([String(v), String(v)]);
    return choiceControl([...steps, ...na], (v) => naOr(v, () => ({ number: Number(v) })));
  }
  if (question.type === "duration") {
    const input = h("input", { "data-testid": "correct-value", placeholder: "m:ss", inputmode: "numeric" });
    return {
      element: input,
      read: () => {
        if (!input.value.trim()) return null;
        const seconds = parseMinutesSeconds(input.value);
        return seconds === null ? t("badDuration") : { number: seconds };
      },
    };
  }
  if (question.type === "text") {
    const area = h("textarea", { "data-testid": "correct-value" });
    return { element: area, read: () => (area.value.trim() ? { text: area.value } : null) };
  }
  const input = h("input", {
    type: "number",
    "data-testid": "correct-value",
    min: question.min,
    max: question.max,
    step: whole ? 1 : "any",
  });
  return {
    element: input,
    read: () => (input.value === "" || Number.isNaN(input.valueAsNumber) ? null : { number: input.valueAsNumber }),
  };
}

// The correction form over the questions asked on this report.
function correctionSection(id: string, c: AssignmentDetail, questions: Map<string, Question>) {
  const problem = problemSlot("correct-problem");
  const ids = [...new Set([...c.asked, ...c.answers.map((a) => a.question)])].filter((q) => questions.has(q));
  const question = h(
    "select",
    { "data-testid": "correct-question", "aria-label": t("question") },
    ...ids.map((q) => h("option", { value: q }, questions.get(q)!.label)),
  );
  const slot = h("span", { class: "correct-value" });
  let control: ValueControl | null = null;
  const choose = () => {
    const q = questions.get(question.value);
    control = q ? valueControl(q) : null;
    slot.replaceChildren(...(control ? [control.element] : []));
  };
  question.addEventListener("change", choose);
  choose();
  const reason = h("input", { "data-testid": "correct-reason", placeholder: t("reason"), "aria-label": t("reason") });
  const correct = h("button", { type: "button", "data-testid": "correct" }, t("correct"));
  onClick(
    correct,
    async () => {
      problem.clear();
      const value = control?.read() ?? null;
      if (value === null) return problem.say(t("valueRequired"));
      if (typeof value === "string") return problem.say(value);
      if (!reason.value.trim()) return problem.say(t("reasonRequired"));
      await api.correctAnswer(id, { question: question.value, reason: reason.value.trim(), ...value });
      await refresh();
    },
    (e) => problem.show(e),
  );
  return h("section", { class: "card" }, h("h2", {}, t("correct")), question, slot, reason, correct, problem.element);
}

function decisionSection(id: string, filter: URLSearchParams, onError: (e: unknown) => void): HTMLElement {
  const approve = h("button", { type: "button", class: "primary", "data-testid": "approve" }, t("approveAndNext"));
  const done = h("p", { class: "meta", "data-testid": "queue-done" });
  onClick(
    approve,
    async () => {
      const reply = await api.approveReport(id, filter);
      if (reply.next === null) {
        done.textContent = t("queueDone");
        go(queueHash(filter));
        return;
      }
      const query = filter.toString();
      go(`#/qa/${encodeURIComponent(reply.next)}${query ? "?" + query : ""}`);
    },
    onError,
  );
  const message = h("input", { "data-testid": "return-message", placeholder: t("message") });
  const back = h("button", { type: "button", "data-testid": "return" }, t("returnToShopper"));
  onClick(
    back,
    async () => {
      await api.returnReport(id, message.value);
      go(queueHash(filter));
    },
    onError,
  );
  return h("section", { class: "card" }, approve, message, back, done);
}

// The files the shopper attached, played or shown in the page; staff may
// remove one with a reason.
function evidenceSection(c: AssignmentDetail, problem: ReturnType<typeof problemSlot>): HTMLElement {
  const rows = (c.evidence ?? []).map((file) => {
    const reason = h("input", {
      placeholder: t("evidenceRemoveReason"),
      "aria-label": t("evidenceRemoveReason"),
      "data-testid": "evidence-remove-reason",
    });
    const remove = h("button", { type: "button", "data-testid": "evidence-remove" }, t("evidenceRemove"));
    onClick(
      remove,
      async () => {
        problem.clear();
        if (!reason.value.trim()) return problem.say(t("reasonRequired"));
        await api.removeEvidence(file.id, reason.value.trim());
        await refresh();
      },
      (e) => problem.show(e),
    );
    return h(
      "li",
      { "data-testid": "evidence-file" },
      h("span", { class: "evidence-name" }, file.name),
      h("span", { class: "meta" }, ` · ${file.size} · ${file.uploaded_by} · ${instant(file.uploaded_at)} `),
      evidencePreview(file),
      h("span", { class: "evidence-remove" }, reason, remove),
    );
  });
  return h(
    "section",
    { class: "card", "data-testid": "evidence" },
    h("h2", {}, t("evidence")),
    h("ul", { class: "evidence" }, ...(rows.length ? rows : [h("li", { class: "meta" }, t("noEvidence"))])),
  );
}

function answerRows(c: AssignmentDetail, questions: Map<string, Question>): HTMLElement[] {
  const answers = new Map(c.answers.map((a) => [a.question, a]));
  const ids = [...new Set([...c.asked, ...c.answers.map((a) => a.question)])];
  return ids.map((id) => {
    const q = questions.get(id);
    return h(
      "tr",
      { "data-testid": `answer-${id}` },
      h("td", {}, q?.label ?? id),
      h("td", {}, answerText(answers.get(id), q)),
    );
  });
}

export async function qaReviewView({ params, mount }: ViewContext): Promise<void> {
  const id = params.id;
  const filter = queueFilter(currentQuery());
  const c = await api.getAssignment(id);
  const questions = new Map<string, Question>(c.questionnaire.questions.map((q) => [q.id, q]));
  const areas = new Map(c.questionnaire.areas.map((a) => [a.id, a.label]));
  const problem = problemSlot();
  mount(
    h("a", { href: queueHash(filter), class: "back", "data-testid": "back-to-queue" }, "← " + t("qa")),
    h("h1", {}, c.company),
    h(
      "p",
      { class: "meta" },
      `${channelLabel(c.channel)} · ${c.shopper} · `,
      h("span", { "data-testid": "status" }, statusLabel(c.status)),
      " · ",
      h(
        "span",
        { "data-testid": "wait" },
        c.wait_s !== null ? `${t("wait")} ${minutesSeconds(c.wait_s)}` : t("noAnswer"),
      ),
    ),
    h(
      "p",
      { class: "meta", "data-testid": "times" },
      `${t("startedAt")} ${instant(c.started_at)} · ${t("answeredAt")} ${instant(c.answered_at)} · ${t("submittedAt")} ${instant(c.submitted_at)}`,
    ),
    h("table", { class: "card answers" }, ...answerRows(c, questions)),
    ...c.comments.map((x) => h("blockquote", {}, h("strong", {}, `${areas.get(x.area) ?? x.area}: `), x.text)),
    evidenceSection(c, problem),
    correctionSection(id, c, questions),
    decisionSection(id, filter, (e) => problem.show(e)),
    problem.element,
    h(
      "section",
      { class: "card" },
      h("h2", {}, t("audit")),
      h("ul", { "data-testid": "changes" }, ...(c.changes ?? []).map((e) => changeLine(e, questions))),
    ),
  );
}
