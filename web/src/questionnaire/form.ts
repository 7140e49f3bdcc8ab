// The questionnaire of one contact as a form: one card per area with the
// questions asked now and a comment box. The form changes `state` in place
// and calls `changed` after every change, so the draft can be saved at once.
// Which questions are asked is the server's answer (`state.asked`), set from
// its replies: render() again after one.
import type { Answer, Question, Questionnaire } from "../api/types";
import { h } from "../dom";
import { t } from "../i18n";

export interface FormState {
  // Every answer given, also to questions hidden since (shown again when asked).
  answers: Map<string, Answer>;
  comments: Map<string, string>;
  // The ids of the questions asked now, from the server's last contact reply.
  asked: ReadonlySet<string>;
}

type AnswerValue = Omit<Answer, "question">;

const scales = new Set<Question["type"]>(["scale", "nps", "csat", "ces"]);

function sameValue(answer: Answer | undefined, value: AnswerValue): boolean {
  return (
    answer !== undefined &&
    Boolean(answer.not_applicable) === Boolean(value.not_applicable) &&
    answer.number === value.number &&
    answer.text === value.text
  );
}

// The buttons a question offers: yes/no, each step of a scale, each option.
function choices(q: Question): { label: string; value: AnswerValue }[] {
  const out: { label: string; value: AnswerValue }[] = [];
  if (q.type === "yes_no")
    out.push({ label: t("yes"), value: { number: 1 } }, { label: t("no"), value: { number: 0 } });
  else if (scales.has(q.type))
    for (let v = q.min; v <= q.max; v++) out.push({ label: String(v), value: { number: v } });
  else if (q.type === "choice") for (const o of q.options ?? []) out.push({ label: o.label, value: { text: o.id } });
  if (q.allow_na) out.push({ label: t("notApplicable"), value: { not_applicable: true } });
  return out;
}

export function questionnaireForm(
  questionnaire: Questionnaire,
  state: FormState,
  editable: boolean,
  changed: (question?: string) => void,
): { element: HTMLElement; render(): void } {
  const element = h("div", { class: "questionnaire" });
  // Typed fields and comment boxes are made once and kept, so a render after
  // a reply leaves what the shopper is typing (and the focus) alone.
  const typed = new Map<string, HTMLElement>();

  function choose(q: Question, value: AnswerValue): void {
    state.answers.set(q.id, { question: q.id, ...value });
    changed(q.id);
    render();
  }

  function legend(q: Question): HTMLElement {
    return h(
      "legend",
      { id: `label-${q.id}` },
      q.label,
      q.required ? h("span", { class: "required", title: t("required") }, " *") : null,
    );
  }

  // A text or a number typed in; emptying it withdraws the answer.
  function typedField(q: Question): HTMLElement {
    const kept = typed.get(q.id);
    if (kept) return kept;
    const current = state.answers.get(q.id);
    const input =
      q.type === "text"
        ? h("textarea", { rows: 2, disabled: !editable })
        : h("input", { type: "number", min: q.min, max: q.max > q.min ? q.max : undefined, disabled: !editable });
    input.setAttribute("data-testid", `q-${q.id}`);
    // A fieldset's legend names the group, not the field: name it too.
    input.setAttribute("aria-labelledby", `label-${q.id}`);
    input.value = current ? String(current.text ?? current.number ?? "") : "";
    input.addEventListener("change", () => {
      if (input.value === "") {
        state.answers.delete(q.id);
        changed(q.id);
        return;
      }
      choose(q, q.type === "text" ? { text: input.value } : { number: Number(input.value) });
    });
    const field = h("fieldset", { class: "question" }, legend(q), input);
    typed.set(q.id, field);
    return field;
  }

  function choiceField(q: Question): HTMLElement {
    const current = state.answers.get(q.id);
    const buttons = choices(q).map((option) => {
      const selected = sameValue(current, option.value);
      const button = h(
        "button",
        {
          type: "button",
          class: selected ? "option selected" : "option",
          "aria-pressed": selected ? "true" : "false",
          "data-testid": `q-${q.id}-${option.label}`,
          disabled: !editable,
        },
        option.label,
      );
      button.addEventListener("click", () => choose(q, option.value));
      return button;
    });
    return h(
      "fieldset",
      { class: "question", "data-testid": `q-${q.id}` },
      legend(q),
      h("div", { class: "options" }, ...buttons),
    );
  }

  function commentBox(area: string): HTMLElement {
    const kept = typed.get(`comment:${area}`);
    if (kept) return kept;
    const comment = h("textarea", { rows: 2, "data-testid": `comment-${area}`, disabled: !editable });
    comment.value = state.comments.get(area) ?? "";
    comment.addEventListener("change", () => {
      state.comments.set(area, comment.value);
      changed();
    });
    const box = h("label", {}, t("comment"), comment);
    typed.set(`comment:${area}`, box);
    return box;
  }

  // Durations are measured by the start and answered buttons, not asked.
  function render(): void {
    const { areas, questions } = questionnaire;
    const sections: HTMLElement[] = [];
    for (const area of areas) {
      const asked = questions.filter((q) => q.area === area.id && q.type !== "duration" && state.asked.has(q.id));
      if (!asked.length) continue;
      const fields = asked.map((q) => (q.type === "text" || q.type === "number" ? typedField(q) : choiceField(q)));
      sections.push(h("section", { class: "card" }, h("h2", {}, area.label), ...fields, commentBox(area.id)));
    }
    element.replaceChildren(...sections);
  }

  return { element, render };
}
