// Browser test of the shopper's contact outcomes, in bokmål and in Swedish,
// on a phone: playwright-core driving Debian's Chromium against a real
// `cxbench serve` over a real SQLite file (./harness.mjs).
//   On a phone contact the shopper records "no answer", then "busy", then an
//   answered attempt: the questionnaire opens only then, and the wait shown
//   and kept is the answered attempt's. A second contact, unanswered
//   ("closed"), is submitted only after the confirmation that it scores 0.
//   A manager returns the first; the shopper restarts it and its wait is
//   measured again. The server's record of each is checked through the API.
//   axe-core runs on every shopper view (worklist with and without the done
//   ones, before the start, waiting, the outcome choice, questionnaire,
//   submitted, returned): no critical or serious violation.
//   The shopper's screens never download ECharts; the JavaScript they do
//   download is printed.
// The Swedish shopper meets the login page in the browser's language, then
// the account's, and picks Swedish in the language menu (kept after a reload).
// Each shopper reads the role play and the questionnaire (area, question and
// option labels) in their language, as the study file words them; so does a
// Danish shopper whose account was made with `user add --language da`.
// Screenshots of each step: build/browser/shopper-*.png.
import { join } from "node:path";
import { mkdirSync, readFileSync } from "node:fs";
import assert from "node:assert/strict";
import { parse } from "yaml";
import { apiAs, axeViolations, logIn, newPage, startStudy } from "./harness.mjs";

const source = process.env.CXBENCH_SOURCE_DIR ?? join(process.cwd(), "..");
const shots = join(source, "build", "browser");
mkdirSync(shots, { recursive: true });
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (from, to) => (Date.parse(to) - Date.parse(from)) / 1000;
// The study the demo is made from, as its file words it (`cxbench demo` loads this file).
const studyFile = parse(readFileSync(join(source, "examples", "kundeserviceprisen.yaml"), "utf8"));

// The texts this test reads, written out by hand per language (not taken
// from the app's dictionaries, so that a wrong translation key shows).
const texts = {
  nb: {
    locale: "nb-NO",
    login: "Logg inn",
    assignments: "Mine oppdrag",
    yes: "Ja",
    saved: "Lagret",
    attempt1: "Forsøk 1: Ingen svar",
    attempt2: "Forsøk 2: Opptatt",
    left2: "2 forsøk igjen",
    left1: "1 forsøk igjen",
    closed: "Forsøk 1: Stengt",
    confirm: "En ubesvart kontakt gir 0 poeng. Vil du sende den inn?",
    waitShown: (s) => `Svar etter ${s} s`,
    sent: "Lagret og sendt",
    returned: "Sendt tilbake: ",
    window: "Tidsvindu",
    deadline: "Frist",
  },
  sv: {
    locale: "sv-SE",
    login: "Logga in",
    assignments: "Mina uppdrag",
    yes: "Ja",
    saved: "Sparat",
    attempt1: "Försök 1: Inget svar",
    attempt2: "Försök 2: Upptaget",
    left2: "2 försök kvar",
    left1: "1 försök kvar",
    closed: "Försök 1: Stängt",
    confirm: "En obesvarad kontakt ger 0 poäng. Vill du skicka in den?",
    waitShown: (s) => `Svar efter ${s} s`,
    sent: "Sparat och skickat",
    returned: "Skickad tillbaka: ",
    window: "Tidsfönster",
    deadline: "Tidsfrist",
  },
};

const study = await startStudy();
const { base, run, sql } = study;
// Three shoppers with two planned phone contacts each: one in bokmål, one in
// Swedish, and one in Danish who only opens a contact.
const shoppers = sql(
  "SELECT shopper_id FROM contact WHERE status = 'planned' AND channel = 'phone' GROUP BY shopper_id HAVING count(*) >= 2 ORDER BY shopper_id LIMIT 3",
).split("\n");
assert.equal(shoppers.length, 3, "three shoppers with two planned phone calls");
const contactsOf = (shopper) =>
  sql(
    `SELECT id FROM contact WHERE shopper_id = '${shopper}' AND status = 'planned' AND channel = 'phone' ORDER BY id LIMIT 2`,
  ).split("\n");
