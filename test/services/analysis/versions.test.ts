/**
 * Pooling across questionnaire versions: questions are matched by name; categories come
 * in the current version's order with values only older versions offered after them;
 * respondents of a version without the question were not asked it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../src/db/client.js";
import { crosstabAnalysis } from "../../../src/services/analysis/crosstab.js";
import { frequencyAnalysis } from "../../../src/services/analysis/frequencies.js";
import { numericAnalysis } from "../../../src/services/analysis/numeric.js";
import { ratioAnalysis } from "../../../src/services/analysis/ratio.js";
import { AnswerCheckers } from "../../../src/services/answer-checkers.js";
import { submitResponse } from "../../../src/services/responses.js";
import { publishSurvey } from "../../../src/services/surveys.js";
import { openTestDatabase } from "../../helpers/database.js";
import { crosstabRequest, frequenciesRequest, numericRequest, ratioRequest } from "../../../src/services/analysis/requests.js";

const SURVEY = "pooled";
const v1 = {
  title: "第一版",
  pages: [
    {
      name: "p",
      elements: [
        { type: "radiogroup", name: "level", title: "层级", choices: ["市", "区", "社会组织"] },
        { type: "checkbox", name: "problems", choices: ["甲", "乙", "丙"] },
        // The headcount was stored under another key in the first version.
        { type: "text", name: "size", valueName: "headcount", inputType: "number" },
      ],
    },
  ],
};
const v2 = {
  title: "第二版",
  pages: [
    {
      name: "p",
      elements: [
        { type: "radiogroup", name: "level", title: "单位层级", choices: ["市", "区(县)", "社会组织"] },
        { type: "checkbox", name: "problems", choices: ["甲", { value: "乙", text: "乙（改写）" }, "丁"] },
        { type: "text", name: "size", inputType: "number" },
        { type: "radiogroup", name: "channel", choices: ["线上", "线下"] },
      ],
    },
  ],
};

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  const checkers = new AnswerCheckers();
  await publishSurvey(db, SURVEY, v1);
  for (const data of [
    { level: "市", problems: ["甲", "丙"], headcount: 10 },
    { level: "区", problems: ["乙"], headcount: 4 },
    { level: "社会组织", problems: ["丙"], headcount: 6 },
  ]) {
    await submitResponse(db, checkers, SURVEY, { id: crypto.randomUUID(), data, complete: true });
  }
  expect((await publishSurvey(db, SURVEY, v2)).version).toBe(2);
  for (const data of [
    { level: "区(县)", problems: ["乙", "丁"], size: 20, channel: "线上" },
    { level: "市", problems: ["甲"], size: 5, channel: "线下" },
  ]) {
    await submitResponse(db, checkers, SURVEY, { id: crypto.randomUUID(), data, complete: true });
  }
}, 60_000);
afterAll(async () => database?.close());

describe("pooling versions", () => {
  it("says which versions it pooled and how many responses each gave", async () => {
    const r = await frequencyAnalysis(database.db, SURVEY, frequenciesRequest.parse({ question: "problems" }));
    expect(r.versions).toEqual([
      { version: 1, responses: 3 },
      { version: 2, responses: 2 },
    ]);
    expect(r.question.versions).toEqual([1, 2]);
  });

  it("orders categories as the current version, then values only older versions offered", async () => {
    const r = await frequencyAnalysis(database.db, SURVEY, frequenciesRequest.parse({ question: "problems" }));
    expect(r.categories).toEqual([
      { value: "甲", label: "甲" },
      { value: "乙", label: "乙（改写）" },
      { value: "丁", label: "丁" },
      { value: "丙", label: "丙", retired: true },
    ]);
    expect(r.counts).toEqual([2, 2, 1, 2]);
    const level = await frequencyAnalysis(database.db, SURVEY, frequenciesRequest.parse({ question: "level" }));
    expect(level.categories.map((c) => c.value)).toEqual(["市", "区(县)", "社会组织", "区"]);
    expect(level.counts).toEqual([2, 1, 1, 1]);
    expect(level.question.title).toBe("单位层级");
  });

  it("counts respondents of a version without the question as not asked", async () => {
    const r = await frequencyAnalysis(database.db, SURVEY, frequenciesRequest.parse({ question: "channel" }));
    expect(r.n).toBe(2);
    expect(r.notAsked).toBe(3);
    expect(r.missing).toBe(0);
    expect(r.question.versions).toEqual([2]);
    const x = (await crosstabAnalysis(database.db, SURVEY, crosstabRequest.parse({ row: "channel", column: "level" }))) as any;
    expect(x.missingDetail.row).toEqual({ missing: 0, notAsked: 3 });
    expect(x.n).toBe(2);
  });

  it("follows a question whose data key changed between versions", async () => {
    const r = await numericAnalysis(database.db, SURVEY, numericRequest.parse({ question: "size" }));
    expect(r.n).toBe(5);
    expect(r.mean).toBe(45 / 5);
    expect(r.versions).toEqual([
      { version: 1, responses: 3 },
      { version: 2, responses: 2 },
    ]);
    const ratio = await ratioAnalysis(database.db, SURVEY, ratioRequest.parse({ numerator: "size", denominator: "size", by: "level" }));
    expect(ratio.n).toBe(5);
    expect(ratio.groups.map((g) => g.n)).toEqual([2, 1, 1, 1]);
  });

  it("filters by a value only an older version offered", async () => {
    const r = await frequencyAnalysis(database.db, SURVEY, frequenciesRequest.parse({ question: "problems", filter: { question: "level", in: ["区"] } }));
    expect(r.n).toBe(1);
    expect(r.counts).toEqual([0, 1, 0, 0]);
  });
});
