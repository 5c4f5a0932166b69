/**
 * The compiled checker against the model checker, construct by construct: a small form around each
 * construct of the kitchen sink the compiler implements, so a disagreement points at one construct.
 * Same harness as compiled-agreement.test.ts (fixed seed, honest, mutated and arbitrary sets).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import fc from "fast-check";
import { compileAnswerChecker } from "../../src/validation/compiled/compile.js";
import { createModelChecker } from "../../src/validation/answers.js";
import { answerSetArb, comparable, runOn } from "./answer-sets.js";

const SEED = 20261202;
const RUNS = Number(process.env.COMPILED_CONSTRUCT_RUNS ?? 150);
const TIMEOUT = 300_000;

beforeEach(() => void vi.spyOn(console, "warn").mockImplementation(() => undefined));
afterEach(() => vi.restoreAllMocks());

/** A gate question, so every construct is also seen hidden (and cleared on completion). */
const gate = { type: "boolean", name: "gate" };
const form = (...elements: object[]) => ({ pages: [{ name: "p", elements: [gate, ...elements] }] });
const shownBy = { visibleIf: "{gate} = true" };

const CONSTRUCTS: { name: string; json: object }[] = [
  {
    name: "multiple text",
    json: form({
      type: "multipletext",
      name: "contact",
      ...shownBy,
      items: [
        { name: "name", title: "姓名", isRequired: true },
        { name: "phone", validators: [{ type: "regex", regex: "^1[3-9]\\d{9}$", text: "请输入11位手机号码" }] },
        { name: "years", inputType: "number", validators: [{ type: "numeric", minValue: 0, maxValue: 80 }] },
      ],
    }),
  },
  { name: "a required multiple text", json: form({ type: "multipletext", name: "mt", isRequired: true, items: [{ name: "a" }, { name: "b", inputType: "email" }] }) },
  { name: "ranking", json: form({ type: "ranking", name: "priorities", ...shownBy, choices: ["政治建设", "思想建设", "组织建设"] }) },
  { name: "a required ranking", json: form({ type: "ranking", name: "r", isRequired: true, choices: ["a", "b", "c", "d"] }) },
  {
    name: "image picker",
    json: form(
      {
        type: "imagepicker",
        name: "style",
        ...shownBy,
        choices: [
          { value: "hall", imageLink: "data:image/svg+xml,a", text: "活动室" },
          { value: "online", imageLink: "data:image/svg+xml,b" },
        ],
      },
      {
        type: "imagepicker",
        name: "many",
        isRequired: true,
        multiSelect: true,
        choices: [
          { value: 1, imageLink: "x" },
          { value: 2, imageLink: "y" },
        ],
      },
    ),
  },
  {
    name: "single-choice matrix",
    json: form(
      {
        type: "matrix",
        name: "evaluation",
        ...shownBy,
        columns: [
          { value: 1, text: "差" },
          { value: 2, text: "一般" },
          { value: 3, text: "好" },
        ],
        rows: [
          { value: "system", text: "制度建设" },
          { value: "team", text: "队伍建设" },
        ],
        eachRowRequired: true,
      },
      { type: "matrix", name: "plain", isRequired: true, columns: ["x", "y"], rows: ["r1", "r2", "r3"] },
    ),
  },
  {
    name: "date min/max",
    json: form(
      { type: "text", name: "founded", inputType: "date", min: "1921-07-01", max: "2025-12-31", isRequired: true, ...shownBy },
      { type: "text", name: "any_date", inputType: "date" },
    ),
  },
  {
    name: "calculated values",
    json: {
      calculatedValues: [
        { name: "is_grassroots", expression: "{level} anyof ['乡镇', '村']", includeIntoResult: true },
        { name: "total", expression: "sum({a}, {b})", includeIntoResult: true },
        { name: "kept_out", expression: "{a} * 2" },
      ],
      ...form(
        { type: "dropdown", name: "level", choices: ["县", "乡镇", "村"], ...shownBy },
        { type: "text", name: "a", inputType: "number" },
        { type: "text", name: "b", inputType: "number", visibleIf: "{a} > 1" },
      ),
    },
  },
];

