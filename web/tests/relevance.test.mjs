// The shopper app's offline stand-in for the relevance rule
// (src/questionnaire/relevance.ts: which questions are asked while changes
// wait on the phone) against the rule's own hand-worked table,
// src/domain/relevance_cases.json, which the domain's rule passes too
// (src/results/relevance_rule_test.cc). Online the server's `asked` list is
// what the form follows; this keeps the phone's answer the same offline.
// The TypeScript is transpiled with the compiler the app is built with.
import ts from "typescript";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Buffer } from "node:buffer";
import assert from "node:assert/strict";

const source = process.env.CXBENCH_SOURCE_DIR ?? join(process.cwd(), "..");
const code = ts.transpileModule(readFileSync(join(source, "web/src/questionnaire/relevance.ts"), "utf8"), {
  compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
}).outputText;
const { askedOnDevice } = await import(`data:text/javascript;base64,${Buffer.from(code).toString("base64")}`);

const cases = JSON.parse(readFileSync(join(source, "src/domain/relevance_cases.json"), "utf8"));
assert.ok(cases.rows.length >= 20, "the table has its rows");

// The questionnaire a phone contact is sent: the questions asked on the phone
// (as the server's QuestionnaireJson sends them), `dep` on the row's condition.
function phoneQuestionnaire(condition) {
  return cases.questions
    .filter((q) => !q.channels || q.channels.includes("phone"))
    .map((q) => ({
      id: q.id,
      type: q.type,
      ...(q.relevance ? { relevance: q.relevance } : {}),
      ...(q.id === "dep" ? { relevance: condition } : {}),
    }));
}

let failures = 0;
for (const row of cases.rows) {
  const answers = new Map(row.earlier.map((a) => [a.question, a]));
  const asked = askedOnDevice(phoneQuestionnaire(row.condition), answers).has("dep");
  if (asked !== row.asked) {
    failures++;
    console.error(
      `${row.name}: the phone says dep is ${asked ? "" : "not "}asked, the table says ${row.asked ? "asked" : "not asked"}`,
    );
  }
}
assert.equal(failures, 0, `${failures} of ${cases.rows.length} rows differ from the rule's table`);
console.log(`relevance on the phone: ${cases.rows.length} rows as the rule's table says`);
