/**
 * The compiled checker against the model checker, its reference: identical results (data,
 * notAsked, every error's key, code, message and wording in the reader's language) on generated
 * answer sets of every kind, for the questionnaires it compiles. Fixed seeds; the sets come in
 * families (answer-families.ts: an honest or arbitrary base, then cheap edits of it), and the full
 * count runs through `npx tsx bench/validation-agreement.ts --count 1000000`.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import fc from "fast-check";
import kitchenSink from "../fixtures/kitchen-sink.json" with { type: "json" };
import reference from "../../surveys/dangjian-innovation-2023.json" with { type: "json" };
import census from "../../surveys/org-coverage-census.json" with { type: "json" };
import { compileAnswerChecker } from "../../src/validation/compiled/compile.js";
import { createModelChecker } from "../../src/validation/answers.js";
import { thirtyQuestionForm } from "../fixtures/thirty-question-form.js";
import { MUTATIONS, planMutations } from "./answer-mutations.js";
import { familyArb, familySets } from "./answer-families.js";
import { answerSetArb, comparable, runOn } from "./answer-sets.js";

const SEED = 20261202;
/**
 * Families per form, of FAMILY sets each: a few seconds a form on a quiet machine, most of it the
 * model checker (a few ms a set); each family also drives a real form once (about 40 ms).
 */
const FAMILIES = Number(process.env.COMPILED_AGREEMENT_FAMILIES ?? 24);
const FAMILY = 32;
const TIMEOUT = 600_000;

// survey-core warns when the reference model is handed a value of the wrong shape; not a finding here.
beforeEach(() => void vi.spyOn(console, "warn").mockImplementation(() => undefined));
afterEach(() => vi.restoreAllMocks());

/**
 * Every form with a question type worth comparing; each must compile (a form that may fall back to
 * the model checker is skipped with a note). The kitchen sink costs about ten times a plain form
 * per set, so it gets fewer families.
 */
const FORMS = [
  { name: "the reference study", json: reference as object, families: FAMILIES, mayFallBack: false },
  { name: "the coverage census", json: census as object, families: FAMILIES, mayFallBack: false },
  { name: "the 30-question form", json: thirtyQuestionForm().json, families: FAMILIES, mayFallBack: false },
  { name: "the kitchen sink", json: kitchenSink as object, families: Math.ceil(FAMILIES / 4), mayFallBack: false },
];

describe("the compiled checker agrees with the model checker", () => {
  for (const { name, json, families, mayFallBack } of FORMS) {
    const compiled = compileAnswerChecker(json);
    const skipped = mayFallBack && !compiled.compiled;
    if (skipped) console.info(`${name}: agreement skipped, the compiler falls back to the model checker`);
    it.skipIf(skipped)(
      `on ${name}`,
      () => {
        expect(compiled.compiled ? [] : compiled.because).toEqual([]);
        if (!compiled.compiled) return;
        const model = createModelChecker(json);
        const plan = planMutations(json);
        const seen = { honest: 0, mutated: 0, arbitrary: 0, accepted: 0, rejected: 0 };
        const edits = new Set<string>();
        fc.assert(
          fc.property(familyArb(json, FAMILY), (family) => {
            familySets(plan, family).forEach((set, variant) => {
              const expected = runOn(model, set);
              // The variant index names the set within the family that fast-check's seed and path replay.
              expect(comparable(runOn(compiled.checker, set)), `variant ${variant}`).toEqual(comparable(expected));
              seen[set.kind]++;
              seen[expected.ok ? "accepted" : "rejected"]++;
              for (const edit of set.edits) edits.add(edit);
            });
          }),
          { seed: SEED, numRuns: families, endOnFailure: true },
        );
        // Every kind was drawn, every edit made and both verdicts reached, or the agreement would say little.
        for (const count of Object.values(seen)) expect(count).toBeGreaterThan(0);
        expect([...edits].sort()).toEqual([...MUTATIONS].sort());
      },
      TIMEOUT,
    );
  }
});

describe("what the compiler does not implement goes to the model checker", () => {
  it(
    "says why, and its checker is the model checker's verdict",
    () => {
      // The kitchen sink with what is still left to the model: a required dynamic panel, a row condition.
      const [basic, activities, membersPage, closing] = kitchenSink.pages;
      const [members, trainings, ...rest] = membersPage.elements;
      const columns = (trainings as { columns: { name: string }[] }).columns;
      const trainingsWithRowCondition = { ...trainings, columns: columns.map((c) => (c.name === "mode" ? { ...c, visibleIf: "{row.hours} > 0" } : c)) };
      const json = { ...kitchenSink, pages: [basic, activities, { ...membersPage, elements: [{ ...members, isRequired: true }, trainingsWithRowCondition, ...rest] }, closing] };
      const result = compileAnswerChecker(json);
      expect(result.compiled ? [] : result.because).toEqual([
        'pages[2].elements[0] (members): property "isRequired"',
        'pages[2].elements[1] (trainings).columns[2] (mode): property "visibleIf"',
      ]);
      const model = createModelChecker(json);
      fc.assert(
        fc.property(answerSetArb(json), (set) => {
          expect(comparable(runOn(result.checker, set))).toEqual(comparable(runOn(model, set)));
        }),
        { seed: SEED, numRuns: 10 },
      );
    },
    TIMEOUT,
  );

  it.each([
    ["a trigger", { triggers: [{ type: "setvalue", expression: "{a} = 1", setToName: "b", setValue: 2 }] }, 'questionnaire: property "triggers"'],
    ["clearInvisibleValues onHidden", { clearInvisibleValues: "onHidden" }, 'questionnaire: clearInvisibleValues "onHidden"'],
    ["enableIf", { enableIf: "{a} = 1" }, 'pages[0].elements[1] (b): property "enableIf"'],
    ["a function in visibleIf", { visibleIf: "age({a}) > 1" }, "pages[0].elements[1] (b).visibleIf: calls a function"],
    [
      "a placeholder in a validator text",
      { validators: [{ type: "numeric", minValue: 1, text: "at least {a}" }] },
      "pages[0].elements[1] (b).validators[0]: text with a placeholder",
    ],
  ])("%s", (_what, extra, reason) => {
    const onSurvey = reason.startsWith("questionnaire");
    const b = { type: "text", name: "b", inputType: "number", ...(onSurvey ? {} : extra) };
    const json = { ...(onSurvey ? extra : {}), pages: [{ name: "p", elements: [{ type: "text", name: "a", inputType: "number" }, b] }] };
    const result = compileAnswerChecker(json);
    expect(result.compiled ? [] : result.because).toEqual([reason]);
  });
});
