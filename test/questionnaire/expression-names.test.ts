import { describe, expect, it } from "vitest";
import { expressionVariables, renameInExpression, renameInText } from "../../src/questionnaire/expression-names.js";

const levelToTier = (v: string) => (v.toLowerCase() === "level" ? "tier" : v.toLowerCase() === "level.x" ? "tier.x" : undefined);

describe("renameInExpression", () => {
  it("renames a variable and keeps the rest of the text as written (no re-printing: `=` stays `=`)", () => {
    expect(renameInExpression("{level} = 'district'", levelToTier)).toBe("{tier} = 'district'");
    expect(renameInExpression("{level}   anyof ['district', 'street'] and {staff} > 3", levelToTier)).toBe("{tier}   anyof ['district', 'street'] and {staff} > 3");
    expect(renameInExpression("iif({level} notempty, {level.x}, 0) > 1", levelToTier)).toBe("iif({tier} notempty, {tier.x}, 0) > 1");
  });

  it("leaves a place inside a string literal alone: survey-core reads it as text, not a variable", () => {
    expect(renameInExpression("{level} = '{level}' or \"{level}\" = {level}", levelToTier)).toBe("{tier} = '{level}' or \"{level}\" = {tier}");
  });

  it("reads names case-insensitively and with spaces inside the braces, as survey-core does", () => {
    expect(renameInExpression("{ Level } = 1", levelToTier)).toBe("{ tier } = 1");
  });

  it("answers an expression survey-core cannot parse, or one without the name, unchanged", () => {
    expect(renameInExpression("{level} = = 1", levelToTier)).toBe("{level} = = 1");
    expect(renameInExpression("{staff} > 1", levelToTier)).toBe("{staff} > 1");
    expect(renameInExpression("", levelToTier)).toBe("");
  });
});

describe("renameInText", () => {
  it("pipes names the way survey-core's text pre-processor finds them", () => {
    expect(renameInText("您选择了{level}，{ level }级，{staff}人", levelToTier)).toBe("您选择了{tier}，{ tier }级，{staff}人");
    expect(renameInText("没有引用", levelToTier)).toBe("没有引用");
  });
});

describe("expressionVariables", () => {
  it("lists what survey-core reads as variables, trimmed, and nothing of a string", () => {
    expect(expressionVariables("{ a } = '{b}' and {c-Comment} notempty")).toEqual(["a", "c-Comment"]);
    expect(expressionVariables("{a} = = 1")).toBeUndefined();
  });
});
