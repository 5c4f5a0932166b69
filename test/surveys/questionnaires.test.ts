import { readFileSync } from "node:fs";
import { Model, surveyLocalization } from "survey-core";
import { beforeAll, describe, expect, it } from "vitest";

// Conventions both shipped questionnaires share: they load cleanly in survey-core, names
// are stable ASCII, values are short Simplified Chinese labels, and every text a
// respondent reads exists in Simplified, Traditional and English.

const FILES = ["dangjian-innovation-2023.json", "org-coverage-census.json"];
const load = (file: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(`../../surveys/${file}`, import.meta.url), "utf8"));

/** Keys whose string values are data or logic, never text a respondent reads. */
const NOT_TEXT = new Set(["type", "name", "value", "visibleIf", "expression", "regex", "inputType", "min", "showQuestionNumbers"]);
const CJK = /[\u3400-\u9fff]/;

/** Every [path, key, value] in a JSON tree. */
function* walk(node: unknown, path = "$"): Generator<[string, string, unknown]> {
  if (Array.isArray(node)) {
    for (const [i, item] of node.entries()) yield* walk(item, `${path}[${i}]`);
  } else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      yield [path, key, value];
      if (!isLocalised(value)) yield* walk(value, `${path}.${key}`);
    }
  }
}
function isLocalised(value: unknown): value is Record<string, string> {
  return !!value && typeof value === "object" && !Array.isArray(value) && "default" in value;
}

beforeAll(() => {
  // As the platform does: "default" texts are Simplified Chinese.
  surveyLocalization.defaultLocale = "zh-cn";
});

describe.each(FILES)("%s", (file) => {
  const json = load(file);

  it("loads in survey-core without unknown properties", () => {
    const survey = new Model(json);
    expect(survey.jsonErrors ?? []).toEqual([]);
    expect(survey.getAllQuestions(false, false, true).length).toBeGreaterThan(5);
  });

  it("names questions, panels and pages in unique ASCII snake_case", () => {
    const names = [...walk(json)].filter(([, key]) => key === "name").map(([, , value]) => value as string);
    for (const name of names) expect(name).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
    expect(new Set(names).size).toBe(names.length);
  });

  it("writes every respondent-facing text in all three locales", () => {
    for (const [path, key, value] of walk(json)) {
      if (isLocalised(value)) {
        expect(Object.keys(value).sort(), `${path}.${key}`).toEqual(["default", "en", "zh-tw"]);
        for (const text of Object.values(value)) expect(text.trim().length, `${path}.${key}`).toBeGreaterThan(0);
        expect(value.en, `${path}.${key}`).not.toMatch(CJK);
        expect(value.default, `${path}.${key}`).toMatch(CJK);
      } else if (typeof value === "string") {
        // A bare string with Chinese text would show untranslated in zh-tw and en.
        expect(NOT_TEXT.has(key) || !CJK.test(value), `${path}.${key} = ${value}`).toBe(true);
      }
    }
  });

  it("shows translated titles and choices when the locale switches", () => {
    const survey = new Model(json);
    const read = () => ({
      title: survey.title,
      pages: survey.pages.map((p) => p.title),
      questions: survey.getAllQuestions(false, false, true).map((q) => q.title),
      choices: survey.getAllQuestions(false, false, true).flatMap((q) => ("choices" in q ? (q.choices as { text: string }[]).map((c) => c.text) : [])),
    });
    const simplified = read();
    survey.locale = "zh-tw";
    const traditional = read();
    survey.locale = "en";
    const english = read();
    survey.locale = "";
    expect(read()).toEqual(simplified);

    expect(simplified.title).toMatch(CJK);
    expect(traditional.title).not.toBe(simplified.title);
    expect(english.title).not.toMatch(CJK);
    expect(english.questions.every((t) => !CJK.test(t))).toBe(true);
    expect(english.choices.every((t) => !CJK.test(t))).toBe(true);
    expect(english.pages.every((t) => !CJK.test(t))).toBe(true);
    // Most texts have Traditional forms that differ (是/否 and a few others do not).
    const differ = traditional.questions.filter((t, i) => t !== simplified.questions[i]).length;
    expect(differ / simplified.questions.length).toBeGreaterThan(0.8);
    expect(traditional.questions.every((t) => CJK.test(t))).toBe(true);
  });

  it("stores choice values as Simplified Chinese short labels (or SurveyJS's own 'other')", () => {
    for (const [path, key, value] of walk(json)) {
      if (key !== "choices") continue;
      for (const choice of value as { value: string }[]) {
        expect(choice.value, path).toMatch(CJK);
        expect(choice.value.length, path).toBeLessThanOrEqual(14);
      }
    }
  });

  it("counts people as required whole numbers from 0, with members ≤ staff enforced", () => {
    const survey = new Model(json);
    for (const name of ["staff_count", "member_count"]) {
      const q = survey.getQuestionByName(name);
      expect(q.getType()).toBe("text");
      expect((q as unknown as { inputType: string }).inputType).toBe("number");
      expect(q.isRequired).toBe(true);
    }
    const validator = survey.getQuestionByName("member_count").validators.find((v) => v.getType() === "expressionvalidator");
    expect(validator?.text).toMatch(/党员.*从业人员/);
  });
});
