// Browser test of the offline-first shopper app: playwright-core driving
// Debian's Chromium (a phone-sized screen, a persistent profile so that the
// service worker and IndexedDB outlive a browser restart) against a real
// `cxbench serve` over a real SQLite file. What a shopper relies on:
//   A. offline in the middle of a questionnaire: answer the rest, submit,
//      close the page, reopen the app offline (it opens), go online: the
//      server has every answer once and the report is submitted;
//   B. the same with a reload while offline (times taken offline are the
//      phone's, marked as device time);
//   C. the same with the browser and the server restarted meanwhile;
//   D. a report returned while the phone was offline is not overwritten: the
//      phone's changes are refused (409, shown), kept, and sent on the
//      returned report only when the shopper says so;
//   E. axe-core on every shopper view: no critical or serious violation;
//   B also attaches evidence offline: a recording (kept on the phone through
//      the reload, sent once online, stored byte for byte) and a web page
//      renamed .png, which the server refuses by its content without
//      holding back the report's submission;
//   F. a resend after a lost reply makes one report: the server made the
//      submission, the reply never reached the phone, the phone sends it
//      again and the server keeps the one it has.
// Environment: CXBENCH (the binary), CXBENCH_SOURCE_DIR (the repository).
import { chromium } from "playwright-core";
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";
import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import { chromiumArgs, chromiumPath, serve, wavFile } from "./harness.mjs";

const cxbench = process.env.CXBENCH;
const source = process.env.CXBENCH_SOURCE_DIR ?? join(process.cwd(), "..");
assert.ok(cxbench, "set CXBENCH to the cxbench binary");
const shots = join(source, "build", "browser");
mkdirSync(shots, { recursive: true });
const dir = mkdtempSync(join(tmpdir(), "cxbench-offline-"));
const db = join(dir, "web.db");
const profile = join(dir, "profile");
const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

const run = (...args) => execFileSync(cxbench, args, { encoding: "utf8" });
const sql = (query) => execFileSync("sqlite3", [db, query], { encoding: "utf8" }).trim();

run("demo", "--db", db, "--participants", "12", "--shoppers", "60", "--open", "8", "--format", "json");
// One shopper with the most planned phone contacts: one per scenario.
const shopperId = sql(
  "SELECT shopper_id FROM contact WHERE status = 'planned' AND channel = 'phone' GROUP BY shopper_id ORDER BY count(*) DESC, shopper_id LIMIT 1",
);
const contacts = sql(
  `SELECT id FROM contact WHERE status = 'planned' AND channel = 'phone' AND shopper_id = '${shopperId}' ORDER BY id`,
).split("\n");
assert.ok(contacts.length >= 5, `five planned phone contacts of one shopper (${contacts.length})`);
run(
  "user",
  "add",
  "--db",
  db,
  "--email",
  "shopper@demo.no",
  "--role",
  "shopper",
  "--shopper",
  shopperId,
  "--password",
  "shopper-pass-1",
);
run("user", "add", "--db", db, "--email", "manager@demo.no", "--role", "manager", "--password", "manager-pass-1");

// The server, on the same port after a restart (the service worker belongs to the origin).
let server = null;
let base = "";
async function startServer(listen = "127.0.0.1:0") {
  // CXBENCH_WEB: another build of the front end than the binary's default.
  server = await serve(db, { listen, web: process.env.CXBENCH_WEB });
  base = server.base;
}
const stopServer = () => server.stop();

// The API as another device: a login with its cookie and CSRF token.
async function apiLogin(email, password) {
  const response = await fetch(`${base}/api/v1/session`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  assert.equal(response.status, 200);
  const cookie = response.headers.get("set-cookie").split(";")[0];
  const { csrf_token: csrf } = await response.json();
  return async (method, path, body) => {
    const reply = await fetch(`${base}/api/v1${path}`, {
      method,
      headers: { Cookie: cookie, "X-CSRF-Token": csrf, "Content-Type": "application/json", Accept: "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: reply.status, body: await reply.json() };
  };
}

const executablePath = chromiumPath;
const phoneViewport = { width: 390, height: 844 };

async function launchPhone() {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    args: chromiumArgs,
    viewport: phoneViewport,
    locale: "nb-NO",
  });
  return context;
}

function watch(page) {
  const errors = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  page.errors = errors;
  return page;
}

async function openApp(context) {
  const page = watch(context.pages()[0] ?? (await context.newPage()));
  await page.goto(base + "/");
  return page;
}

async function logIn(page) {
  await page.getByTestId("email").fill("shopper@demo.no");
  await page.getByTestId("password").fill("shopper-pass-1");
  await page.getByTestId("login").click();
  await page.getByTestId("logout").waitFor();
}

// Until the service worker controls the page and has the shopper's data.
async function offlineReady(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    while (!navigator.serviceWorker.controller) await new Promise((resolve) => setTimeout(resolve, 100));
  });
  await page.waitForFunction(
    async (ids) => {
      const cache = await caches.open("cxbench-api");
      for (const path of ["/api/v1/me", "/api/v1/assignments", ...ids.map((id) => `/api/v1/assignments/${id}`)]) {
        if (!(await cache.match(path))) return false;
      }
      return true;
    },
    contacts,
    { timeout: 30000, polling: 250 },
  );
}

