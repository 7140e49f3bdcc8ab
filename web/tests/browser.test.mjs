// Browser test of the web app: playwright-core driving Debian's Chromium
// against a real `cxbench serve` over a real SQLite file.
//   a shopper on a phone-sized screen logs in, opens an assignment, times the
//   contact, sees a dependent question appear once its condition is answered,
//   fills half the questionnaire, reloads and finds it as left,
//   finishes and submits; a manager filters the paged QA queue, opens the
//   report, corrects one answer with the typed control and a reason, approves
//   and lands on the next report of the filter; the participant's score changes; a participant who types
//   another participant's URL is refused. Nothing is loaded from another host.
// Screenshots of each step: build/browser/*.png.
// Environment: CXBENCH (the binary), CXBENCH_SOURCE_DIR (the repository).
import { chromium } from "playwright-core";
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import assert from "node:assert/strict";
import { chromiumArgs, chromiumPath, serve, wavFile } from "./harness.mjs";

const cxbench = process.env.CXBENCH;
const source = process.env.CXBENCH_SOURCE_DIR ?? process.cwd();
assert.ok(cxbench, "set CXBENCH to the cxbench binary");
const shots = join(source, "build", "browser");
mkdirSync(shots, { recursive: true });
const dir = mkdtempSync(join(tmpdir(), "cxbench-browser-"));
const db = join(dir, "web.db");

const run = (...args) => execFileSync(cxbench, args, { encoding: "utf8" });
const sql = (query) => execFileSync("sqlite3", [db, query], { encoding: "utf8" }).trim();

run("demo", "--db", db, "--participants", "12", "--shoppers", "60", "--open", "2", "--format", "json");
const [shopperId, contactId, participantId] = sql(
  "SELECT shopper_id, id, participant_id FROM contact WHERE status = 'planned' AND channel = 'phone' ORDER BY shopper_id, id LIMIT 1").split("|");
const otherParticipant = sql(`SELECT id FROM participant WHERE id <> '${participantId}' ORDER BY id LIMIT 1`);
run("user", "add", "--db", db, "--email", "shopper@demo.no", "--role", "shopper", "--shopper", shopperId, "--password", "shopper-pass-1");
run("user", "add", "--db", db, "--email", "manager@demo.no", "--role", "manager", "--password", "manager-pass-1");
run("user", "add", "--db", db, "--email", "participant@demo.no", "--role", "participant", "--participant", participantId, "--password", "participant-pass-1");

const { base, stop } = await serve(db);
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });

const foreign = [];
async function newPage(viewport) {
  const context = await browser.newContext({ viewport, locale: "nb-NO" });
  const page = await context.newPage();
  page.on("request", (request) => { if (!request.url().startsWith(base) && !request.url().startsWith("data:")) foreign.push(request.url()); });
  const errors = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("console", (message) => { if (message.type() === "error" && !/40[1349]/.test(message.text())) errors.push(message.text()); });
  page.errors = errors;
  return page;
}

async function logIn(page, email, password) {
  await page.goto(base + "/");
  await page.getByTestId("email").fill(email);
  await page.getByTestId("password").fill(password);
  await page.getByTestId("login").click();
  await page.getByTestId("logout").waitFor();
}

// Clicks an answer in the first question without one; false when none is left.
async function answerNext(page) {
  const open = page.locator("fieldset.question:not(:has([aria-pressed='true']))").filter({ has: page.locator("button.option") });
  if ((await open.count()) === 0) return false;
  const question = open.first();
  const label = await question.locator("legend").innerText();
  // "Ja" for yes/no, the top of a scale, the first option of a choice.
  const buttons = question.locator("button.option");
  const texts = await buttons.allInnerTexts();
  const pick = texts.includes("Ja") ? texts.indexOf("Ja") : texts.filter((x) => /^\d+$/.test(x)).length ? texts.lastIndexOf(texts.filter((x) => /^\d+$/.test(x)).pop()) : 0;
  await buttons.nth(pick).click();
  await page.getByTestId("save-state").filter({ hasText: "Lagret" }).waitFor();
  return label;
}

