import { describe, expect, it } from "vitest";
import { CHOICE_KEYS, formatLines, NAMED_KEYS, parseLines } from "../../../src/workspace/editor/lines.js";

describe("choices as lines", () => {
  it("splits value and text on a tab or '=', a bare line being both", () => {
    expect(parseLines("a=甲\nb\t乙\nc\n\n", [], "zh-Hans", CHOICE_KEYS)).toEqual([{ value: "a", text: "甲" }, { value: "b", text: "乙" }, "c"]);
  });

  it("keeps what else an existing choice had, and numbers stay numbers", () => {
    const old = [{ value: "a", text: { default: "甲", en: "A" }, visibleIf: "{x} = 1" }, 2];
    expect(parseLines("2\na=甲甲", old, "zh-Hans", CHOICE_KEYS)).toEqual([2, { value: "a", text: { default: "甲甲", en: "A" }, visibleIf: "{x} = 1" }]);
  });

  it("another language only sets its texts of the values already there", () => {
    const out = parseLines("a=A\nz=Z", ["a", { value: "b", text: "乙" }], "en", CHOICE_KEYS);
    expect(out).toEqual([
      { value: "a", text: { en: "A" } },
      { value: "b", text: "乙" },
    ]);
  });

  it("formats back what it parses", () => {
    const items = parseLines("a=甲\nc", [], "zh-Hans", CHOICE_KEYS);
    expect(formatLines(items, "zh-Hans", CHOICE_KEYS)).toBe("a=甲\nc");
    expect(formatLines([{ name: "n1", title: { default: "一", en: "One" } }], "en", NAMED_KEYS)).toBe("n1=One");
  });

  it("names items by name/title for multiple texts", () => {
    expect(parseLines("staff=从业人员数\nmembers", [], "zh-Hans", NAMED_KEYS)).toEqual([{ name: "staff", title: "从业人员数" }, { name: "members" }]);
  });
});