// Clicks an answer in the first question without one; false when none is left.
async function answerNext(page) {
  const open = page
    .locator("fieldset.question:not(:has([aria-pressed='true']))")
    .filter({ has: page.locator("button.option") });
  if ((await open.count()) === 0) return false;
  const buttons = open.first().locator("button.option");
  const texts = await buttons.allInnerTexts();
  const numbers = texts.filter((x) => /^\d+$/.test(x));
  const pick = texts.includes("Ja") ? texts.indexOf("Ja") : numbers.length ? texts.lastIndexOf(numbers.at(-1)) : 0;
  await buttons.nth(pick).click();
  return true;
}

async function answerAll(page) {
  while (await answerNext(page)) {
    /* the rest */
  }
  for (const field of await page.locator("fieldset.question textarea, fieldset.question input").all()) {
    if (!(await field.inputValue())) {
      await field.fill("3");
      await field.blur();
    }
  }
}

const sent = (page) =>
  page.getByTestId("save-state").filter({ hasText: "Lagret og sendt" }).waitFor({ timeout: 30000 });
const waiting = (page) => page.getByTestId("save-state").filter({ hasText: "Lagret på telefonen" }).waitFor();

// What the server holds of a contact: status, answers by question, and how
// often it was submitted.
function stored(contactId) {
  const status = sql(`SELECT status FROM contact WHERE id = '${contactId}'`);
  const answers = Number(sql(`SELECT count(*) FROM answer WHERE contact_id = '${contactId}'`));
  const submissions = Number(
    sql(
      `SELECT count(*) FROM change_log WHERE entity = 'contact' AND entity_id = '${contactId}' AND field = 'status' AND new_value = 'submitted'`,
    ),
  );
  const deviceTimes = Number(
    sql(`SELECT count(*) FROM change_log WHERE entity_id = '${contactId}' AND reason LIKE '%(device time)'`),
  );
  return { status, answers, submissions, deviceTimes };
}

const pressed = (page) => page.locator("[aria-pressed='true']").count();