/** The property every construct must have: compiled, and the model checker's verdict on generated sets, both verdicts reached. */
function agreesOnGeneratedSets(json: object): void {
  const compiled = compileAnswerChecker(json);
  expect(compiled.compiled ? [] : compiled.because).toEqual([]);
  const model = createModelChecker(json);
  const seen = { accepted: 0, rejected: 0 };
  fc.assert(
    fc.property(answerSetArb(json), (set) => {
      const expected = runOn(model, set);
      expect(comparable(runOn(compiled.checker, set))).toEqual(comparable(expected));
      seen[expected.ok ? "accepted" : "rejected"]++;
    }),
    { seed: SEED, numRuns: RUNS, endOnFailure: true },
  );
  expect(seen.accepted).toBeGreaterThan(0);
  expect(seen.rejected).toBeGreaterThan(0);
}

/** Hand-written answer sets: each checked by a fresh model checker, so no earlier set can sway the reference. */
function agreesOn(json: object, sets: readonly { data: unknown; complete: boolean }[]): void {
  const compiled = compileAnswerChecker(json);
  expect(compiled.compiled ? [] : compiled.because).toEqual([]);
  for (const { data, complete } of sets) {
    for (const reader of [undefined, "zh-Hans", "zh-Hant"] as const) {
      const set = { kind: "mutated" as const, data, complete, reader };
      const expected = comparable(runOn(createModelChecker(json), set));
      expect(comparable(runOn(compiled.checker, set)), JSON.stringify(set)).toEqual(expected);
    }
  }
}

const both = (data: unknown) => [
  { data, complete: true },
  { data, complete: false },
];

describe("the compiled checker agrees with the model checker, construct by construct", () => {
  it.each(CONSTRUCTS)("on $name", ({ json }) => agreesOnGeneratedSets(json), TIMEOUT);
});

const members = {
  type: "paneldynamic",
  name: "members",
  ...shownBy,
  panelCount: 1,
  minPanelCount: 1,
  maxPanelCount: 3,
  templateElements: [
    { type: "text", name: "name", isRequired: true },
    { type: "text", name: "age", inputType: "number", isRequired: true, validators: [{ type: "numeric", minValue: 18, maxValue: 80 }] },
    { type: "dropdown", name: "education", choices: ["本科", "研究生"], showOtherItem: true },
    { type: "boolean", name: "is_secretary" },
    { type: "text", name: "term_start", inputType: "date", visibleIf: "{panel.is_secretary} = true" },
  ],
};
const notes = {
  type: "paneldynamic",
  name: "notes",
  minPanelCount: 2,
  templateElements: [
    { type: "comment", name: "note" },
    { type: "checkbox", name: "tags", choices: ["a", "b"], minSelectedChoices: 1 },
  ],
};

describe("dynamic panels", () => {
  it("agree on generated sets", () => agreesOnGeneratedSets(form(members, notes)), TIMEOUT);
  it("agree where the compiler first had to learn survey-core's ways", () =>
    agreesOn(form(members, notes), [
      // No panels given: the form's minimum of empty panels is validated and stored.
      ...both({ gate: true }),
      ...both({}),
      // An empty list is no panel given (found by the million-set run, kitchen-sink:20261265:3:111).
      ...both({ gate: true, members: [] }),
      ...both({ gate: false, members: [], notes: [] }),
      // A hidden question's answer inside a panel goes on completion only.
      ...both({ gate: true, members: [{ name: "张三", age: 30, is_secretary: false, term_start: "2020-01-01" }] }),
      ...both({
        gate: true,
        members: [
          { name: "张三", age: 30, is_secretary: true, term_start: "2020-01-01" },
          { name: "李四", age: 90 },
        ],
      }),
      ...both({ gate: true, members: [{ name: "张三", age: 30, education: "other" }] }),
      ...both({ gate: true, members: [{ name: "张三", age: 30, education: "other", "education-Comment": "大专" }], notes: [{ tags: [] }, {}] }),
      ...both({ gate: true, members: [{}, { name: "x" }] }),
      ...both({ gate: false, members: [{ name: "x" }] }),
    ]));
});

