// The relevance rule's hand-worked table (src/domain/relevance_cases.json,
// which the domain's rule passes too: src/results/relevance_rule_test.cc)
// through what the phone decides offline: the questionnaire the real
// `cxbench study questionnaire` prints for a study holding one question per
// row (its `asked_when` links, read by the server's CompileAsked), looked up
// by the shopper app's src/questionnaire/asked.ts. The phone keeps no rule of
// its own, so a row can only pass if the server's links carry the rule.
// The TypeScript is transpiled with the compiler the app is built with.
import ts from "typescript";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Buffer } from "node:buffer";
import assert from "node:assert/strict";

const source = process.env.CXBENCH_SOURCE_DIR ?? join(process.cwd(), "..");
assert.ok(process.env.CXBENCH, "set CXBENCH to the cxbench binary");
const code = ts.transpileModule(readFileSync(join(source, "web/src/questionnaire/asked.ts"), "utf8"), {
  compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
}).outputText;
const { askedOnDevice } = await import(`data:text/javascript;base64,${Buffer.from(code).toString("base64")}`);

const cases = JSON.parse(readFileSync(join(source, "src/domain/relevance_cases.json"), "utf8"));
assert.ok(cases.rows.length >= 20, "the table has its rows");

const yaml = (value) => JSON.stringify(value); // JSON is YAML's flow style
function conditionYaml(condition) {
  const kind = condition.negate ? "not_equals" : "equals";
  return `{question: ${condition.question}, ${kind}: ${yaml(condition.values)}}`;
}
function questionYaml(q, relevance, extra = "") {
  const lines = [`  - id: ${q.id}`, "    area: agent", `    type: ${q.type}`, `    label: {en: ${yaml(q.id)}}`];
  if (q.allow_na) lines.push("    na: true");
  if (q.channels) lines.push(`    channels: ${yaml(q.channels)}`);
  if (q.options) lines.push(`    options: ${yaml(q.options.map((id) => ({ id, label: { en: id } })))}`);
  if (relevance) lines.push(`    relevant_if: ${conditionYaml(relevance)}`);
  return lines.join("\n") + extra;
}

// The table's questions, with `dep_N` (required, 2 points) on row N's condition.
const hours = '{days: [mon, tue, wed, thu, fri], open: "08:00", close: "16:00"}';
const study = `study:
  id: relevance_table
  name: Relevance table
  year: 2026
  languages: [en]
  fieldwork: {start: 2026-01-12, end: 2026-05-10}
channels:
  - {id: phone, share: 1, hours: ${hours}, max_wait: 10m, wait_table: [{wait: 20s, share: 1}, {wait: 10m, share: 0}]}
  - {id: chat, share: 1, hours: ${hours}, max_wait: 10m, wait_table: [{wait: 20s, share: 1}, {wait: 10m, share: 0}]}
industries:
  - id: bank
    name: {en: Banking}
    scenarios: [{id: s1, title: {en: Loan}, script: {en: Ask about a loan.}}]
participants:
  - {id: p1, name: P1, industry: bank, audit: {phone: {offered: true, ease: easy}, chat: {offered: true, ease: easy}}}
areas:
  - id: agent
    label: {en: The agent}
questions:
${cases.questions
  .filter((q) => q.id !== "dep")
  .map((q) => questionYaml(q, q.relevance))
  .join("\n")}
${cases.rows
  .map((row, index) => questionYaml({ id: `dep_${index}`, type: "yes_no" }, row.condition, "\n    points: 2"))
  .join("\n")}
`;

const dir = mkdtempSync(join(tmpdir(), "cxbench-relevance-"));
try {
  writeFileSync(join(dir, "study.yaml"), study);
  const printed = execFileSync(
    process.env.CXBENCH,
    ["study", "questionnaire", join(dir, "study.yaml"), "--channel", "phone"],
    {
      encoding: "utf8",
    },
  );
  const { questions } = JSON.parse(printed);
  // What the phone is sent: the phone's questions only, and no condition in the raw.
  assert.ok(!questions.some((q) => q.id === "gate_chat"), "a chat-only question is not sent to a phone contact");
  assert.ok(!questions.some((q) => "relevance" in q || "relevant_if" in q), "the phone is sent links, not conditions");

  let failures = 0;
  cases.rows.forEach((row, index) => {
    const answers = new Map(row.earlier.map((a) => [a.question, a]));
    const asked = askedOnDevice(questions, answers).has(`dep_${index}`);
    if (asked !== row.asked) {
      failures++;
      const sent = JSON.stringify(questions.find((q) => q.id === `dep_${index}`)?.asked_when);
      console.error(
        `${row.name}: the phone says it is ${asked ? "" : "not "}asked, the table says ${row.asked ? "asked" : "not asked"} (asked_when ${sent})`,
      );
    }
  });
  assert.equal(failures, 0, `${failures} of ${cases.rows.length} rows differ from the rule's table`);
  console.log(`relevance on the phone, from the server's links: ${cases.rows.length} rows as the rule's table says`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
