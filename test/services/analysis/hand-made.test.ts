/**
 * A ten-respondent questionnaire whose every figure is counted by hand below: answers,
 * gaps ("missing": shown but unanswered) and skips ("not asked": hidden by logic), the
 * "other" item, values no version offers, partial responses, labels by language.
 */
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../src/db/client.js";
import { responses } from "../../../src/db/schema/index.js";
import { AnswerDecoder, type Decoded } from "../../../src/services/analysis/answer-decoder.js";
import { countAnswers } from "../../../src/services/analysis/cell-counts.js";
import { crosstabAnalysis } from "../../../src/services/analysis/crosstab.js";
import { buildDesign } from "../../../src/services/analysis/design.js";
import { frequencyAnalysis } from "../../../src/services/analysis/frequencies.js";
import { numericAnalysis } from "../../../src/services/analysis/numeric.js";
import { ratioAnalysis } from "../../../src/services/analysis/ratio.js";
import { findQuestion, loadCatalog } from "../../../src/services/analysis/analysis-question.js";
import { AnswerCheckers } from "../../../src/services/answer-checkers.js";
import { submitResponse } from "../../../src/services/responses.js";
import { getSurveyVersion, publishSurvey } from "../../../src/services/surveys.js";
import { openTestDatabase } from "../../helpers/database.js";
import type { z } from "zod";
import { crosstabRequest, frequenciesRequest, numericRequest, ratioRequest } from "../../../src/services/analysis/requests.js";

const SURVEY = "mini";
const mini = {
  title: { default: "小调查", en: "Mini survey" },
  pages: [
    {
      name: "p",
      elements: [
        { type: "radiogroup", name: "level", title: { default: "层级", "zh-tw": "層級", en: "Level" }, choices: ["市", "区", "社会组织"] },
        {
          type: "radiogroup",
          name: "org_type",
          visibleIf: "{level} = '社会组织'",
          choices: [{ value: "社会团体", text: { default: "社会团体", "zh-tw": "社會團體", en: "Social group" } }, "基金会"],
        },
        {
          type: "checkbox",
          name: "problems",
          choices: ["甲", "乙", { value: "丙", text: { default: "丙项", en: "Item C" } }],
          showOtherItem: true,
          otherText: { default: "其他问题", en: "Something else" },
          maxSelectedChoices: 2,
        },
        { type: "text", name: "staff", inputType: "number", visibleIf: "{level} = '社会组织'" },
        { type: "text", name: "members", inputType: "number", visibleIf: "{level} = '社会组织'" },
        { type: "boolean", name: "hub" },
        { type: "rating", name: "score" },
        { type: "comment", name: "remarks" },
      ],
    },
  ],
};

// Respondents 1–10 complete, 11 partial. Departments (市, 区) never see org_type, staff, members.
const answers: Record<string, unknown>[] = [
  { level: "市", problems: ["甲", "乙"], hub: true, score: 5 },
  { level: "市", problems: ["甲"], hub: false, score: 4 },
  { level: "区", problems: ["乙", "other"], "problems-Comment": "经费", hub: true, score: 3 },
  { level: "区", score: 2 },
  { level: "社会组织", org_type: "社会团体", problems: ["甲"], staff: 10, members: 1, hub: true, score: 5 },
  { level: "社会组织", org_type: "社会团体", problems: ["丙"], staff: 20, members: 4, score: 4 },
  { level: "社会组织", org_type: "基金会", problems: ["甲", "丙"], staff: 5, members: 0, hub: false },
  { level: "社会组织", problems: ["乙"], staff: 8 },
  { problems: ["甲"] },
  { level: "市", problems: ["丙"], score: 1 },
];
const partial = { level: "区", problems: ["甲"] };

let database: Database;
let unlistedIds: string[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  const checkers = new AnswerCheckers();
  await publishSurvey(db, SURVEY, mini);
  // The submission path records what logic hid: org_type, staff and members for every
  // respondent whose level is not 社会组织 (departments, and respondent 9 with no level).
  for (const data of answers) await submitResponse(db, checkers, SURVEY, { id: crypto.randomUUID(), data, complete: true });
  await submitResponse(db, checkers, SURVEY, { id: crypto.randomUUID(), data: partial, complete: false });
}, 60_000);
afterAll(async () => database?.close());

const freq = (body: z.input<typeof frequenciesRequest>) => frequencyAnalysis(database.db, SURVEY, frequenciesRequest.parse(body));

