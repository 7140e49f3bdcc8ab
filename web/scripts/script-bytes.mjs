// Measures the JavaScript each role's screens download: a shopper on a phone
// (assignment list, one assignment), a participant (results), a manager
// (dashboard). Drives Debian's Chromium against a real `cxbench serve` on a
// small demo study, as tests/browser.test.mjs does.
//   CXBENCH=build/dev/src/cli/cxbench node web/scripts/script-bytes.mjs [WEB_DIST]
// WEB_DIST (default: the server's own, web/dist) lets one compare two builds.
import { chromium } from "playwright-core";
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const cxbench = process.env.CXBENCH;
if (!cxbench) throw new Error("set CXBENCH to the cxbench binary");
const web = process.argv[2];
const dir = mkdtempSync(join(tmpdir(), "cxbench-bytes-"));
const db = join(dir, "web.db");
const run = (...args) => execFileSync(cxbench, args, { encoding: "utf8" });
const sql = (query) => execFileSync("sqlite3", [db, query], { encoding: "utf8" }).trim();

run("demo", "--db", db, "--participants", "12", "--shoppers", "60", "--open", "2", "--format", "json");
const [shopperId, contactId, participantId] = sql(
  "SELECT shopper_id, id, participant_id FROM contact WHERE status = 'planned' ORDER BY shopper_id, id LIMIT 1",
).split("|");
const users = [
  ["shopper@demo.no", "shopper", "--shopper", shopperId],
  ["participant@demo.no", "participant", "--participant", participantId],
  ["manager@demo.no", "manager"],
];
for (const [email, role, ...link] of users) {
  run("user", "add", "--db", db, "--email", email, "--role", role, ...link, "--password", "measure-pass-1");
}

const serveArgs = ["serve", "--db", db, "--listen", "127.0.0.1:0", "--resamples", "200"];
if (web) serveArgs.push("--web", web);
const server = spawn(cxbench, serveArgs, { stdio: ["ignore", "pipe", "inherit"] });
const base = await new Promise((resolve, reject) => {
  let out = "";
  server.stdout.on("data", (chunk) => {
    out += chunk;
    const match = out.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
    if (match) resolve(match[1]);
  });
  server.on("exit", (code) => reject(new Error(`cxbench serve exited with ${code}`)));
});
const browser = await chromium.launch({
  executablePath: process.env.CXBENCH_CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});

// Logs in, visits each hash in turn, and sums the bytes of every script fetched.
async function measure(email, viewport, hashes, ready) {
  const context = await browser.newContext({ viewport, locale: "nb-NO" });
  const page = await context.newPage();
  const scripts = new Map();
  page.on("response", async (response) => {
    if (response.request().resourceType() !== "script") return;
    scripts.set(new URL(response.url()).pathname, (await response.body()).length);
  });
  await page.goto(base + "/");
  await page.getByTestId("email").fill(email);
  await page.getByTestId("password").fill("measure-pass-1");
  await page.getByTestId("login").click();
  await page.getByTestId("logout").waitFor();
  for (const [hash, testid] of hashes) {
    await page.goto(base + "/" + hash);
    await page.getByTestId(testid).first().waitFor();
    await page.waitForLoadState("networkidle");
  }
  await ready?.(page);
  await context.close();
  const total = [...scripts.values()].reduce((sum, bytes) => sum + bytes, 0);
  return { total, scripts: Object.fromEntries(scripts) };
}

try {
  const phone = { width: 390, height: 844 };
  const desk = { width: 1280, height: 900 };
  const report = {
    shopper: await measure("shopper@demo.no", phone, [
      ["#/", `assignment-${contactId}`],
      [`#/assignment/${contactId}`, "start"],
    ]),
    participant: await measure("participant@demo.no", desk, [["#/", "score"]], (page) =>
      page.getByTestId("areas-chart").locator("canvas").waitFor(),
    ),
    manager: await measure("manager@demo.no", desk, [["#/", "done"]], (page) =>
      page.getByTestId("progress-chart").locator("canvas").waitFor(),
    ),
  };
  for (const [role, { total, scripts }] of Object.entries(report)) {
    console.log(`${role}: ${total} bytes of JavaScript`);
    for (const [path, bytes] of Object.entries(scripts)) console.log(`  ${path} ${bytes}`);
  }
} finally {
  await browser.close();
  server.kill("SIGTERM");
  rmSync(dir, { recursive: true, force: true });
}