let failed = false;
let context = null;
let phone = null;
try {
  await startServer();
  const port = new URL(base).port;
  context = await launchPhone();
  phone = await openApp(context);
  await logIn(phone);
  await offlineReady(phone);

  // A. Offline mid-questionnaire; submit; close the page; reopen offline; online.
  const [a, b, c, d] = contacts;
  await phone.getByTestId(`assignment-${a}`).click();
  await phone.getByTestId("start").click();
  await phone.getByTestId("answered").click();
  await phone.getByTestId("wait").waitFor();
  for (let i = 0; i < 3; i++) await answerNext(phone);
  await sent(phone);
  await context.setOffline(true);
  await answerAll(phone);
  await waiting(phone);
  const answeredA = await pressed(phone);
  await phone.screenshot({ path: join(shots, "offline-1-answered.png"), fullPage: true });
  await phone.getByTestId("submit").click();
  await phone.getByTestId("submitted").waitFor();
  await waiting(phone);
  assert.equal(stored(a).status, "started", "offline: nothing submitted yet");
  await phone.close();
  phone = await openApp(context);
  await phone.getByTestId(`assignment-${a}`).waitFor();
  await phone.screenshot({ path: join(shots, "offline-2-reopened.png"), fullPage: true });
  await phone.getByTestId(`assignment-${a}`).click();
  await waiting(phone);
  assert.equal(await pressed(phone), answeredA, "the answers given offline are on the phone");
  await context.setOffline(false);
  await sent(phone);
  const afterA = stored(a);
  assert.equal(afterA.status, "submitted");
  assert.equal(afterA.submissions, 1, "submitted once");
  const serverA = await (await apiLogin("manager@demo.no", "manager-pass-1"))("GET", `/assignments/${a}`);
  const questionsA = serverA.body.answers.map((x) => x.question);
  assert.equal(new Set(questionsA).size, questionsA.length, "every answer once");
  assert.ok(questionsA.length >= answeredA, `every answer given (${questionsA.length} of ${answeredA})`);

  // B. Offline from the start (times are the phone's); a reload while offline.
  await phone.goto(`${base}/#/assignment/${b}`);
  await phone.getByTestId("start").waitFor();
  await context.setOffline(true);
  await phone.getByTestId("start").click();
  await phone.getByTestId("answered").click();
  await phone.getByTestId("wait").waitFor();
  for (let i = 0; i < 4; i++) await answerNext(phone);
  const recording = wavFile();
  await phone.getByTestId("evidence-input").setInputFiles([
    { name: "samtale ø.wav", mimeType: "audio/wav", buffer: recording },
    { name: "skjermbilde.png", mimeType: "image/png", buffer: Buffer.from("<html><script>alert(1)</script></html>") },
  ]);
  await phone.getByTestId("evidence-waiting").nth(1).waitFor();
  await phone.reload();
  await phone.getByTestId("wait").waitFor();
  await waiting(phone);
  assert.equal(await phone.getByTestId("evidence-waiting").count(), 2, "the files chosen offline are on the phone");
  await answerAll(phone);
  const answeredB = await pressed(phone);
  await phone.getByTestId("submit").click();
  await phone.getByTestId("submitted").waitFor();
  // Offline longer than the server's kSentLateS (5 s), so the taps arrive late.
  await phone.waitForTimeout(6000);
  await context.setOffline(false);
  await sent(phone);
  const afterB = stored(b);
  assert.equal(afterB.status, "submitted");
  assert.equal(afterB.submissions, 1);
  assert.ok(afterB.answers >= answeredB, `every answer given (${afterB.answers} of ${answeredB})`);
  assert.ok(afterB.deviceTimes >= 2, "start and answered are marked as the phone's time");
  // The recording arrived once, whole; the renamed web page did not.
  assert.equal(sql(`SELECT count(*) FROM evidence WHERE contact_id = '${b}'`), "1", "one file stored");
  assert.equal(sql(`SELECT media_type FROM evidence WHERE contact_id = '${b}'`), "audio/wav");
  const storedName = sql(`SELECT stored_name FROM evidence WHERE contact_id = '${b}'`);
  const studyId = sql("SELECT id FROM study");
  assert.ok(
    readFileSync(join(`${db}.evidence`, studyId, storedName)).equals(recording),
    "the recording, byte for byte",
  );
  await phone.reload(); // the submitted page is at this assignment's address already
  await phone.getByTestId("evidence-file").waitFor();
  await phone.getByTestId("evidence-state").filter({ hasText: "innholdet ble sjekket" }).waitFor();
  await phone.getByTestId("evidence").screenshot({ path: join(shots, "offline-3-evidence.png") });
  await phone.getByTestId("evidence-state-discard").click();
  await phone.getByTestId("evidence-state").filter({ hasText: "sendt" }).waitFor();
  assert.equal(await phone.getByTestId("evidence-waiting").count(), 0, "the refused file is gone from the phone");

  // C. The browser and the server restarted while the phone is offline.
  await phone.goto(`${base}/#/assignment/${c}`);
  await phone.getByTestId("start").click();
  await phone.getByTestId("answered").click();
  await sent(phone);
  await context.setOffline(true);
  await answerAll(phone);
  await phone.getByTestId("submit").click();
  await phone.getByTestId("submitted").waitFor();
  await context.close();
  await stopServer();
  await startServer(`127.0.0.1:${port}`);
  context = await launchPhone();
  await context.setOffline(true);
  phone = await openApp(context);
  await phone.getByTestId(`assignment-${c}`).click();
  await waiting(phone);
  await phone.screenshot({ path: join(shots, "offline-3-restarted.png"), fullPage: true });
  await context.setOffline(false);
  await phone.evaluate(() => window.dispatchEvent(new Event("online")));
  await sent(phone);
  assert.equal(stored(c).status, "submitted");
  assert.equal(stored(c).submissions, 1);

  // D. Returned while the phone is offline: not overwritten.
  await phone.goto(`${base}/#/assignment/${d}`);
  await phone.getByTestId("start").click();
  await phone.getByTestId("answered").click();
  await answerAll(phone);
  await sent(phone);
  await context.setOffline(true);
  // The typed answer (a number: the demo's questionnaire has no text question).
  const typed = phone.locator("fieldset.question input, fieldset.question textarea").first();
  await typed.fill("17");
  await typed.blur();
  await waiting(phone);
  // Meanwhile the shopper's other device submits and quality assurance returns it.
  const other = await apiLogin("shopper@demo.no", "shopper-pass-1");
  assert.equal((await other("POST", `/assignments/${d}/submit`)).status, 200);
  const manager = await apiLogin("manager@demo.no", "manager-pass-1");
  assert.equal((await manager("POST", `/contacts/${d}/return`, { message: "Sjekk tonen" })).status, 200);
  const before = sql(`SELECT group_concat(coalesce(text, number), '|') FROM answer WHERE contact_id = '${d}'`);
  await context.setOffline(false);
  await phone.evaluate(() => window.dispatchEvent(new Event("online")));
  await phone.getByTestId("save-state").filter({ hasText: "Kunne ikke sendes" }).waitFor({ timeout: 30000 });
  const said = await phone.getByTestId("save-state").innerText();
  assert.match(said, /endret på serveren/, said);
  assert.match(said, /Sjekk tonen/, said);
  await phone.screenshot({ path: join(shots, "offline-4-conflict.png"), fullPage: true });
  assert.equal(stored(d).status, "returned", "the return stands");
  assert.equal(
    sql(`SELECT group_concat(coalesce(text, number), '|') FROM answer WHERE contact_id = '${d}'`),
    before,
    "nothing overwritten",
  );
  // The shopper sends the phone's change on the returned report.
  await phone.getByTestId("outbox-rebase").click();
  await sent(phone);
  assert.equal(
    sql(`SELECT count(*) FROM answer WHERE contact_id = '${d}' AND coalesce(text, number) IN ('17', 17)`),
    "1",
  );

  // E. axe-core on every shopper view (its script injected: CSP bypassed in this context only).
  const axeContext = await chromium.launch({ executablePath, args: chromiumArgs });
  const audit = await axeContext.newContext({
    viewport: phoneViewport,
    locale: "nb-NO",
    bypassCSP: true,
    serviceWorkers: "block",
  });
  const page = watch(await audit.newPage());
  const check = async (name) => {
    await page.addScriptTag({ path: axePath });
    const { violations } = await page.evaluate(() => globalThis.axe.run(document, { resultTypes: ["violations"] }));
    const bad = violations.filter((v) => v.impact === "critical" || v.impact === "serious");
    assert.deepEqual(
      bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(", ")})`),
      [],
      `axe on ${name}`,
    );
  };
  await page.goto(base + "/");
  await page.getByTestId("email").waitFor();
  await check("login");
  await logIn(page);
  // Submitted contacts are behind the worklist's "done" filter.
  await page.getByTestId("show-done").check();
  await page.getByTestId(`assignment-${a}`).waitFor();
  await check("worklist");
  await page.goto(`${base}/#/assignment/${contacts[4]}`);
  await page.getByTestId("save-state").waitFor();
  await check("assignment");
  await page.goto(`${base}/#/assignment/${a}`);
  await page.getByTestId("save-state").waitFor();
  await check("submitted assignment");
  await axeContext.close();

  // F. The reply to a submission is lost on its way back to the phone.
  const e = contacts[4];
  await phone.goto(`${base}/#/assignment/${e}`);
  await phone.getByTestId("start").click();
  await phone.getByTestId("answered").click();
  await answerAll(phone);
  await sent(phone);
  const answeredE = stored(e).answers;
  const submits = [];
  let replyLost;
  const lostReply = new Promise((resolve) => (replyLost = resolve));
  await phone.route("**/api/v1/assignments/*/submit", async (route) => {
    submits.push(route.request().postData());
    if (submits.length > 1) return route.continue();
    await route.fetch(); // the server makes the submission...
    await route.abort("connectionreset"); // ...and the phone never hears it
    replyLost();
  });
  await phone.getByTestId("submit").click();
  await phone.getByTestId("submitted").waitFor();
  await lostReply;
  await waiting(phone);
  assert.equal(stored(e).status, "submitted", "the server made the submission whose reply was lost");
  await phone.evaluate(() => window.dispatchEvent(new Event("online")));
  await sent(phone);
  await phone.unroute("**/api/v1/assignments/*/submit");
  assert.equal(submits.length, 2, "the phone sent the submission again");
  assert.equal(submits[1], submits[0], "the resend is byte-identical");
  const afterE = stored(e);
  assert.equal(afterE.status, "submitted");
  assert.equal(afterE.submissions, 1, "one report: the resend was taken as a retry");
  assert.equal(afterE.answers, answeredE, "the answers are there once");

  assert.deepEqual(phone.errors, [], "no script errors");
  console.log(`offline test: ok; screenshots in ${shots}`);
} catch (error) {
  failed = true;
  console.error("offline test: FAILED:", error);
  await phone?.screenshot({ path: join(shots, "offline-failed.png"), fullPage: true }).catch(() => {});
  const state = await phone
    ?.getByTestId("save-state")
    .allInnerTexts()
    .catch(() => []);
  console.error("save-state:", state);
  const ops = await phone
    ?.evaluate(
      () =>
        new Promise((resolve) => {
          const open = indexedDB.open("cxbench-outbox");
          open.onsuccess = () => {
            const all = open.result.transaction("operations").objectStore("operations").getAll();
            all.onsuccess = () => resolve(all.result.map((op) => `${op.method} ${op.path} ${op.sent} ${op.account}`));
          };
        }),
    )
    .catch(() => []);
  console.error("queued:", ops);
} finally {
  await context?.close().catch(() => {});
  if (server) await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
