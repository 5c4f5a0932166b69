import { describe, expect, it } from "vitest";
import { conditionExpression, readCondition } from "../../../src/workspace/editor/condition.js";

describe("skip-logic conditions", () => {
  it("writes = for one value of a single choice, anyof otherwise", () => {
    expect(conditionExpression({ question: "level", values: ["city"] }, false)).toBe("{level} = 'city'");
    expect(conditionExpression({ question: "level", values: ["a", "b"] }, false)).toBe("{level} anyof ['a', 'b']");
    expect(conditionExpression({ question: "probs", values: ["a"] }, true)).toBe("{probs} anyof ['a']");
    expect(conditionExpression({ question: "level", values: [] }, false)).toBe("");
  });

  it("reads back what it writes, quotes included, and nothing more", () => {
    for (const values of [["city"], ["a", "b'c"], ["x\\y"]]) {
      expect(readCondition(conditionExpression({ question: "q", values }, values.length > 1))).toEqual({ question: "q", values });
    }
    expect(readCondition("{a} = 'x' and {b} = 'y'")).toBeUndefined();
    expect(readCondition("{a} > 3")).toBeUndefined();
  });
});