const accounts = [
  { language: "nb", email: "shopper.nb@demo.no", shopper: shoppers[0] },
  { language: "sv", email: "shopper.sv@demo.no", shopper: shoppers[1] },
];
for (const a of accounts) {
  run(
    "user",
    "add",
    "--db",
    study.db,
    "--email",
    a.email,
    "--role",
    "shopper",
    "--shopper",
    a.shopper,
    "--password",
    "shopper-pass-1",
  );
}
// The Danish shopper's account is in Danish from the start.
const danishAccount = { language: "da", email: "shopper.da@demo.no", shopper: shoppers[2] };
run(
  "user",
  "add",
  "--db",
  study.db,
  "--email",
  danishAccount.email,
  "--role",
  "shopper",
  "--shopper",
  danishAccount.shopper,
  "--language",
  "da",
  "--password",
  "shopper-pass-1",
);
run("user", "add", "--db", study.db, "--email", "manager@demo.no", "--role", "manager", "--password", "manager-pass-1");

// The role play of `contact` on its page, before the start: title and script
// in `language`, as the study file has them.
async function expectRolePlay(page, contact, language) {
  const id = sql(`SELECT scenario_id FROM contact WHERE id = '${contact}'`);
  const scenario = studyFile.industries.flatMap((i) => i.scenarios).find((s) => s.id === id);
  assert.ok(scenario, `the scenario ${id} is in the study file`);
  const card = page.locator("details.card", { has: page.locator("summary") });
  const summary = await card.locator("summary").innerText();
  assert.ok(summary.endsWith(`: ${scenario.title[language]}`), `role play title in ${language}: ${summary}`);
  assert.equal(await card.locator("p").innerText(), scenario.script[language], `role play script in ${language}`);
}

// The questionnaire open on `page`: every area heading, question label and
// option label shown is the study file's text in `language`.
async function expectQuestionnaire(page, language) {
  const shown = await page.evaluate(() => ({
    areas: [...document.querySelectorAll(".questionnaire section h2")].map((e) => e.textContent),
    questions: [...document.querySelectorAll(".questionnaire fieldset.question legend")].map((legend) => [
      legend.id.replace(/^label-/, ""),
      legend.firstChild.textContent,
    ]),
    options: [...document.querySelectorAll(".questionnaire fieldset.question[data-testid]")].map((field) => [
      field.dataset.testid.replace(/^q-/, ""),
      [...field.querySelectorAll("button.option")].map((button) => button.textContent),
    ]),
  }));
  const question = (id) => studyFile.questions.find((q) => q.id === id);
  assert.ok(shown.questions.length > 10, `the questionnaire is shown (${shown.questions.length} questions)`);
  for (const [id, label] of shown.questions) {
    assert.equal(label, question(id).label[language], `the label of ${id} in ${language}`);
  }
  const areaIds = new Set(shown.questions.map(([id]) => question(id).area));
  assert.deepEqual(
    shown.areas,
    studyFile.areas.filter((a) => areaIds.has(a.id)).map((a) => a.label[language]),
    `the area headings in ${language}`,
  );
  let choices = 0;
  for (const [id, buttons] of shown.options) {
    const options = question(id).options;
    if (!options) continue;
    choices += 1;
    // The options in the file's order; "not applicable" (the app's own text) may follow.
    assert.deepEqual(
      buttons.slice(0, options.length),
      options.map((o) => o.label[language]),
      `the options of ${id} in ${language}`,
    );
  }
  assert.ok(choices > 0, "a choice question was shown");
}

// No critical or serious axe violation on the view as it is now.
async function accessible(page, view, language) {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `axe on the ${view} view (${language}): ${JSON.stringify(violations, null, 1)}`);
  await page.screenshot({ path: join(shots, `shopper-${language}-${view}.png`), fullPage: true });
}

// Clicks an answer in the first question without one; false when none is left.
async function answerNext(page, words) {
  const open = page
    .locator("fieldset.question:not(:has([aria-pressed='true']))")
    .filter({ has: page.locator("button.option") });
  if ((await open.count()) === 0) return false;
  const buttons = open.first().locator("button.option");
  const labels = await buttons.allInnerTexts();
  const numbers = labels.filter((x) => /^\d+$/.test(x));
  const pick = labels.includes(words.yes)
    ? labels.indexOf(words.yes)
    : numbers.length
      ? labels.lastIndexOf(numbers.at(-1))
      : 0;
  await buttons.nth(pick).click();
  await page.getByTestId("save-state").filter({ hasText: words.saved }).waitFor();
  return true;
}

