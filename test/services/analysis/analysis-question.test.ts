import { describe, expect, it } from "vitest";
import type { Language } from "../../../i18n/language.js";
import { mergeVersions } from "../../../src/questionnaire/merge.js";
import { readVersion } from "../../../src/questionnaire/read-version.js";
import { findQuestion, type Category } from "../../../src/services/analysis/analysis-question.js";

/** A one-question questionnaire, as the analysis finds it. */
function categoriesOf(element: Record<string, unknown>, lang: Language): Category[] {
  const questionnaire = mergeVersions([{ version: 1, questionnaire: readVersion({ elements: [{ name: "q", ...element }] }) }]);
  return findQuestion({ name: "s", surveyId: 1, currentVersion: 1, versions: [1], questionnaire, timeZone: "Asia/Shanghai", variables: [] }, "q", lang, "question").categories;
}

/** A questionnaire title in a language, as every reader of the model gets it. */
function localized(title: unknown, lang: Language): string | undefined {
  const text = readVersion(title === undefined ? { elements: [] } : { title, elements: [] }).title[lang];
  return text === "" ? undefined : text;
}

describe("findQuestion: categories", () => {
  it("reads plain, 'value|text' and localized choices, then the special items in SurveyJS's order", () => {
    const element = {
      type: "checkbox",
      name: "q",
      choices: ["甲", "b|乙", 3, { value: "d", text: { default: "丁", "zh-tw": "丁（繁）", en: "D" } }],
      showOtherItem: true,
      otherText: { default: "其他（请注明）", en: "Other" },
      showNoneItem: true,
      showDontKnowItem: true,
    };
    expect(categoriesOf(element, "zh-Hans")).toEqual([
      { value: "甲", label: "甲" },
      { value: "b", label: "乙" },
      { value: 3, label: "3" },
      { value: "d", label: "丁" },
      { value: "none", label: "无" },
      { value: "dontknow", label: "不知道" },
      { value: "other", label: "其他（请注明）" },
    ]);
    expect(categoriesOf(element, "zh-Hant").map((c) => c.label)).toEqual(["甲", "乙", "3", "丁（繁）", "無", "不知道", "其他（请注明）"]);
    expect(
      categoriesOf(element, "en")
        .map((c) => c.label)
        .at(-1),
    ).toBe("Other");
  });

  it("makes categories of boolean, rating and numbered dropdown questions", () => {
    expect(categoriesOf({ type: "boolean", labelTrue: { default: "有", en: "Has" } }, "en")).toEqual([
      { value: true, label: "Has" },
      { value: false, label: "No" },
    ]);
    expect(categoriesOf({ type: "boolean", valueTrue: "Y", valueFalse: "N" }, "zh-Hans").map((c) => c.value)).toEqual(["Y", "N"]);
    expect(categoriesOf({ type: "rating" }, "zh-Hans").map((c) => c.value)).toEqual([1, 2, 3, 4, 5]);
    expect(categoriesOf({ type: "rating", rateMin: 0, rateMax: 10, rateStep: 5 }, "zh-Hans").map((c) => c.value)).toEqual([0, 5, 10]);
    expect(
      categoriesOf(
        {
          type: "rating",
          rateValues: [
            { value: 1, text: "差" },
            { value: 3, text: "好" },
          ],
        },
        "zh-Hans",
      ),
    ).toEqual([
      { value: 1, label: "差" },
      { value: 3, label: "好" },
    ]);
    expect(categoriesOf({ type: "dropdown", choicesMin: 2000, choicesMax: 2003 }, "zh-Hans").map((c) => c.value)).toEqual([2000, 2001, 2002, 2003]);
  });
});

describe("questionnaire texts", () => {
  it("reads the language's text, then the default, then any text", () => {
    expect(localized({ default: "市", "zh-tw": "市（繁）", en: "City" }, "zh-Hant")).toBe("市（繁）");
    // zh-cn is survey-core's default locale: the respondent's page shows the default text, and so does every reader of the model.
    expect(localized({ default: "市", "zh-cn": "市（简）" }, "zh-Hans")).toBe("市");
    expect(localized({ default: "市" }, "en")).toBe("市");
    expect(localized({ en: "City" }, "zh-Hans")).toBe("City");
    expect(localized("市", "en")).toBe("市");
    expect(localized(undefined, "en")).toBeUndefined();
  });
});
