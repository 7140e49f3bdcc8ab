// The route table: which view each hash shows, and what every route needs
// (a login, except for public ones). The first match wins; "/" is the home of
// the caller's role.
import { ApiProblem } from "./api/client";
import { renderHeader } from "./components/header";
import { problemCard } from "./components/problem";
import { go, type Router, type ViewContext } from "./router";
import * as session from "./session";
import { resultsView } from "./views/participant/results";
import { inviteView } from "./views/public/invite";
import { resetView } from "./views/public/reset";
import { loginView } from "./views/public/login";
import { publishedView } from "./views/public/published";
import { assignmentView } from "./views/shopper/assignment";
import { assignmentsView } from "./views/shopper/assignments";
import { auditView } from "./views/staff/audit";
import { dashboardView } from "./views/staff/dashboard";
import { qaQueueView } from "./views/staff/qa-queue";
import { qaReviewView } from "./views/staff/qa-review";
import { rankingView } from "./views/staff/ranking";
import { usersView } from "./views/staff/users";

function home(context: ViewContext): Promise<void> {
  const me = session.account()!;
  if (me.role === "shopper") return assignmentsView(context);
  if (me.role === "participant") {
    return resultsView({ ...context, params: { id: me.participant_id ?? "" } });
  }
  return dashboardView(context);
}

export const app: Router = {
  routes: [
    { path: "/invite/:token", view: inviteView, public: true },
    { path: "/reset/:token", view: resetView, public: true },
    { path: "/published", view: publishedView, public: true },
    { path: "/login", view: () => go("#/") },
    { path: "/assignment/:id", view: assignmentView },
    { path: "/qa/:id", view: qaReviewView },
    { path: "/qa", view: qaQueueView },
    { path: "/audit", view: auditView },
    { path: "/ranking", view: rankingView },
    { path: "/users", view: usersView },
    { path: "/results/:id", view: resultsView },
  ],
  home,
  // Every route but the public ones needs a login: the session cookie may
  // still be valid after a reload, so ask the server before showing the form.
  async guard(context) {
    const known = session.account() !== null || (await session.restore());
    renderHeader();
    if (!known) loginView(context);
    return known;
  },
  fail(context, error) {
    if (error instanceof ApiProblem && error.status === 401) {
      session.forget();
      renderHeader();
      loginView(context);
      return;
    }
    context.mount(problemCard(error, "denied"));
  },
};
