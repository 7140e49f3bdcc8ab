// The one way a failure reaches the user. An API problem (RFC 9457) shows a
// title of ours in the user's language, the server's detail, and the field at
// fault; a problem listing several faults shows each. Anything else (the
// server unreachable, a bug) gets a sentence of ours.
import { ApiProblem } from "../api/client";
import { h } from "../dom";
import { t, type TextKey } from "../i18n";

// Names a field for the user (a question's label for "/answers/3/number");
// undefined keeps the field as the server wrote it.
export type FieldNamer = (field: string) => string | undefined;

function title(status: number): string {
  const keys: Record<number, TextKey> = {
    400: "problemInvalid",
    401: "problemLogin",
    403: "forbidden",
    404: "problemNotFound",
    409: "problemConflict",
    410: "problemExpired",
    422: "problemInvalid",
    429: "problemTooMany",
  };
  return t(keys[status] ?? (status >= 500 ? "problemServer" : "problemOther"));
}

function withField(detail: string, field: string | undefined, name?: FieldNamer): string {
  if (!field) return detail;
  return `${detail} (${t("field")}: ${name?.(field) ?? field})`;
}

// One line: "Title: detail (field: name)".
export function problemText(error: unknown, name?: FieldNamer): string {
  if (error instanceof ApiProblem) {
    if (error.status === 0) return t("offline");
    return `${title(error.status)}: ${withField(error.detail, error.field, name)}`;
  }
  return `${t("unexpected")}: ${String(error)}`;
}

function details(error: unknown, name?: FieldNamer): HTMLElement | null {
  if (!(error instanceof ApiProblem) || error.errors.length < 2) return null;
  return h("ul", {}, ...error.errors.map((e) => h("li", {}, withField(e.detail, e.field, name))));
}

export interface ProblemSlot {
  element: HTMLElement;
  show(error: unknown, name?: FieldNamer): void;
  say(text: string): void;
  clear(): void;
}

// A slot for a view's problems, empty until `show` fills it.
export function problemSlot(testid = "problem"): ProblemSlot {
  const element = h("div", { class: "error problem", role: "alert", "data-testid": testid });
  return {
    element,
    show(error, name) {
      const list = details(error, name);
      element.replaceChildren(problemText(error, name), ...(list ? [list] : []));
    },
    // A sentence of ours in place of the problem (a wrong password).
    say(text) {
      element.replaceChildren(text);
    },
    clear() {
      element.replaceChildren();
    },
  };
}

// A view that could not be shown: the problem in its place.
export function problemCard(error: unknown, testid: string): HTMLElement {
  const slot = problemSlot(testid);
  slot.element.classList.add("card");
  slot.show(error);
  return slot.element;
}
