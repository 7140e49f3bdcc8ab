// cxbench web app: one page, hash routes (./routes.ts), one view per task of
// each role (./views/<role>/). This file starts it and keeps the manager's
// dashboard fresh.
import "./style.css";
import { browserLanguage, setLanguage } from "./i18n";
import { start, refresh, currentPath } from "./router";
import { startOffline } from "./offline/register";
import { app } from "./routes";
import * as session from "./session";

// The login page speaks the browser's language; an account then its own.
void setLanguage(browserLanguage()).finally(() => start(app));
startOffline();

// The manager's dashboard follows fieldwork: it refreshes every 30 seconds
// (each rendering disposes of the previous one's charts).
setInterval(() => {
  if (session.isStaff(session.account()?.role) && currentPath().length === 0) void refresh();
}, 30000);
