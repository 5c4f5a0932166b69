import { formatNumber, formatPercent } from "../../analysis/charts/index.js";
import { phrase } from "../../i18n/phrase.js";
import type { Db } from "../db/client.js";
import { AppError, type FieldError, fieldError } from "../errors.js";
import { findQuestion, type SurveyCatalog } from "../services/analysis/analysis-question.js";
import { frequencyAnalysis } from "../services/analysis/frequencies.js";
import type { Language } from "../services/analysis/requests.js";
import type { ReportDefinition } from "./definition.js";
import { reportWords } from "./words.js";

/**
 * Data placeholders of a report's introduction and notes, filled from the data each time the
 * report is made, in the report's language, so its sentences stay true as responses arrive:
 *
 * | placeholder               | becomes                                                                  |
 * | ------------------------- | ------------------------------------------------------------------------ |
 * | `{responses}`             | the questionnaires in the report's base: "1812 份问卷", "1,812 questionnaires" |
 * | `{n:question}`            | how many answered the question: "1812"                                   |
 * | `{count:question=choice}` | how many chose the choice: "946"                                         |
 * | `{share:question=choice}` | their share of those who answered (of respondents for multi-select): "52.2%" |
 *
 * In an analysis's note, `n`, `count` and `share` use that analysis's filter and weight. Any
 * other `{word}` or `{word:…}` is refused when the report is saved; other braces are text.
 */
export const PLACEHOLDER = /\{([a-z]+)(?::([^{}=\n]+?)(?:=([^{}\n]+))?)?\}/g;

/** One placeholder found in a text. */
export interface Placeholder {
  text: string;
  kind: string;
  question?: string;
  choice?: string;
}

/** The placeholders of a text, in order. */
export function placeholdersOf(text: string): Placeholder[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => ({ text: m[0], kind: m[1], question: m[2]?.trim(), choice: m[3]?.trim() }));
}

/** The texts of a definition that take placeholders, with the field that names each in an error. */
function textsOf(definition: ReportDefinition): { field: string; text: string; entry?: number }[] {
  const texts: { field: string; text: string; entry?: number }[] = [];
  if (definition.introduction) texts.push({ field: "introduction", text: definition.introduction });
  definition.analyses.forEach((a, i) => {
    if (a.note) texts.push({ field: `analyses.${i}.note`, text: a.note, entry: i });
  });
  return texts;
}

/**
 * Checks every placeholder of a definition against the questionnaire: a 422 lists each one that
 * is unknown or names a question or choice the survey does not have, by its field.
 *
 * @param definition a checked definition
 * @param catalog the survey's questionnaire (every version)
 * @throws {AppError} 422
 */
export function checkPlaceholders(definition: ReportDefinition, catalog: SurveyCatalog): void {
  const errors: FieldError[] = [];
  for (const { field, text } of textsOf(definition)) {
    for (const p of placeholdersOf(text)) {
      const problem = placeholderProblem(p, catalog, definition.lang, field);
      if (problem) errors.push(problem);
    }
  }
  if (errors.length > 0) throw new AppError("unprocessable", phrase("reports.placeholdersInvalid"), errors);
}

function placeholderProblem(p: Placeholder, catalog: SurveyCatalog, lang: Language, field: string): FieldError | null {
  if (p.kind === "responses" && p.question === undefined) return null;
  if (!["n", "count", "share"].includes(p.kind) || p.question === undefined)
    return fieldError(field, "unknown_placeholder", phrase("reports.unknownPlaceholder", { text: p.text }));
  if (p.kind !== "n" && p.choice === undefined) return fieldError(field, "placeholder_choice", phrase("reports.placeholderNeedsChoice", { text: p.text }));
  let question: ReturnType<typeof findQuestion>;
  try {
    question = findQuestion(catalog, p.question, lang, field);
  } catch (error) {
    if (error instanceof AppError && error.errors?.[0]) return error.errors[0];
    throw error;
  }
  if (question.kind !== "single" && question.kind !== "multiple") {
    return fieldError(field, "placeholder_question", phrase("reports.placeholderNotChoiceQuestion", { text: p.text, question: question.name }));
  }
  if (p.choice !== undefined && !question.categories.some((c) => String(c.value) === p.choice)) {
    return fieldError(field, "placeholder_choice", phrase("reports.placeholderNotChoice", { text: p.text, question: question.name }));
  }
  return null;
}

/** The definition's texts as the report prints them. */
export interface FilledTexts {
  introduction?: string;
  /** By analysis index. */
  notes: (string | undefined)[];
}

/**
 * Fills every placeholder of a definition's texts from the data (one frequency table per
 * question and analysis filter, aggregated in SQL).
 *
 * @param db the database
 * @param survey the survey's name
 * @param definition a checked definition
 * @param base the complete questionnaires in the report's base (its unit scope)
 * @param scope the caller's unit, or null for all
 * @returns the texts with their placeholders filled
 */
export async function fillPlaceholders(db: Db, survey: string, definition: ReportDefinition, base: number, scope: string | null): Promise<FilledTexts> {
  const lang = definition.lang;
  const tables = new Map<string, Promise<Awaited<ReturnType<typeof frequencyAnalysis>>>>();
  const tableOf = (question: string, entry?: number) => {
    const source = entry === undefined ? undefined : definition.analyses[entry];
    const filter = source?.filter;
    const weight = source && "weight" in source ? source.weight : undefined;
    const key = JSON.stringify([question, filter ?? null, weight ?? null]);
    if (!tables.has(key))
      tables.set(key, frequencyAnalysis(db, survey, { question, filter, weight, lang, includePartial: false, scope } as Parameters<typeof frequencyAnalysis>[2]));
    return tables.get(key) as ReturnType<typeof frequencyAnalysis>;
  };
  const fill = async (text: string, entry?: number): Promise<string> => {
    const values = await Promise.all(placeholdersOf(text).map((p) => placeholderValue(p, entry)));
    let i = 0;
    return text.replace(PLACEHOLDER, () => values[i++]);
  };
  const placeholderValue = async (p: Placeholder, entry?: number): Promise<string> => {
    if (p.kind === "responses") return reportWords(lang).responsesCount(formatNumber(base, lang));
    const table = await tableOf(p.question ?? "", entry);
    if (p.kind === "n") return formatNumber(table.n, lang);
    const k = table.categories.findIndex((c: { value: unknown }) => String(c.value) === p.choice);
    if (p.kind === "count") return formatNumber(table.counts[k] ?? 0, lang);
    return formatPercent(table.casePercent[k] ?? 0);
  };
  const notes: (string | undefined)[] = [];
  for (const [i, a] of definition.analyses.entries()) notes.push(a.note ? await fill(a.note, i) : undefined);
  return { introduction: definition.introduction ? await fill(definition.introduction) : undefined, notes };
}
