import { describe, expect, it } from "vitest";
import { readVersion } from "../../src/questionnaire/read-version.js";
import kitchenSink from "../fixtures/kitchen-sink.json" with { type: "json" };

describe("readVersion", () => {
  it("gives every answerable question of the kitchen sink a kind, in questionnaire order", () => {
    const { questions } = readVersion(kitchenSink);
    const kinds = Object.fromEntries(questions.map((q) => [q.name, q.kind]));
    expect(kinds).toMatchObject({ org_type: "single", activities: "multi", main_activity: "single", satisfaction: "single", evaluation: "matrix", funding: "matrixdropdown" });
    expect(questions.map((q) => q.key)).toEqual([...new Set(questions.map((q) => q.key))]);
    expect(questions.some((q) => q.type === "html" || q.type === "image")).toBe(false);
  });

  it("reads titles and choices in all three languages, the title of the questionnaire too", () => {
    const version = readVersion({
      title: { default: "调查", "zh-tw": "調查", en: "Survey" },
      elements: [{ type: "radiogroup", name: "level", title: { default: "层级", en: "Level" }, choices: [{ value: "市", text: { default: "市", en: "City" } }, "区"] }],
    });
    expect(version.title).toEqual({ "zh-Hans": "调查", "zh-Hant": "調查", en: "Survey" });
    const [level] = version.questions;
    expect(level.title).toEqual({ "zh-Hans": "层级", "zh-Hant": "层级", en: "Level" });
    expect(level.kind === "single" && level.items.map((i) => i.texts.en)).toEqual(["City", "区"]);
  });

  it("words unworded special items with the platform's short labels, worded ones as the questionnaire says", () => {
    const [q] = readVersion({
      elements: [
        {
          type: "checkbox",
          name: "q",
          choices: ["a"],
          showNoneItem: true,
          showOtherItem: true,
          otherText: { default: "其他（请注明）", en: "Other (specify)" },
          maxSelectedChoices: 2,
        },
      ],
    }).questions;
    if (q.kind !== "multi") throw new Error("expected a multi question");
    expect(q.items.map((i) => [i.value, i.special ?? null, i.exclusive ?? false, i.texts["zh-Hant"], i.texts.en])).toEqual([
      ["a", null, false, "a", "a"],
      ["none", "none", true, "無", "None"],
      ["other", "other", false, "其他（请注明）", "Other (specify)"],
    ]);
    expect(q.maxSelected).toBe(2);
    expect(q.otherText).toBe("comment");
  });

  it("copies choices from another question, with their texts, and the source's other in 'selected' mode", () => {
    const { questions } = readVersion({
      elements: [
        {
          type: "checkbox",
          name: "src",
          choices: [
            { value: 1, text: "一" },
            { value: 2, text: "二" },
          ],
          showOtherItem: true,
          showNoneItem: true,
        },
        { type: "dropdown", name: "copy", choicesFromQuestion: "src", choicesFromQuestionMode: "selected" },
      ],
    });
    const copy = questions[1];
    expect(copy.kind === "single" && copy.items.map((i) => [i.value, i.texts["zh-Hans"], i.special ?? null])).toEqual([
      [1, "一", null],
      [2, "二", null],
      ["other", "其他", "other"],
    ]);
  });

  it("keeps the conditions of a question and its containers, and what is never shown", () => {
    const { questions } = readVersion({
      pages: [
        {
          name: "p",
          visibleIf: "{a} = 1",
          elements: [
            { type: "radiogroup", name: "a", choices: [1, 2] },
            { type: "panel", name: "box", title: "组", visible: false, elements: [{ type: "text", name: "b", visibleIf: "{a} = 2", inputType: "number" }] },
          ],
        },
      ],
    });
    expect(questions[1]).toMatchObject({ name: "b", kind: "number", hidden: true, conditions: ["{a} = 2", "{a} = 1"], group: { "zh-Hans": "组" } });
  });
});