let failed = false;
try {
  // The participant's score before.
  const participant = await newPage({ width: 1280, height: 900 });
  await logIn(participant, "participant@demo.no", "participant-pass-1");
  await participant.getByTestId("score").waitFor();
  const scoreBefore = await participant.getByTestId("score").innerText();
  await participant.getByTestId("areas-chart").locator("canvas").waitFor();
  await participant.screenshot({ path: join(shots, "1-participant-before.png"), fullPage: true });

  // The shopper, on a phone.
  const phone = await newPage({ width: 390, height: 844 });
  await logIn(phone, "shopper@demo.no", "shopper-pass-1");
  await phone.screenshot({ path: join(shots, "2-shopper-assignments.png"), fullPage: true });
  await phone.getByTestId(`assignment-${contactId}`).click();
  await phone.getByTestId("start").click();
  await phone.getByTestId("answered").click();
  await phone.getByTestId("wait").waitFor();
  const total = await phone.locator("fieldset.question").count();
  assert.ok(total > 10, `a questionnaire (${total} questions shown)`);
  // A dependent question appears once its condition holds, as the server's
  // draft reply says (its "asked" list): "how many needs" follows needs = yes.
  assert.equal(await phone.getByTestId("q-ag_needs_count").count(), 0, "ag_needs_count waits for ag_needs");
  await phone.getByTestId("q-ag_needs-Nei").click();
  await phone.getByTestId("save-state").filter({ hasText: "Lagret" }).waitFor();
  assert.equal(await phone.getByTestId("q-ag_needs_count").count(), 0, "ag_needs_count is not asked after no");
  await phone.getByTestId("q-ag_needs-Ja").click();
  await phone.getByTestId("q-ag_needs_count").waitFor();
  await phone.getByTestId("save-state").filter({ hasText: "Lagret" }).waitFor();
  for (let i = 0; i < Math.floor(total / 2); i++) await answerNext(phone);
  await phone.getByTestId(/comment-/).first().fill("Hyggelig og rask – svarte på alt om prisen på én gang");
  await phone.getByTestId(/comment-/).first().blur();
  await phone.getByTestId("save-state").filter({ hasText: "Lagret" }).waitFor();
  const answeredBefore = await phone.locator("[aria-pressed='true']").count();
  await phone.screenshot({ path: join(shots, "3-shopper-half.png"), fullPage: true });

  await phone.reload();
  await phone.getByTestId("status").waitFor();
  assert.equal(await phone.locator("[aria-pressed='true']").count(), answeredBefore, "the draft is there after a reload");
  assert.equal(await phone.getByTestId(/comment-/).first().inputValue(), "Hyggelig og rask – svarte på alt om prisen på én gang");
  assert.ok(await phone.getByTestId("wait").isVisible(), "the measured wait survives the reload");
  const width = await phone.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `no sideways scrolling on a phone (page is ${width} px wide)`);
  while (await answerNext(phone)) { /* the rest */ }
  for (const field of await phone.locator("fieldset.question textarea, fieldset.question input").all()) {
    if (!(await field.inputValue())) { await field.fill("3"); await field.blur(); await phone.getByTestId("save-state").filter({ hasText: "Lagret" }).waitFor(); }
  }
  // The recording of the call, attached before submitting.
  await phone.getByTestId("evidence-input").setInputFiles({ name: "samtale.wav", mimeType: "audio/wav", buffer: wavFile() });
  await phone.getByTestId("evidence-file").waitFor();
  await phone.getByTestId("evidence").screenshot({ path: join(shots, "3b-shopper-evidence.png") });
  await phone.getByTestId("submit").click();
  await phone.getByTestId("submitted").waitFor();
  await phone.screenshot({ path: join(shots, "4-shopper-submitted.png"), fullPage: true });

  // The manager corrects one answer with a reason and approves.
  const manager = await newPage({ width: 1280, height: 900 });
  await logIn(manager, "manager@demo.no", "manager-pass-1");
  await manager.getByTestId("progress-chart").locator("canvas").waitFor();
  await manager.screenshot({ path: join(shots, "5-manager-dashboard.png"), fullPage: true });
  // The whole study as an Excel workbook (a ZIP archive: "PK").
  const [workbook] = await Promise.all([manager.waitForEvent("download"), manager.getByTestId("export-xlsx").click()]);
  assert.equal(readFileSync(await workbook.path()).subarray(0, 2).toString(), "PK");
  // The queue is paged and filtered on the server: the participant's
  // reports, newest first, put the one just submitted on top.
  await manager.goto(`${base}/#/qa`);
  await manager.getByTestId("qa-pager-where").waitFor();
  const queued = Number(await manager.getByTestId("qa-total").innerText());
  assert.ok(queued > 50 && (await manager.locator("a.assignment").count()) === 50, `one page of ${queued} reports`);
  await manager.getByTestId("qa-participant").selectOption(participantId);
  // Each choice renders the queue again: wait for the new rendering before the next.
  await manager.locator(`[data-testid=qa-participant] option[value="${participantId}"][selected]`).waitFor({ state: "attached" });
  await manager.getByTestId("qa-sort").selectOption("desc");
  await manager.locator(`[data-testid=qa-sort] option[value="desc"][selected]`).waitFor({ state: "attached" });
  assert.equal(await manager.locator("a.assignment").first().getAttribute("data-testid"), `qa-${contactId}`, "the newest report first");
  await manager.getByTestId(`qa-${contactId}`).click();
  // Answers as the shopper saw them: labels, yes and no, the wait as m:ss.
  await manager.getByTestId("answer-rec_name").waitFor();
  assert.match(await manager.getByTestId("answer-rec_name").innerText(), /\t(Ja|Nei)$/);
  assert.match(await manager.getByTestId("wait").innerText(), /\d+:\d\d/);
  // The recording plays in the review: Chromium reads its 0.1 s.
  const duration = await manager.getByTestId("evidence").locator("audio").evaluate(
    (audio) => new Promise((resolve, reject) => {
      if (audio.readyState >= 1) return resolve(audio.duration);
      audio.addEventListener("loadedmetadata", () => resolve(audio.duration));
      audio.addEventListener("error", () => reject(new Error(`audio error ${audio.error?.code}`)));
    }),
  );
  assert.ok(Math.abs(duration - 0.1) < 0.01, `the recording's length as played (${duration} s)`);
  await manager.getByTestId("evidence").screenshot({ path: join(shots, "5b-manager-evidence.png") });
  // The typed control of a yes/no question, and a reason.
  await manager.getByTestId("correct-question").selectOption("rec_name");
  assert.deepEqual(await manager.getByTestId("correct-value").locator("option").allInnerTexts(), ["Velg …", "Ja", "Nei"]);
  await manager.getByTestId("correct-value").selectOption("0");
  await manager.getByTestId("correct").click();
  await manager.getByTestId("correct-problem").filter({ hasText: "begrunnelse" }).waitFor();
  await manager.getByTestId("correct-reason").fill("Opptaket viser at navnet ikke ble sagt");
  await manager.getByTestId("correct").click();
  await manager.getByTestId("changes").filter({ hasText: "Opptaket viser" }).waitFor();
  assert.match(await manager.getByTestId("answer-rec_name").innerText(), /\tNei$/);
  await manager.screenshot({ path: join(shots, "6-manager-corrected.png"), fullPage: true });
  // Approve and land on the next report of the same filter.
  await manager.getByTestId("approve").click();
  await manager.waitForURL((url) => /#\/qa\/[^?]+\?/.test(url.hash) && !url.hash.startsWith(`#/qa/${contactId}?`));
  assert.match(manager.url(), new RegExp(`participant=${participantId}`), "the next report keeps the filter");
  await manager.getByTestId("status").filter({ hasText: "sendt inn" }).waitFor();

  // The participant's score changes accordingly.
  await participant.reload();
  await participant.getByTestId("score").waitFor();
  const scoreAfter = await participant.getByTestId("score").innerText();
  assert.notEqual(scoreAfter, scoreBefore, `the score changes once the report is approved (${scoreBefore} -> ${scoreAfter})`);
  await participant.screenshot({ path: join(shots, "7-participant-after.png"), fullPage: true });
  // The report in the interface's language, and its own data to download:
  // its own reported contacts, never who called nor another's rows.
  assert.match(await participant.getByTestId("report-pdf").getAttribute("href"), /lang=nb/);
  const [download] = await Promise.all([participant.waitForEvent("download"), participant.getByTestId("export-csv").click()]);
  const csv = readFileSync(await download.path(), "utf8");
  assert.match(download.suggestedFilename(), /\.csv$/);
  assert.ok(csv.includes(`,${participantId},`), "the export holds the participant's contacts");
  assert.ok(!csv.includes(`,${otherParticipant},`), "and no other participant's");
  assert.ok(!csv.includes(`,${shopperId},`), "and no shopper id");

  // Another participant's URL: refused.
  await participant.goto(`${base}/#/results/${otherParticipant}`);
  await participant.getByTestId("denied").waitFor();
  await participant.screenshot({ path: join(shots, "8-participant-refused.png"), fullPage: true });

  // The ranking: staff's live preview; the public page opens without a login
  // only once the manager has published it.
  const visitor = await newPage({ width: 1280, height: 900 });
  await visitor.goto(`${base}/#/published`);
  await visitor.getByTestId("not-published").waitFor();
  await participant.goto(`${base}/#/ranking`);
  await participant.getByTestId("denied").waitFor();
  await manager.goto(`${base}/#/ranking`);
  await manager.getByTestId(/^ranking-/).first().waitFor();
  await manager.getByTestId("channel-chart").locator("canvas").waitFor();
  await manager.getByTestId("publication-state").filter({ hasText: "Ikke publisert" }).waitFor();
  // The form offers the study's now (GET /ranking's study_now), not an empty field.
  assert.match(await manager.getByTestId("publish-at").inputValue(), /^\d{4}-\d\d-\d\dT\d\d:\d\d$/);
  await manager.getByTestId("publish-at").fill("2026-01-01T08:00");
  await manager.getByTestId("publish").click();
  await manager.getByTestId("publication-state").filter({ hasText: "Offentlig siden" }).waitFor();
  await manager.screenshot({ path: join(shots, "9-ranking.png"), fullPage: true });
  await visitor.reload();
  await visitor.getByTestId("method-note").waitFor();
  await visitor.getByTestId(/^ranking-/).first().waitFor();
  assert.equal(await visitor.getByTestId("logout").count(), 0, "the visitor is not logged in");
  const note = await visitor.getByTestId("method-note").innerText();
  assert.match(note, /Mystery shoppere tok 1\d* kontakter/, `the method note counts approved contacts: ${note}`);
  await visitor.screenshot({ path: join(shots, "10-published.png"), fullPage: true });

  // The manager invites a shopper, sees the invitation pending, revokes it.
  await manager.goto(`${base}/#/users`);
  await manager.getByTestId("pending-invitations").waitFor();
  await manager.getByTestId("user-email").fill("ny.testkunde@example.no");
  await manager.getByTestId("user-role").selectOption("shopper");
  assert.ok(await manager.getByTestId("user-shopper").isVisible(), "a shopper invitation picks the shopper");
  assert.ok(!(await manager.getByTestId("user-participant").isVisible()), "and offers no participant");
  await manager.getByTestId("invite").click();
  await manager.getByTestId("invite-url").filter({ hasText: "#/invite/" }).waitFor();
  const pendingRow = manager.getByTestId("pending-invitation").filter({ hasText: "ny.testkunde@example.no" });
  await pendingRow.waitFor();
  await manager.screenshot({ path: join(shots, "11-users.png"), fullPage: true });
  await pendingRow.getByRole("button").click();
  await pendingRow.waitFor({ state: "detached" });

  // A forgotten password: the manager makes a link, its owner sets a new
  // password with it (logged out everywhere), and it works once.
  const participantAccount = sql("SELECT id FROM account WHERE email = 'participant@demo.no'");
  await manager.getByTestId(`reset-${participantAccount}`).click();
  const resetText = await manager.getByTestId(`reset-url-${participantAccount}`).filter({ hasText: "#/reset/" }).innerText();
  const resetUrl = resetText.split(" ")[0];
  const owner = await newPage({ width: 390, height: 844 });
  await owner.goto(resetUrl);
  await owner.getByTestId("reset-password").fill("nytt-deltaker-passord-2");
  await owner.getByTestId("reset-again").fill("nytt-deltaker-passord-2");
  await owner.getByTestId("reset-submit").click();
  await owner.getByTestId("reset-done").filter({ hasText: "participant@demo.no" }).waitFor();
  await owner.screenshot({ path: join(shots, "12-password-reset.png"), fullPage: true });
  await owner.getByTestId("reset-password").fill("tredje-passord-3");
  await owner.getByTestId("reset-again").fill("tredje-passord-3");
  await owner.getByTestId("reset-submit").click();
  await owner.getByTestId("reset-problem").filter({ hasText: "brukt allerede" }).waitFor();
  await logIn(owner, "participant@demo.no", "nytt-deltaker-passord-2");
  // Deactivated: the next request of its session is refused, and so is its login.
  await manager.getByTestId(`deactivate-${participantAccount}`).click();
  await manager.getByTestId(`account-state-${participantAccount}`).filter({ hasText: "Deaktivert" }).waitFor();
  await manager.screenshot({ path: join(shots, "13-users-deactivated.png"), fullPage: true });
  await owner.reload();
  await owner.getByTestId("email").waitFor();
  await owner.getByTestId("email").fill("participant@demo.no");
  await owner.getByTestId("password").fill("nytt-deltaker-passord-2");
  await owner.getByTestId("login").click();
  await owner.getByText("deaktivert").waitFor();
  await manager.getByTestId(`reactivate-${participantAccount}`).click();
  await manager.getByTestId(`account-state-${participantAccount}`).filter({ hasText: "Aktiv" }).waitFor();

  assert.deepEqual(foreign, [], "nothing is loaded from another host");
  for (const page of [participant, phone, manager, visitor, owner]) assert.deepEqual(page.errors, [], "no script errors");
  console.log(`browser test: ok (score ${scoreBefore} -> ${scoreAfter}); screenshots in ${shots}`);
} catch (error) {
  failed = true;
  console.error("browser test: FAILED:", error);
} finally {
  await browser.close();
  await stop();
  rmSync(dir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
