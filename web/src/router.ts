// Hash routes: a table of patterns (":name" takes one path part), the first
// match wins, extra parts are ignored, and anything else is the role's home.
// Each rendering gets a Scope that is disposed when the next one starts.
import { Scope } from "./scope";

export interface ViewContext {
  params: Record<string, string>;
  scope: Scope;
  // Replaces the page's content, unless the user has moved on since.
  mount: (...nodes: (Node | null)[]) => void;
}

export type View = (context: ViewContext) => void | Promise<void>;

export interface Route {
  path: string;
  view: View;
  // Shown without logging in (the login form, an invitation link).
  public?: boolean;
}

export interface Router {
  routes: Route[];
  home: View;
  // Runs before each rendering of a route that is not public (or of home);
  // false when it rendered something else itself (the login form).
  guard(context: ViewContext): Promise<boolean>;
  // A view that failed: shows the failure in place of the view.
  fail(context: ViewContext, error: unknown): void;
}

let router: Router | null = null;
// The latest rendering, and the one whose content is on screen.
let current: Scope | null = null;
let shown: Scope | null = null;

export function start(table: Router): void {
  router = table;
  window.addEventListener("hashchange", () => void refresh());
  void refresh();
}

export function go(hash: string): void {
  if (location.hash === hash) void refresh();
  else location.hash = hash;
}

// The hash's path parts; a query after "?" (a list's filter and page) is not part of the path.
export function currentPath(): string[] {
  const path = location.hash.replace(/^#/, "").split("?")[0] || "/";
  return path.split("/").filter(Boolean).map(decodeURIComponent);
}

// The query of the hash ("#/qa?channel=chat&page=2"): a list view keeps its
// filter and page there, so that reload, back and a link all restore them.
export function currentQuery(): URLSearchParams {
  const at = location.hash.indexOf("?");
  return new URLSearchParams(at < 0 ? "" : location.hash.slice(at + 1));
}

export function match(routes: Route[], path: string[]): { route: Route; params: Record<string, string> } | null {
  for (const route of routes) {
    const pattern = route.path.split("/").filter(Boolean);
    if (pattern.length > path.length) continue;
    const params: Record<string, string> = {};
    const fits = pattern.every((part, index) => {
      if (part.startsWith(":")) params[part.slice(1)] = path[index];
      return part.startsWith(":") || part === path[index];
    });
    if (fits) return { route, params };
  }
  return null;
}

// Renders the view of the current hash again (after a change, or to refresh).
// The view on screen keeps its charts until the next one mounts, so a refresh
// does not blank the dashboard while its data loads; a rendering overtaken
// before it mounted never mounts and is disposed of at once.
export async function refresh(): Promise<void> {
  if (!router) return;
  if (current && current !== shown) current.dispose();
  const scope = new Scope();
  current = scope;
  const mountHere = (...nodes: (Node | null)[]) => {
    if (current !== scope) return;
    if (shown && shown !== scope) shown.dispose();
    shown = scope;
    document.getElementById("app")!.replaceChildren(...nodes.filter((node): node is Node => node !== null));
  };
  const path = currentPath();
  const found = match(router.routes, path);
  const context: ViewContext = { params: found?.params ?? {}, scope, mount: mountHere };
  try {
    if (!found?.route.public && !(await router.guard(context))) return;
    await (found ? found.route.view : router.home)(context);
  } catch (error) {
    router.fail(context, error);
  }
}