describe("frequencies of hand-counted answers", () => {
  it("a single choice separates missing (shown, unanswered) from not asked (hidden by logic)", async () => {
    const r = await freq({ question: "org_type", lang: "en" });
    expect(r.categories.map((c) => c.value)).toEqual(["社会团体", "基金会"]);
    expect(r.counts).toEqual([2, 1]);
    expect(r.n).toBe(3);
    // Respondent 8 (社会组织, no type) saw it and left it: missing. Respondent 9 gave no
    // level, so logic hid it, as from the five department respondents: not asked.
    expect(r.missing).toBe(1);
    expect(r.notAsked).toBe(6);
    expect(r.casePercent).toEqual([2 / 3, 1 / 3]);
    expect(r.base.casePercent).toContain("missing (1) and not asked (6)");
  });

  it("a multi-select question: percent of respondents and of ticks; the other item counted as 'other'", async () => {
    const r = await freq({ question: "problems" });
    expect(r.labels).toEqual(["甲", "乙", "丙项", "其他问题"]);
    expect(r.counts).toEqual([5, 3, 3, 1]);
    expect(r.n).toBe(9);
    expect(r.missing).toBe(1);
    expect(r.mentions).toBe(12);
    expect(r.casePercent).toEqual([5 / 9, 3 / 9, 3 / 9, 1 / 9]);
    expect(r.responsePercent).toEqual([5 / 12, 3 / 12, 3 / 12, 1 / 12]);
  });

  it("a boolean question is a choice of 是 / 否", async () => {
    const r = await freq({ question: "hub" });
    expect(r.categories).toEqual([
      { value: true, label: "是" },
      { value: false, label: "否" },
    ]);
    expect(r.counts).toEqual([3, 2]);
    expect(r.missing).toBe(5);
  });

  it("labels follow the requested language, falling back to the default text", async () => {
    const r = await freq({ question: "problems", lang: "en" });
    expect(r.labels).toEqual(["甲", "乙", "Item C", "Something else"]);
    const t = await freq({ question: "org_type", lang: "zh-Hant" });
    expect(t.labels).toEqual(["社會團體", "基金会"]);
    expect(t.question.title).toBe("org_type");
    expect((await freq({ question: "level", lang: "zh-Hant" })).question.title).toBe("層級");
  });

  it("partial responses only when asked for", async () => {
    expect((await freq({ question: "problems" })).counts[0]).toBe(5);
    const r = await freq({ question: "problems", includePartial: true });
    expect(r.counts[0]).toBe(6);
    expect(r.n).toBe(10);
    expect(r.includePartial).toBe(true);
  });

  it("filters: single-choice values, multi-select 'any of', and an AND of both", async () => {
    expect((await freq({ question: "hub", filter: { question: "level", in: ["市"] } })).counts).toEqual([1, 1]);
    expect((await freq({ question: "level", filter: { question: "problems", in: ["丙", "other"] } })).counts).toEqual([1, 1, 2]);
    const both = await freq({
      question: "hub",
      filter: [
        { question: "level", in: ["市", "社会组织"] },
        { question: "problems", in: ["甲"] },
      ],
    });
    expect(both.counts).toEqual([2, 2]);
    expect(both.missing).toBe(0);
  });
});

describe("cross-tab, ratio and numbers on the same respondents", () => {
  it("problems by level: ticks and bases per level; respondents without a level are counted out", async () => {
    const r = (await crosstabAnalysis(database.db, SURVEY, crosstabRequest.parse({ row: "problems", column: "level" }))) as any;
    expect(r.counts).toEqual([
      [2, 0, 2],
      [1, 1, 1],
      [1, 0, 2],
      [0, 1, 0],
    ]);
    expect(r.bases).toEqual([3, 1, 4]);
    expect(r.missing).toBe(2);
    expect(r.missingDetail).toEqual({ row: { missing: 1, notAsked: 0 }, column: { missing: 1, notAsked: 0 } });
  });

  it("members / staff: Σ 5 / Σ 35 over the three organisations with both numbers", async () => {
    const r = await ratioAnalysis(database.db, SURVEY, ratioRequest.parse({ numerator: "members", denominator: "staff", by: "org_type" }));
    expect(r.ratio).toBe(5 / 35);
    expect(r.n).toBe(3);
    expect(r.designSize).toBe(10);
    expect(r.missingDetail.numerator).toEqual({ missing: 1, notAsked: 6 });
    expect(r.missingDetail.denominator).toEqual({ missing: 0, notAsked: 6 });
    expect(r.groups.map((g) => [g.value, g.ratio])).toEqual([
      ["社会团体", 5 / 30],
      ["基金会", 0],
    ]);
  });

  it("score: n, mean, quartiles (type 7), extremes; missing and not asked apart", async () => {
    const r = await numericAnalysis(database.db, SURVEY, numericRequest.parse({ question: "score", by: "level" }));
    // Scores 5, 4, 3, 2, 5, 4, 1: sorted 1 2 3 4 4 5 5.
    expect([r.n, r.min, r.q1, r.median, r.q3, r.max]).toEqual([7, 1, 2.5, 4, 4.5, 5]);
    expect(r.mean).toBeCloseTo(24 / 7, 12);
    expect(r.missing).toBe(3);
    expect(r.groups.map((g) => [g.value, g.n, g.median])).toEqual([
      ["市", 3, 4],
      ["区", 2, 2.5],
      ["社会组织", 2, 4.5],
    ]);
    const staff = await numericAnalysis(database.db, SURVEY, numericRequest.parse({ question: "staff" }));
    expect([staff.n, staff.missing, staff.notAsked]).toEqual([4, 0, 6]);
  });
});