async function answerAll(page, words) {
  while (await answerNext(page, words)) {
    // the next one
  }
  for (const field of await page.locator("fieldset.question textarea, fieldset.question input").all()) {
    if (!(await field.inputValue())) {
      await field.fill("3");
      await field.blur();
      await page.getByTestId("save-state").filter({ hasText: words.saved }).waitFor();
    }
  }
}

// The Swedish shopper: the browser's language on the login page, then the
// account's (bokmål, the default), then Swedish from the language menu.
async function logInIn(page, account, words) {
  await page.goto(base + "/");
  assert.equal(
    await page.getByTestId("login").innerText(),
    words.login,
    "the login page speaks the browser's language",
  );
  await accessible(page, "login", account.language);
  await logIn(page, base, account.email, "shopper-pass-1");
  if (account.language !== "nb") {
    await page.locator("h1").filter({ hasText: texts.nb.assignments }).waitFor();
    await page.getByTestId("language").selectOption(account.language);
    await page.locator("h1").filter({ hasText: words.assignments }).waitFor();
    await page.reload();
    await page.locator("h1").filter({ hasText: words.assignments }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), account.language);
  }
}

// One shopper's day: contact `answered` after two unanswered attempts,
// contact `unanswered` submitted as such; returns what the server has.
async function shopperDay(account, manager) {
  const words = texts[account.language];
  const [answered, unanswered] = contactsOf(account.shopper);
  const phone = await newPage(study, { locale: words.locale });
  await logInIn(phone, account, words);
  await phone.getByTestId(`assignment-${answered}`).waitFor();
  await accessible(phone, "worklist", account.language);
  // The time window in the reader's words, with the study's local times.
  const api = await apiAs(base, account.email, "shopper-pass-1");
  const { window } = (await api.get("/assignments")).assignments.find((row) => row.id === answered);
  const day = (local) => `\\b${Number(local.slice(8, 10))}\\b`;
  const clock = (local) => local.slice(11, 16);
  assert.match(
    await phone.getByTestId(`window-${answered}`).innerText(),
    new RegExp(
      `^${words.window}: \\D*${day(window.from)}.* ${clock(window.from)}–${clock(window.to)} · ${words.deadline}: \\D*${day(window.deadline)}.* ${clock(window.deadline)}$`,
    ),
  );
  await phone.getByTestId("show-done").check();
  await phone.locator(".work.done").first().waitFor();
  await accessible(phone, "worklist-done", account.language);

  // Attempt 1: no answer, after at least 3 s of waiting.
  await phone.getByTestId(`assignment-${answered}`).click();
  await phone.getByTestId("start").waitFor();
  await accessible(phone, "before-start", account.language);
  await expectRolePlay(phone, answered, account.language);
  await phone.getByTestId("start").click();
  await phone.getByTestId("timer").waitFor();
  await accessible(phone, "waiting", account.language);
  await sleep(3000);
  await phone.getByTestId("outcome-no_answer").click();
  await phone.getByTestId("attempt-1").filter({ hasText: words.attempt1 }).waitFor();
  assert.equal(await phone.getByTestId("attempts-left").innerText(), words.left2);
  assert.equal(await phone.getByTestId("answered").count(), 0, "no answer button once the attempt is over");
  assert.equal(
    await phone.locator("fieldset.question").filter({ visible: true }).count(),
    0,
    "no questionnaire before an answer",
  );
  await accessible(phone, "outcome", account.language);
  // Attempt 2: busy.
  await phone.getByTestId("try-again").click();
  await phone.getByTestId("outcome-busy").click();
  await phone.getByTestId("attempt-2").filter({ hasText: words.attempt2 }).waitFor();
  assert.equal(await phone.getByTestId("attempts-left").innerText(), words.left1);
  assert.equal(await phone.locator("fieldset.question").filter({ visible: true }).count(), 0, "still no questionnaire");
  // Attempt 3: answered after at least 1.5 s.
  await phone.getByTestId("try-again").click();
  await phone.getByTestId("answered").waitFor();
  await sleep(1500);
  await phone.getByTestId("answered").click();
  await phone.getByTestId("wait").waitFor();
  assert.ok(
    (await phone.locator("fieldset.question").filter({ visible: true }).count()) > 10,
    "the questionnaire opens once answered",
  );
  await accessible(phone, "questionnaire", account.language);
  await expectQuestionnaire(phone, account.language);
  await answerAll(phone, words);
  await phone.getByTestId("submit").click();
  await phone.getByTestId("submitted").waitFor();
  // Submitted on the phone; the server has it once the outbox says so.
  await phone.getByTestId("save-state").filter({ hasText: words.sent }).waitFor();
  await accessible(phone, "submitted", account.language);

  const first = await api.get(`/assignments/${answered}`);
  const shownWait = await (async () => {
    // The page is on this hash still (the submitted card): load it anew.
    await phone.reload();
    return phone.getByTestId("wait").innerText();
  })();

  // Unanswered: "closed", then submitted once the shopper confirms it scores 0.
  await phone.goto(`${base}/#/assignment/${unanswered}`);
  await phone.getByTestId("start").click();
  await phone.getByTestId("outcome-closed").click();
  await phone.getByTestId("attempt-1").filter({ hasText: words.closed }).waitFor();
  await accessible(phone, "outcome-closed", account.language);
  const dialogs = [];
  phone.once("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await phone.getByTestId("submit-unanswered").click();
  // Dismissed: nothing is sent (the server would have answered within this).
  await sleep(500);
  assert.equal(await phone.getByTestId("submitted").count(), 0, "dismissed: still on the contact");
  assert.equal((await api.get(`/assignments/${unanswered}`)).status, "started", "dismissed: not submitted");
  phone.once("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.accept();
  });
  await phone.getByTestId("submit-unanswered").click();
  await phone.getByTestId("submitted").waitFor();
  // Submitted on the phone; the server has it once the outbox says so.
  await phone.getByTestId("save-state").filter({ hasText: words.sent }).waitFor();
  assert.deepEqual(dialogs, [words.confirm, words.confirm], "the confirmation says it scores 0");
  const closed = await api.get(`/assignments/${unanswered}`);

  // The manager returns the answered one; the shopper makes it again.
  await manager.post(`/contacts/${answered}/return`, { message: "Ring en gang til" });
  await phone.goto(`${base}/#/`);
  await phone.getByTestId("group-returned").waitFor();
  await phone.getByTestId(`assignment-${answered}`).click();
  await phone.getByText(words.returned + "Ring en gang til").waitFor();
  await phone.getByTestId("restart").waitFor();
  await accessible(phone, "returned", account.language);
  await phone.getByTestId("restart").click();
  await phone.getByTestId("answered").waitFor();
  await sleep(1500);
  await phone.getByTestId("answered").click();
  await phone.getByTestId("wait").waitFor();
  await answerAll(phone, words);
  await phone.getByTestId("submit").click();
  await phone.getByTestId("submitted").waitFor();
  // Submitted on the phone; the server has it once the outbox says so.
  await phone.getByTestId("save-state").filter({ hasText: words.sent }).waitFor();
  const again = await api.get(`/assignments/${answered}`);
  await api.dispose();
  await phone.context().close();
  return { first, shownWait, closed, again, scripts: phone.scripts, errors: phone.errors, words };
}

