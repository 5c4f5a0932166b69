/** Date bounds in the compiled checker: compared and worded as survey-core does, checked against the model checker. */
import { describe, expect, it } from "vitest";
import { compileAnswerChecker } from "../../../src/validation/compiled/compile.js";
import { createModelChecker } from "../../../src/validation/answers.js";
import { runInLanguage } from "../../../src/lib/request-language.js";
import { comparable } from "../answer-sets.js";

const bounded = { type: "text", name: "founded", inputType: "date", min: "1921-07-01", max: "2025-12-31" };
/** Without min/max a date input still has survey-core's default maximum, 2999-12-31. */
const unbounded = { type: "text", name: "founded", inputType: "date" };

describe("date min/max", () => {
  it.each([
    ["a bounded date input", bounded, ["1921-06-30", "1921-07-01", "2025-12-31", "2026-01-01", "0999-01-01"]],
    ["a date input with the default bounds", unbounded, ["2999-12-31", "3000-01-01", "9999-12-31"]],
  ])("%s gives the model checker's verdicts", (_what, question, dates) => {
    const json = { pages: [{ name: "p", elements: [question] }] };
    const compiled = compileAnswerChecker(json);
    expect(compiled.compiled ? [] : compiled.because).toEqual([]);
    const model = createModelChecker(json);
    for (const founded of dates) {
      for (const lang of ["en", "zh-Hans"] as const) {
        const run = (check: typeof model) => comparable(runInLanguage(lang, () => check({ founded }, { complete: true })));
        expect(run(compiled.checker), `${founded} in ${lang}`).toEqual(run(model));
      }
    }
  });

  it("rejects a date after the bound with the bound written as survey-core writes dates", () => {
    const json = { pages: [{ name: "p", elements: [unbounded] }] };
    const result = compileAnswerChecker(json).checker({ founded: "3000-01-01" }, { complete: true });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0].message).toContain(new Date("2999-12-31T00:00:00").toDateString());
  });

  it("leaves a date bound given as an expression to the model checker", () => {
    const json = { pages: [{ name: "p", elements: [{ ...unbounded, min: "=today()" }] }] };
    const result = compileAnswerChecker(json);
    expect(result.compiled ? [] : result.because).toEqual(['pages[0].elements[0] (founded): min "=today()" on inputType "date"']);
  });
});
