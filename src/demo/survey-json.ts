/**
 * Reading a questionnaire just enough to keep a generator honest: every value a generator
 * writes must be a choice the questionnaire offers, so a renamed choice fails loudly here
 * instead of producing demo data that no longer matches.
 */
import type { QuestionSpec } from "../questionnaire/question.js";
import { readQuestions } from "../questionnaire/read-version.js";

/** The stored values of a choice question's ordinary choices, in questionnaire order. */
function choiceValues(questions: readonly QuestionSpec[], name: string): string[] {
  const question = questions.find((q) => q.name === name);
  if (!question || (question.kind !== "single" && question.kind !== "multi")) {
    throw new Error(`choiceValues: the questionnaire has no choice question '${name}'`);
  }
  return question.items.filter((item) => !item.special).map((item) => String(item.value));
}

/**
 * Throws unless the questionnaire has every named question, and each listed value
 * among the choices of its question.
 * @example requireQuestionnaire(json, { level: ["市"], staff_count: [] })
 */
export function requireQuestionnaire(json: unknown, expected: Readonly<Record<string, readonly string[]>>): void {
  const questions = readQuestions(json as object);
  for (const [name, values] of Object.entries(expected)) {
    if (!questions.some((q) => q.name === name)) throw new Error(`requireQuestionnaire: the questionnaire has no question '${name}'`);
    if (values.length === 0) continue;
    const offered = new Set(choiceValues(questions, name));
    const missing = values.filter((v) => !offered.has(v));
    if (missing.length > 0) {
      throw new Error(`requireQuestionnaire: question '${name}' offers no choice ${missing.map((v) => `'${v}'`).join(", ")}`);
    }
  }
}
