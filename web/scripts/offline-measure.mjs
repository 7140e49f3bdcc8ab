// Measures the shopper app on a phone over a slow network: the cold start
// (nothing cached: login page to the worklist shown), the warm start (a
// second visit; with the service worker, from its cache), and the bytes sent
// and received per answer tapped. Network 1.6 Mbit/s down, 750 kbit/s up,
// 150 ms latency (CDP Network.emulateNetworkConditions), CPU 4x slower
// (Emulation.setCPUThrottlingRate). Median of RUNS runs each.
//   CXBENCH=build/dev/src/cli/cxbench node web/scripts/offline-measure.mjs [WEB_DIST] [RUNS]
// WEB_DIST (default: the server's own, web/dist) lets one compare two builds.
import { chromium } from "playwright-core";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromiumArgs, chromiumPath, serve } from "../tests/harness.mjs";

const cxbench = process.env.CXBENCH;
if (!cxbench) throw new Error("set CXBENCH to the cxbench binary");
const web = process.argv[2];
const runs = Number(process.argv[3] ?? 3);
const dir = mkdtempSync(join(tmpdir(), "cxbench-measure-"));
const db = join(dir, "web.db");
const run = (...args) => execFileSync(cxbench, args, { encoding: "utf8" });
const sql = (query) => execFileSync("sqlite3", [db, query], { encoding: "utf8" }).trim();

run("demo", "--db", db, "--participants", "12", "--shoppers", "60", "--open", "8", "--format", "json");
const shopperId = sql(
  "SELECT shopper_id FROM contact WHERE status = 'planned' AND channel = 'phone' GROUP BY shopper_id ORDER BY count(*) DESC, shopper_id LIMIT 1",
);
const contacts = sql(
  `SELECT id FROM contact WHERE status = 'planned' AND channel = 'phone' AND shopper_id = '${shopperId}' ORDER BY id`,
).split("\n");
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
  "measure-pass-1",
);

const { base, stop } = await serve(db, { web });
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });

async function throttle(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6e6 / 8) | 0,
    uploadThroughput: (750e3 / 8) | 0,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
}

async function logIn(page) {
  await page.getByTestId("email").fill("shopper@demo.no");
  await page.getByTestId("password").fill("measure-pass-1");
  await page.getByTestId("login").click();
  await page.getByTestId("logout").waitFor();
}

const median = (values) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];

// Cold: a new profile, throttled, from navigation to the worklist. Warm: the
// same profile visiting again (after the service worker, if any, is ready).
async function starts() {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "nb-NO" });
  const page = await context.newPage();
  await page.goto(base + "/");
  await logIn(page);
  const worker = await page.evaluate(async () => {
    if (!("serviceWorker" in navigator) || !(await navigator.serviceWorker.getRegistration())) return false;
    await navigator.serviceWorker.ready;
    return true;
  });
  await context.clearCookies();
  const coldPage = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "nb-NO" });
  const cold = await coldPage.newPage();
  await throttle(cold);
  let started = Date.now();
  await cold.goto(base + "/");
  await cold.getByTestId("email").waitFor();
  const coldMs = Date.now() - started;
  await coldPage.close();
  // Warm: logged in again in the first profile, then a fresh page.
  await page.goto(base + "/");
  await logIn(page);
  await page.waitForTimeout(500);
  const again = await context.newPage();
  await throttle(again);
  started = Date.now();
  await again.goto(base + "/");
  await again.getByTestId(`assignment-${contacts[0]}`).waitFor();
  const warmMs = Date.now() - started;
  await context.close();
  return { coldMs, warmMs, worker };
}

// Bytes per answer: the requests an answer tap makes, bodies and headers.
async function bytesPerAnswer() {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "nb-NO" });
  const page = await context.newPage();
  await page.goto(base + "/");
  await logIn(page);
  await page.goto(`${base}/#/assignment/${contacts.at(-1)}`);
  await page.getByTestId("start").click();
  await page.getByTestId("answered").click();
  await page.getByTestId("wait").waitFor();
  await page.waitForLoadState("networkidle");
  let up = 0;
  let down = 0;
  // On the context: requests a service worker passes on count too.
  context.on("response", async (response) => {
    const request = response.request();
    if (request.method() !== "PUT" || !/\/draft$/.test(new URL(request.url()).pathname)) return;
    const headers = (await request.headersArray()).reduce((n, h) => n + h.name.length + h.value.length + 4, 0);
    up += headers + (request.postDataBuffer()?.length ?? 0);
    down += (await response.body()).length;
  });
  const taps = 5;
  for (let i = 0; i < taps; i++) {
    const open = page
      .locator("fieldset.question:not(:has([aria-pressed='true']))")
      .filter({ has: page.locator("button.option") });
    await open.first().locator("button.option").first().click();
    await page.waitForLoadState("networkidle");
    await page.waitForTimeout(300);
  }
  await context.close();
  return { up: Math.round(up / taps), down: Math.round(down / taps) };
}

try {
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await starts());
  const bytes = await bytesPerAnswer();
  console.log(`web: ${web ?? "web/dist"}; service worker: ${results[0].worker}`);
  console.log(
    `cold start to the login form: median ${median(results.map((r) => r.coldMs))} ms (${results.map((r) => r.coldMs).join(", ")})`,
  );
  console.log(
    `warm start to the worklist: median ${median(results.map((r) => r.warmMs))} ms (${results.map((r) => r.warmMs).join(", ")})`,
  );
  console.log(
    `per answer: ${bytes.up} bytes sent, ${bytes.down} bytes received (request headers and body; reply body)`,
  );
} finally {
  await browser.close();
  await stop();
  rmSync(dir, { recursive: true, force: true });
}
