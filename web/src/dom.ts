// Small DOM helpers. Text always goes in as text (never as HTML), so nothing
// a shopper types can run as script. No module in web/src sets innerHTML.
type Attrs = Record<string, string | boolean | number | undefined>;
export type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (name === "class") element.className = String(value);
    else if (value === true) element.setAttribute(name, "");
    else element.setAttribute(name, String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return element;
}

// Runs `action` on click; a failure goes to `onError` (the view's problem slot).
export function onClick(
  element: HTMLElement,
  action: () => Promise<void> | void,
  onError?: (error: unknown) => void,
): void {
  element.addEventListener("click", () => {
    Promise.resolve()
      .then(action)
      .catch((error: unknown) => {
        if (onError) onError(error);
        else throw error;
      });
  });
}
