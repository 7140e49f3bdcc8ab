// Time to first paint of the manager's dashboard and QA queue, for bench/qa.sh:
// a fresh page load of each (logged in), the Performance API's first
// contentful paint, and the time from navigation start until the view's
// content is on screen (the QA backlog on the dashboard, the first report of
// the queue). Median of five loads each. Usage: node bench/qa_paint.mjs BASE EMAIL PASSWORD
import { createRequire } from "node:module";

// playwright-core is the web app's test dependency (web/package.json).
const require = createRequire(new URL("../web/package.json", import.meta.url));
const { chromium } = require("playwright-core");

const [base, email, password] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CXBENCH_CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
await page.goto(base + "/");
await page.getByTestId("email").fill(email);
await page.getByTestId("password").fill(password);
await page.getByTestId("login").click();
await page.getByTestId("logout").waitFor();

async function load(hash, selector) {
  const times = [];
  for (let i = 0; i < 5; i++) {
    await page.goto("about:blank");
    await page.goto(`${base}/${hash}`);
    await page.locator(selector).first().waitFor({ timeout: 120000 });
    times.push(
      await page.evaluate(() => {
        const paint = performance.getEntriesByName("first-contentful-paint")[0];
        return { fcp: paint ? paint.startTime : NaN, shown: performance.now() };
      }),
    );
  }
  const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const ms = (value) => `${Math.round(value)} ms`;
  console.log(
    `  ${hash.padEnd(10)} first contentful paint ${ms(median(times.map((t) => t.fcp)))}, ` +
      `content shown ${ms(median(times.map((t) => t.shown)))} (median of ${times.length})`,
  );
}

await load("#/", "[data-testid=qa-backlog]");
await load("#/qa", "a.assignment");
await browser.close();