const trainings = {
  type: "matrixdynamic",
  name: "trainings",
  rowCount: 1,
  maxRowCount: 4,
  columns: [
    { name: "topic", cellType: "text", isRequired: true },
    { name: "hours", cellType: "text", inputType: "number", totalType: "sum", validators: [{ type: "numeric", minValue: 0, maxValue: 200 }] },
    { name: "mode", cellType: "dropdown", choices: ["线上", "线下"] },
    { name: "certified", cellType: "boolean" },
    { name: "free", cellType: "text", totalType: "sum" },
  ],
};

describe("dynamic matrices", () => {
  it(
    "agree on generated sets",
    () => agreesOnGeneratedSets(form({ ...trainings, name: "plain", ...shownBy, columns: trainings.columns.map(({ totalType: _, ...c }) => c) }, trainings)),
    TIMEOUT,
  );
  it("agree on totals rows and required cells", () =>
    agreesOn(form(trainings), [
      // The totals row is written even without rows; a text cell that is no number adds nothing to it.
      ...both({}),
      ...both({
        trainings: [
          { topic: "x", hours: 3, free: "2.5" },
          { topic: "y", hours: 0.2, free: "abc" },
          { topic: "z", free: "0.1" },
        ],
      }),
      ...both({ trainings: [{ topic: "x", hours: 3 }, { hours: 2 }] }),
      ...both({ trainings: [{}] }),
      // Validated as given, stored as survey-core writes rows back: without blank cells.
      ...both({ trainings: [{ topic: " " }], "trainings-total": { hours: 99 } }),
      ...both({ trainings: [{ topic: " ", free: "1" }, {}] }),
      ...both({ trainings: [{ free: " " }, { topic: "a", free: "" }, { topic: "b", certified: null }] }),
    ]));
});

const funding = {
  type: "matrixdropdown",
  name: "funding",
  rows: [
    { value: "2023", text: "2023年" },
    { value: "2024", text: "2024年" },
  ],
  columns: [
    { name: "budget", cellType: "text", inputType: "number", validators: [{ type: "numeric", minValue: 0 }] },
    { name: "source", cellType: "dropdown", choices: ["财政拨款", "党费返还"], showOtherItem: true },
    { name: "uses", cellType: "checkbox", choices: ["教育培训", "阵地建设"] },
    { name: "rated", cellType: "rating", isRequired: true },
  ],
};

describe("dropdown matrices", () => {
  it("agree on generated sets", () => agreesOnGeneratedSets(form({ ...funding, ...shownBy })), TIMEOUT);
  it("agree on rows left out, other in a cell, required cells", () =>
    agreesOn(form(funding), [
      ...both({}),
      ...both({ funding: { 2023: { budget: -1, rated: 3 }, 2024: { rated: 2 } } }),
      ...both({ funding: { 2023: { source: "other", rated: 1 }, 2024: { rated: 2 } } }),
      ...both({ funding: { 2023: { source: "other", "source-Comment": "自筹", rated: 1, uses: [] }, 2024: {} } }),
      ...both({ funding: { 2023: { budget: null }, 2024: {} } }),
      ...both({ funding: { 2024: {} } }),
      ...both({ funding: { 2023: { uses: [] }, 2024: {} } }),
      ...both({ funding: { 2023: { budget: " " }, 2024: { budget: 1 } } }),
    ]));
});

const activities = { type: "checkbox", name: "activities", choices: ["三会一课", "主题党日"], showOtherItem: true, showNoneItem: true };
const mainActivity = { type: "dropdown", name: "main_activity", choicesFromQuestion: "activities", choicesFromQuestionMode: "selected" };