// The server's record of one shopper's day, checked against the rules by hand.
function check({ first, shownWait, closed, again, words }) {
  // Three attempts in round 0: no answer, busy, answered.
  assert.equal(first.status, "submitted");
  assert.deepEqual(
    first.attempts.map((a) => [a.round, a.outcome]),
    [
      [0, "no_answer"],
      [0, "busy"],
      [0, "answered"],
    ],
  );
  const [one, , three] = first.attempts;
  // The wait runs from the answered attempt's start to its answer: at least
  // the 1.5 s the test waited, and short of the time since the first start
  // by at least the 3 s of the first attempt.
  assert.ok(
    Math.abs(first.wait_s - seconds(three.started_at, three.ended_at)) < 0.001,
    `wait ${first.wait_s} s is the third attempt's`,
  );
  assert.ok(first.wait_s >= 1.5, `wait ${first.wait_s} s >= 1.5 s`);
  assert.ok(seconds(one.started_at, first.answered_at) - first.wait_s >= 3, "not measured from the first attempt");
  assert.equal(first.started_at, three.started_at, "the contact's start is the answered attempt's");
  assert.equal(shownWait, words.waitShown(Math.round(first.wait_s)), "the wait shown is the kept one");
  // Unanswered: one closed attempt, no answer time, no wait, no answers.
  assert.equal(closed.status, "submitted");
  assert.deepEqual(
    closed.attempts.map((a) => a.outcome),
    ["closed"],
  );
  assert.equal(closed.answered_at, null);
  assert.equal(closed.wait_s, null);
  assert.deepEqual(closed.answers, []);
  // Restarted after the return: a fourth attempt in round 1, its own wait.
  assert.equal(again.status, "submitted");
  assert.deepEqual(
    again.attempts.map((a) => [a.round, a.outcome]),
    [
      [0, "no_answer"],
      [0, "busy"],
      [0, "answered"],
      [1, "answered"],
    ],
  );
  const four = again.attempts[3];
  assert.ok(
    Math.abs(again.wait_s - seconds(four.started_at, four.ended_at)) < 0.001,
    `wait ${again.wait_s} s is the restart's`,
  );
  assert.ok(again.wait_s >= 1.5, `restarted wait ${again.wait_s} s >= 1.5 s`);
  assert.ok(Date.parse(four.started_at) > Date.parse(first.submitted_at), "measured again after the return");
}

