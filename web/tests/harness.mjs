// What the browser tests share: a demo study in a temporary SQLite file, a
// real `cxbench serve` on it, Debian's Chromium through playwright-core,
// logging in through the login form and calling the API as an account.
// Environment: CXBENCH (the binary), CXBENCH_CHROMIUM (default /usr/bin/chromium).
import { chromium, request as apiRequest } from "playwright-core";
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import assert from "node:assert/strict";
import { Buffer } from "node:buffer";

export const chromiumPath = process.env.CXBENCH_CHROMIUM ?? "/usr/bin/chromium";
export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

// A real `cxbench serve` on `db` (CXBENCH is the binary): its base URL once
// it listens, and stop() (SIGTERM, resolved when it has exited).
export async function serve(db, { listen = "127.0.0.1:0", web } = {}) {
  const args = ["serve", "--db", db, "--listen", listen, "--resamples", "200"];
  if (web) args.push("--web", web);
  const server = spawn(process.env.CXBENCH, args, { stdio: ["ignore", "pipe", "inherit"] });
  const base = await new Promise((resolve, reject) => {
    let out = "";
    server.stdout.on("data", (chunk) => {
      out += chunk;
      const match = out.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
      if (match) resolve(match[1]);
    });
    server.on("exit", (code) => reject(new Error(`cxbench serve exited with ${code}`)));
    setTimeout(() => reject(new Error("cxbench serve did not start")), 60000);
  });
  return {
    base,
    async stop() {
      // The start's "exit" listener goes first: removed after, it would take this one too.
      server.removeAllListeners("exit");
      if (server.exitCode !== null || server.signalCode !== null) return;
      const exited = new Promise((resolve) => server.once("exit", resolve));
      server.kill("SIGTERM");
      await exited;
    },
  };
}

export async function startStudy(demoArgs = ["--participants", "12", "--shoppers", "60", "--open", "2"]) {
  const cxbench = process.env.CXBENCH;
  assert.ok(cxbench, "set CXBENCH to the cxbench binary");
  const dir = mkdtempSync(join(tmpdir(), "cxbench-browser-"));
  const db = join(dir, "web.db");
  const run = (...args) => execFileSync(cxbench, args, { encoding: "utf8" });
  const sql = (query) => execFileSync("sqlite3", [db, query], { encoding: "utf8" }).trim();
  run("demo", "--db", db, ...demoArgs, "--format", "json");
  const { base, stop } = await serve(db);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  return {
    base,
    db,
    run,
    sql,
    browser,
    async close() {
      await browser.close();
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// A page of its own context; `page.errors` collects script errors, and
// `page.scripts` every script the page fetched (path -> bytes).
export async function newPage(study, { viewport = { width: 390, height: 844 }, locale = "nb-NO" } = {}) {
  const context = await study.browser.newContext({ viewport, locale });
  const page = await context.newPage();
  const errors = [];
  const scripts = new Map();
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("console", (message) => {
    if (message.type() === "error" && !/40[1349]|422/.test(message.text())) errors.push(message.text());
  });
  page.on("response", async (response) => {
    if (response.request().resourceType() !== "script") return;
    try {
      scripts.set(new URL(response.url()).pathname, (await response.body()).length);
    } catch {
      // A response the page dropped (navigated away) has no body to count.
    }
  });
  page.errors = errors;
  page.scripts = scripts;
  return page;
}

export async function logIn(page, base, email, password) {
  await page.goto(base + "/");
  await page.getByTestId("email").fill(email);
  await page.getByTestId("password").fill(password);
  await page.getByTestId("login").click();
  await page.getByTestId("logout").waitFor();
}

// The API as `email`: a session cookie and the CSRF token of /me.
export async function apiAs(base, email, password) {
  const context = await apiRequest.newContext({ baseURL: base });
  const login = await context.post("/api/v1/session", { data: { email, password } });
  assert.equal(login.status(), 200, `${email} logs in`);
  const me = await (await context.get("/api/v1/me")).json();
  const headers = { "X-CSRF-Token": me.csrf_token };
  const json = async (response, what) => {
    assert.ok(response.ok(), `${what}: ${response.status()} ${await response.text()}`);
    return response.json();
  };
  return {
    get: async (path) => json(await context.get("/api/v1" + path), `GET ${path}`),
    post: async (path, data) => json(await context.post("/api/v1" + path, { data, headers }), `POST ${path}`),
    dispose: () => context.dispose(),
  };
}

// axe-core (npm) on the page as it is now: the critical and serious
// violations, each named with the nodes at fault.
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
export async function axeViolations(page) {
  // Evaluated through the debugging protocol: the page's Content-Security-Policy
  // (no inline script) stays as it is for the app.
  if (!(await page.evaluate(() => "axe" in globalThis))) await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const { violations } = await globalThis.axe.run(document, { resultTypes: ["violations"] });
    return violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(" ")),
    }));
  });
  return result.filter((v) => v.impact === "critical" || v.impact === "serious");
}

// A real recording: 0.1 s of 8 kHz 8-bit mono PCM in a RIFF/WAVE file.
export function wavFile() {
  const samples = 800;
  const wav = Buffer.alloc(44 + samples);
  wav.write("RIFF", 0);
  wav.writeUInt32LE(36 + samples, 4);
  wav.write("WAVEfmt ", 8);
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20);
  wav.writeUInt16LE(1, 22);
  wav.writeUInt32LE(8000, 24);
  wav.writeUInt32LE(8000, 28);
  wav.writeUInt16LE(1, 32);
  wav.writeUInt16LE(8, 34);
  wav.write("data", 36);
  wav.writeUInt32LE(samples, 40);
  for (let i = 0; i < samples; i++) wav[44 + i] = 128 + (i % 16) * 4;
  return wav;
}
