import type { QuestionSelectBase } from "survey-core";
import { describe, expect, it } from "vitest";
import { choicesOf } from "../../src/questionnaire/choices.js";
import { createSurveyModel } from "../../src/questionnaire/survey-model.js";

function choices(elements: object[], name: string) {
  const model = createSurveyModel({ elements });
  return choicesOf(model.getQuestionByName(name) as QuestionSelectBase, model);
}

describe("choicesOf", () => {
  it("lists generated dropdown choices and marks exclusive ones", () => {
    const got = choices([{ type: "checkbox", name: "q", choices: ["a", { value: "x", isExclusive: true }], showDontKnowItem: true }], "q");
    expect(got.items.map((i) => [i.value, i.exclusive ?? false])).toEqual([
      ["a", false],
      ["x", true],
      ["dontknow", true],
    ]);
    expect(choices([{ type: "dropdown", name: "y", choicesMin: 2000, choicesMax: 2002 }], "y").items.map((i) => i.value)).toEqual([2000, 2001, 2002]);
  });

  it("says when the list is known only at run time, or free text may join it", () => {
    expect(choices([{ type: "dropdown", name: "u", choicesByUrl: { url: "/regions" } }], "u")).toMatchObject({ known: false, anyValue: true, freeText: 0 });
    expect(choices([{ type: "dropdown", name: "c", choices: ["a"], allowCustomChoices: true }], "c")).toMatchObject({ known: false, freeText: Number.POSITIVE_INFINITY });
    const fromFree = choices(
      [
        { type: "radiogroup", name: "src", choices: ["a"], showOtherItem: true, storeOthersAsComment: false },
        { type: "dropdown", name: "copy", choicesFromQuestion: "src" },
      ],
      "copy",
    );
    expect(fromFree).toMatchObject({ known: true, anyValue: true });
    expect(fromFree.items.map((i) => i.value)).toEqual(["a"]);
  });

  it("stops at a choicesFromQuestion cycle", () => {
    const got = choices(
      [
        { type: "dropdown", name: "a", choices: ["1"], choicesFromQuestion: "b" },
        { type: "dropdown", name: "b", choices: ["2"], choicesFromQuestion: "a" },
      ],
      "a",
    );
    expect(got.items.map((i) => i.value).sort()).toEqual(["1", "2"]);
  });
});
