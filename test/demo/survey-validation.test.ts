import { readFileSync } from "node:fs";
import { Model, surveyLocalization } from "survey-core";
import { beforeAll, describe, expect, it } from "vitest";
import { generateCensusResponses, generateDemoResponses, type DemoResponse } from "../../src/demo/index.js";

// The demo responses must pass the questionnaire's own validation, as a respondent's
// browser would enforce it, before the server's validator ever sees them.

const load = (file: string) => JSON.parse(readFileSync(new URL(`../../surveys/${file}`, import.meta.url), "utf8"));

beforeAll(() => {
  surveyLocalization.defaultLocale = "zh-cn";
});

/** Problems survey-core finds with one response: errors, answers to hidden questions, changed data. */
function problems(survey: Model, response: DemoResponse): string[] {
  // Assigning data replaces every value; clear() first would double the cost.
  survey.data = response.data;
  const found: string[] = [];
  // validate(false) is the cheap pass; errors are collected only when it fails.
  if (!survey.validate(false) && !survey.validate(true)) {
    for (const q of survey.getAllQuestions()) for (const e of q.errors) found.push(`${q.name}: ${e.getText()}`);
  }
  for (const key of Object.keys(response.data)) {
    const question = survey.getQuestionByName(key.replace(/-Comment$/, ""));
    if (!question) found.push(`${key}: no such question`);
    else if (!question.isVisible || !question.isParentVisible) found.push(`${key}: answered but hidden`);
  }
  // Computed questions and survey-core's own normalisation must leave the data as generated.
  const canonical = (data: Record<string, unknown>) =>
    JSON.stringify(
      Object.keys(data)
        .sort()
        .map((k) => [k, data[k]]),
    );
  if (canonical(survey.data) !== canonical(response.data)) found.push(`data changed: ${canonical(survey.data)}`);
  return found;
}

describe.each([
  ["dangjian-innovation-2023.json", (json: unknown) => generateDemoResponses(json)],
  ["org-coverage-census.json", (json: unknown) => generateCensusResponses(json)],
])("demo responses to %s", (file, generate) => {
  const json = load(file);
  const responses = generate(json);

  it("all pass survey-core's validation of every page, answering only visible questions", () => {
    const survey = new Model(json);
    const failures = responses.map((r) => ({ id: r.id, problems: problems(survey, r) })).filter((f) => f.problems.length > 0);
    expect(failures).toEqual([]);
    // 1,812 survey-core validations: seconds alone, several times that on a loaded 2-core machine.
  }, 180_000);

  it("are checked by a test that does catch broken responses", () => {
    const broken = structuredClone(responses[0]);
    broken.data.staff_count = 2;
    broken.data.member_count = 3;
    broken.data.no_such_question = "x";
    const found = problems(new Model(json), broken);
    expect(found).toContain("no_such_question: no such question");
    expect(found.some((p) => p.startsWith("member_count:"))).toBe(true);
    // In the census, should_build is recomputed from the new member count.
    if ("should_build" in broken.data) expect(found.some((p) => p.startsWith("data changed"))).toBe(true);
  });

  it("pass the same way in a fresh model each (a sample), so reusing one model hides nothing", () => {
    for (const r of responses.filter((_, i) => i % 60 === 0)) expect(problems(new Model(json), r)).toEqual([]);
  });
});
