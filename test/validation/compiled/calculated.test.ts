/** Calculated values in the compiled checker: written into the result as the model checker writes them, or left to it. */
import { describe, expect, it } from "vitest";
import { compileAnswerChecker } from "../../../src/validation/compiled/compile.js";
import { createModelChecker } from "../../../src/validation/answers.js";

const elements = [
  { type: "text", name: "a", inputType: "number" },
  { type: "text", name: "b", inputType: "number", visibleIf: "{a} > 1" },
];

describe("calculated values", () => {
  it("are computed after hidden answers are cleared, as the model does", () => {
    const json = { calculatedValues: [{ name: "total", expression: "sum({a}, {b})", includeIntoResult: true }], pages: [{ name: "p", elements }] };
    const compiled = compileAnswerChecker(json);
    expect(compiled.compiled).toBe(true);
    const model = createModelChecker(json);
    for (const data of [{ a: 1, b: 5 }, { a: 2, b: 5 }, {}]) {
      expect(compiled.checker(data, { complete: true }), JSON.stringify(data)).toEqual(model(data, { complete: true }));
      expect(compiled.checker(data, { complete: false }), JSON.stringify(data)).toEqual(model(data, { complete: false }));
    }
  });

  it.each([
    ["read by a condition", { name: "big", expression: "{a} > 5" }, { visibleIf: "{big} = true" }, "calculatedValues[0] (big): read by an expression"],
    ["named like a question", { name: "b", expression: "{a} + 1", includeIntoResult: true }, {}, "calculatedValues[0] (b): named like a question"],
    ["calling a function that reads the survey", { name: "x", expression: "age({a})" }, {}, "calculatedValues[0] (x).expression: calls age()"],
  ])("are left to the model checker when %s", (_what, calculated, extra, reason) => {
    const json = { calculatedValues: [calculated], pages: [{ name: "p", elements: [elements[0], { ...elements[1], ...extra }] }] };
    const result = compileAnswerChecker(json);
    expect(result.compiled ? [] : result.because).toEqual([reason]);
  });
});
