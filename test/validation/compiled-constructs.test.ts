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

describe("the compiled checker agrees with the model checker, construct by construct", () => {
  it.each(CONSTRUCTS)(
    "on $name",
    ({ json }) => {
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
    },
    TIMEOUT,
  );
});
