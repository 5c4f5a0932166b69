import { AppError } from "../../errors.js";
import type { AnalysisQuestion } from "./analysis-question.js";

/**
 * Runs a statistics function of `analysis/`. Those throw plain Errors on input they
 * cannot use (a degenerate table, a population smaller than the sample); the request is
 * then what cannot be analysed, so it becomes a 422 with the reason, never a 500.
 */
export function compute<T>(what: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("unprocessable", `The ${what} cannot be computed for these data: ${(error as Error).message}`);
  }
}

/** 422 unless the question is of one of the kinds the analysis takes. */
export function requireKind(q: AnalysisQuestion, field: string, kinds: AnalysisQuestion["kind"][], what: string): void {
  if (!kinds.includes(q.kind)) {
    throw new AppError("unprocessable", `Question '${q.name}' (${q.type}) cannot be used as ${what}.`, [
      { question: field, message: `'${q.name}' is a ${q.type} question; ${what} must be a ${kinds.map(describeKind).join(" or ")} question` },
    ]);
  }
}

/** 422 unless the question holds numbers. */
export function requireNumeric(q: AnalysisQuestion, field: string): void {
  if (!q.numeric) {
    throw new AppError("unprocessable", `Question '${q.name}' (${q.type}) does not hold numbers.`, [
      { question: field, message: `'${q.name}' is a ${q.type} question; a number question (text with inputType number, rating or expression) is needed` },
    ]);
  }
}

function describeKind(kind: AnalysisQuestion["kind"]): string {
  return kind === "single" ? "single-choice" : kind === "multiple" ? "multi-select" : kind;
}
