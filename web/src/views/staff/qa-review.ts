// One submitted report under review: its answers, a correction with a reason,
// approving it or returning it to the shopper, and its change log.
import * as api from "../../api/endpoints";
import type { Answer, AssignmentDetail, ChangeEntry, Correction, Question } from "../../api/types";
import { problemSlot } from "../../components/problem";
import { h, onClick } from "../../dom";
import { fixed } from "../../format";
import { channelLabel, statusLabel, t } from "../../i18n";
import { go, refresh, type ViewContext } from "../../router";

function answerText(answer: Answer, question: Question | undefined): string {
  if (answer.not_applicable) return t("notApplicable");
  if (answer.text !== undefined) return answer.text;
  if (question?.type === "yes_no") return (answer.number ?? 0) >= 0.5 ? t("yes") : t("no");
  return String(answer.number);
}

function changeLine(e: ChangeEntry): HTMLElement {
  return h("li", {}, `${e.at} ${e.actor}: ${e.field} ${e.old} → ${e.new}${e.reason ? " (" + e.reason + ")" : ""}`);
}

// The correction form; `questions` names the answered questions.
function correctionSection(
  id: string,
  c: AssignmentDetail,
  questions: Map<string, Question>,
  onError: (e: unknown) => void,
) {
  const label = (question: string) => questions.get(question)?.label ?? question;
  const question = h(
    "select",
    { "data-testid": "correct-question" },
    ...c.answers.map((x) => h("option", { value: x.question }, label(x.question))),
  );
  const value = h("input", { "data-testid": "correct-value", placeholder: "1 / 0 / …" });
  const reason = h("input", { "data-testid": "correct-reason", placeholder: t("reason") });
  const correct = h("button", { type: "button", "data-testid": "correct" }, t("correct"));
  onClick(
    correct,
    async () => {
      const type = questions.get(question.value)?.type;
      const body: Correction = { question: question.value, reason: reason.value };
      if (type === "choice" || type === "text") body.text = value.value;
      else body.number = Number(value.value);
      await api.correctAnswer(id, body);
      await refresh();
    },
    onError,
  );
  return h("section", { class: "card" }, h("h2", {}, t("correct")), question, value, reason, correct);
}

function decisionSection(id: string, onError: (e: unknown) => void): HTMLElement {
  const approve = h("button", { type: "button", class: "primary", "data-testid": "approve" }, t("approve"));
  onClick(
    approve,
    async () => {
      await api.approveReport(id);
      go("#/qa");
    },
    onError,
  );
  const message = h("input", { "data-testid": "return-message", placeholder: t("message") });
  const back = h("button", { type: "button", "data-testid": "return" }, t("returnToShopper"));
  onClick(
    back,
    async () => {
      await api.returnReport(id, message.value);
      go("#/qa");
    },
    onError,
  );
  return h("section", { class: "card" }, approve, message, back);
}

export async function qaReviewView({ params, mount }: ViewContext): Promise<void> {
  const id = params.id;
  const c = await api.getAssignment(id);
  const questions = new Map<string, Question>(c.questionnaire.questions.map((q) => [q.id, q]));
  const problem = problemSlot();
  const show = (e: unknown) => problem.show(e);
  const rows = c.answers.map((x) => {
    const q = questions.get(x.question);
    return h(
      "tr",
      { "data-testid": `answer-${x.question}` },
      h("td", {}, q?.label ?? x.question),
      h("td", {}, answerText(x, q)),
    );
  });
  mount(
    h("a", { href: "#/qa", class: "back" }, "← " + t("qa")),
    h("h1", {}, c.company),
    h(
      "p",
      { class: "meta" },
      `${channelLabel(c.channel)} · ${c.shopper} · `,
      h("span", { "data-testid": "status" }, statusLabel(c.status)),
      c.wait_s !== null ? ` · ${t("wait")} ${fixed(c.wait_s, 0)} s` : "",
    ),
    h("table", { class: "card answers" }, ...rows),
    ...c.comments.map((x) => h("blockquote", {}, x.text)),
    correctionSection(id, c, questions, show),
    decisionSection(id, show),
    problem.element,
    h(
      "section",
      { class: "card" },
      h("h2", {}, t("audit")),
      h("ul", { "data-testid": "changes" }, ...(c.changes ?? []).map(changeLine)),
    ),
  );
}