let failed = false;
try {
  const manager = await apiAs(base, "manager@demo.no", "manager-pass-1");
  const days = [];
  for (const account of accounts) {
    const day = await shopperDay(account, manager);
    check(day);
    days.push(day);
  }
  await manager.dispose();
  // A Danish browser meets the login page in Danish; the Danish shopper, in
  // Danish from the start, reads a contact's role play and questionnaire in Danish.
  const danish = await newPage(study, { locale: "da-DK" });
  await danish.goto(base + "/");
  assert.equal(await danish.getByTestId("login").innerText(), "Log ind");
  assert.equal(await danish.evaluate(() => document.documentElement.lang), "da");
  await logIn(danish, base, danishAccount.email, "shopper-pass-1");
  assert.equal(await danish.evaluate(() => document.documentElement.lang), "da");
  const [danishContact] = contactsOf(danishAccount.shopper);
  await danish.getByTestId(`assignment-${danishContact}`).click();
  await danish.getByTestId("start").waitFor();
  await expectRolePlay(danish, danishContact, "da");
  await danish.getByTestId("start").click();
  await danish.getByTestId("answered").click();
  await danish.getByTestId("wait").waitFor();
  await expectQuestionnaire(danish, "da");
  assert.deepEqual(danish.errors, [], "no script errors (da)");
  await danish.context().close();
  for (const [i, day] of days.entries()) {
    const paths = [...day.scripts.keys()];
    assert.ok(paths.length > 0, "scripts were counted");
    assert.deepEqual(
      paths.filter((p) => /echarts/i.test(p)),
      [],
      "no ECharts on the shopper's screens",
    );
    // Only the language read is downloaded: none but bokmål's (built in) in nb.
    const languages = paths
      .filter((p) => /\/(nb|sv|da|en)-[^/]*\.js$/.test(p))
      .map((p) => p.split("/").pop().slice(0, 2));
    assert.deepEqual(
      languages,
      accounts[i].language === "nb" ? [] : [accounts[i].language],
      "the texts of one language",
    );
    const total = [...day.scripts.values()].reduce((sum, bytes) => sum + bytes, 0);
    console.log(
      `shopper (${accounts[i].language}): ${total} bytes of JavaScript: ${JSON.stringify(Object.fromEntries(day.scripts))}`,
    );
    assert.deepEqual(day.errors, [], "no script errors");
  }
  console.log(`shopper browser test: ok; screenshots in ${shots}`);
} catch (error) {
  failed = true;
  console.error("shopper browser test: FAILED:", error);
} finally {
  await study.close();
}
process.exit(failed ? 1 : 0);