describe("an empty design", () => {
  const nobody = [
    { question: "level", in: ["市"] },
    { question: "level", in: ["区"] },
  ];
  it("gives empty tables and null statistics, not errors", async () => {
    const x = (await crosstabAnalysis(database.db, SURVEY, crosstabRequest.parse({ row: "hub", column: "level", filter: nobody }))) as any;
    expect([x.n, x.tests]).toEqual([0, null]);
    const m = (await crosstabAnalysis(database.db, SURVEY, crosstabRequest.parse({ row: "problems", column: "level", filter: nobody }))) as any;
    expect(m.bases).toEqual([0, 0, 0]);
    const r = await ratioAnalysis(database.db, SURVEY, ratioRequest.parse({ numerator: "members", denominator: "staff", by: "org_type", filter: nobody }));
    expect([r.n, r.ratio, r.se, r.groups[0].ratio]).toEqual([0, null, null, null]);
    const n = await numericAnalysis(database.db, SURVEY, numericRequest.parse({ question: "score", by: "level", filter: nobody }));
    expect([n.n, n.mean, n.groups[0].n]).toEqual([0, null, 0]);
  });

  it("cannot be weighted: 422", async () => {
    await expect(freq({ question: "hub", filter: nobody, weight: { poststratify: { question: "org_type", population: { 社会团体: 10, 基金会: 2 } } } })).rejects.toMatchObject({
      status: 422,
    });
  });
});

describe("values outside the questionnaire", () => {
  beforeAll(async () => {
    // Rows the submission path would refuse, as an import of old paper data might hold them.
    const survey = await getSurveyVersion(database.db, SURVEY);
    unlistedIds = [crypto.randomUUID(), crypto.randomUUID()];
    await database.db.insert(responses).values([
      { id: unlistedIds[0], surveyId: survey.surveyId, version: 1, data: { level: "省", problems: ["自由填写的问题"] }, complete: true, bodyHash: "x" },
      { id: unlistedIds[1], surveyId: survey.surveyId, version: 1, data: { level: "省", problems: [] }, complete: true, bodyHash: "y" },
    ]);
  });
  afterAll(async () => {
    await database.db.delete(responses).where(inArray(responses.id, unlistedIds));
  });

  it("an unknown value of a question without an other item becomes an extra, unlisted category at the end", async () => {
    const r = await freq({ question: "level" });
    expect(r.categories.at(-1)).toEqual({ value: "省", label: "省", unlisted: true });
    expect(r.counts).toEqual([3, 2, 4, 2]);
  });

  it("free text in a multi-select answer counts as 'other'; an empty answer is missing", async () => {
    const r = await freq({ question: "problems" });
    expect(r.counts).toEqual([5, 3, 3, 2]);
    expect(r.missing).toBe(2);
  });
});

describe("multi-select counting strategies", () => {
  it("grouping by answer pattern and unnesting option by option give the same tallies", async () => {
    const catalog = await loadCatalog(database.db, SURVEY);
    const question = findQuestion(catalog, "problems", "zh-Hans", "question");
    const level = findQuestion(catalog, "level", "zh-Hans", "column");
    const design = buildDesign(catalog, { lang: "zh-Hans", includePartial: true });
    const tally = async (patternLimit: number) => {
      const counted = await countAnswers(database.db, design, question, [new AnswerDecoder(level)], { patternLimit });
      const ticks = new Map<string, number>();
      const status = new Map<string, number>();
      const add = (map: Map<string, number>, key: string, n: number) => map.set(key, (map.get(key) ?? 0) + n);
      const at = (answer: Decoded) => JSON.stringify(answer);
      for (const row of counted.rows) {
        add(status, `${at(row.group[0])}|${row.answer.status}`, row.n);
        if (row.answer.status === "answered") for (const k of row.answer.categories) add(ticks, `${at(row.group[0])}|${k}`, row.n);
      }
      for (const s of counted.selections ?? []) add(ticks, `${at(s.group[0])}|${s.option}`, s.n);
      return { byPattern: counted.selections === null, ticks: Object.fromEntries([...ticks].sort()), status: Object.fromEntries([...status].sort()) };
    };
    const patterns = await tally(4096);
    const unnested = await tally(0);
    expect(patterns.byPattern).toBe(true);
    expect(unnested.byPattern).toBe(false);
    expect(unnested.ticks).toEqual(patterns.ticks);
    expect(unnested.status).toEqual(patterns.status);
  });
});

describe("what a response row holds stays untouched", () => {
  it("analysis only reads", async () => {
    const before = await database.db.select().from(responses).where(eq(responses.complete, true));
    await freq({ question: "problems", weight: undefined });
    const after = await database.db.select().from(responses).where(eq(responses.complete, true));
    expect(after).toEqual(before);
  });
});
