// One assignment: the role play, timing the contact, the questionnaire saved
// as a draft at every change, and submitting it once.
import * as api from "../../api/endpoints";
import type { AssignmentDetail, Contact } from "../../api/types";
import { problemSlot } from "../../components/problem";
import { h, onClick } from "../../dom";
import { localTime } from "../../format";
import { channelLabel, t } from "../../i18n";
import type { ViewContext } from "../../router";
import { answerFieldNamer, draftSaver } from "../../questionnaire/draft";
import { questionnaireForm, type FormState } from "../../questionnaire/form";
import { nextAssignmentLink } from "./assignments";
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

export async function assignmentView({ params, mount }: ViewContext): Promise<void> {
  const detail = await api.getAssignment(params.id);
  const { questionnaire } = detail;
  const state: FormState = {
    answers: new Map(detail.answers.map((x) => [x.question, x])),
    comments: new Map(detail.comments.map((c) => [c.area, c.text])),
    asked: new Set(detail.asked),
  };
  const problem = problemSlot();
  // Later replies (start, answered, draft) carry the contact, not the questionnaire.
  const visit: Visit = {
    id: params.id,
    contact: detail,
    editable: editableStatuses.has(detail.status),
    show: (e) => problem.show(e, answerFieldNamer([...state.answers.values()], questionnaire.questions)),
  };
  const saveState = h("p", { class: "save-state", "data-testid": "save-state", role: "status" });
  const form = questionnaireForm(questionnaire, state, visit.editable, (question) => draft.save(question));
  // Every reply says which questions are asked now: the form follows it.
  const draft = draftSaver(visit.id, state, questionnaire.questions, saveState, problem, (c) => {
    visit.contact = c;
    form.render();
  });
  const clock = timing(visit, (contact) => {
    for (const x of contact.answers) state.answers.set(x.question, x);
    state.asked = new Set(contact.asked);
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
        next,
        h("a", { href: "#/" }, t("back")),
      ),
    );
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

  const submit = h("button", { type: "button", class: "primary", "data-testid": "submit", disabled: !visit.editable });
  submit.textContent = t("submit");
  onClick(
    submit,
    async () => {
      await draft.settled();
      visit.contact = await api.submitReport(visit.id);
      await done();
    },
    visit.show,
  );

  form.render();
  follow();
  mount(
    h("a", { href: "#/", class: "back" }, "← " + t("back")),
    h("h1", {}, detail.company),
    h("p", { class: "meta" }, `${channelLabel(detail.channel)} · ${localTime(detail.planned_at)} · `, clock.badge),
    ...briefing(detail),
    clock.card,
    outcome.card,
    form.element,
    problem.element,
    saveState,
    submit,
  );
}