describe("choices carried forward", () => {
  it(
    "agree on generated sets",
    () => agreesOnGeneratedSets(form(activities, { ...mainActivity, ...shownBy }, { ...mainActivity, name: "must", type: "radiogroup", isRequired: true })),
    TIMEOUT,
  );
  it("drop an answer the source does not hold, as survey-core does", () =>
    agreesOn(form(activities, mainActivity), [
      ...both({ activities: ["主题党日"], main_activity: "三会一课" }),
      ...both({ activities: ["主题党日"], main_activity: "主题党日" }),
      ...both({ activities: ["主题党日", "other"], "activities-Comment": "x", main_activity: "other" }),
      ...both({ activities: ["none"], main_activity: "none" }),
      ...both({ main_activity: "主题党日" }),
      // The source's "other" stays even when the source holds nothing.
      ...both({ main_activity: "other" }),
      ...both({ activities: -1, main_activity: "other" }),
    ]));
});

describe("sumInArray in an expression question", () => {
  const json = form(
    trainings,
    { type: "expression", name: "hours_total", expression: "sumInArray({trainings}, 'hours')" },
    { type: "expression", name: "free_total", expression: "sumInArray({trainings}, 'free')" },
  );
  it("agrees on generated sets", () => agreesOnGeneratedSets(json), TIMEOUT);
  it("adds numbers, numeric texts and nothing else", () =>
    agreesOn(json, [
      ...both({}),
      ...both({
        trainings: [
          { topic: "a", hours: 1.1, free: "2" },
          { topic: "b", hours: 2.2, free: "x" },
          { topic: "c", free: "" },
        ],
      }),
    ]));
});

describe("what the new constructs leave to the model checker", () => {
  const sum = (expression: string) => ({ type: "expression", name: "e", expression });
  it.each([
    ["a required dynamic panel", { ...members, isRequired: true }, 'pages[0].elements[1] (members): property "isRequired"'],
    [
      "a condition on a row",
      { ...funding, columns: [{ ...funding.columns[0], visibleIf: "{row.rated} > 1" }] },
      'pages[0].elements[1] (funding).columns[0] (budget): property "visibleIf"',
    ],
    [
      "a total other than a sum",
      { ...trainings, columns: [{ ...trainings.columns[1], totalType: "avg" }] },
      'pages[0].elements[1] (trainings).columns[0] (hours): totalType "avg"',
    ],
    ["a cell of the matrix's default type", { ...funding, columns: [{ name: "x" }] }, 'pages[0].elements[1] (funding).columns[0] (x): cellType "undefined"'],
    [
      "a panel question reading the survey",
      { ...members, templateElements: [{ type: "text", name: "a", visibleIf: "{gate} = true" }] },
      "pages[0].elements[1] (members).templateElements[0] (a).visibleIf: reads more than its own panel",
    ],
    ["a minimum of rows", { ...trainings, minRowCount: 1 }, 'pages[0].elements[1] (trainings): property "minRowCount"'],
    ["sumInArray with a filter", sum("sumInArray({gate}, 'a', {a} > 1)"), "pages[0].elements[1] (e).expression: calls sumInArray()"],
  ])("%s", (_what, element, reason) => {
    const result = compileAnswerChecker(form(element));
    expect(result.compiled ? [] : result.because).toEqual([reason]);
  });

  it("choices carried from anything but the selected ones of a checkbox", () => {
    const unselected = compileAnswerChecker(form(activities, { ...mainActivity, choicesFromQuestionMode: "unselected" }));
    expect(unselected.compiled ? [] : unselected.because).toEqual(['pages[0].elements[2] (main_activity): property "choicesFromQuestion" / "choicesFromQuestionMode"']);
    const fromRadio = compileAnswerChecker(form({ ...activities, type: "radiogroup", showNoneItem: undefined }, mainActivity));
    expect(fromRadio.compiled ? [] : fromRadio.because).toEqual(['pages[0].elements[2] (main_activity): choicesFromQuestion "activities" is not a checkbox or tag box']);
  });
});
