import { phrase, type Phrase } from "../../../i18n/phrase.js";
import { AppError, fieldError } from "../../errors.js";
import type { AnalysisQuestion } from "./analysis-question.js";

/**
 * Runs a statistics function of `analysis/`. Those throw plain Errors on input they
 * cannot use (a degenerate table, a population smaller than the sample); the request is
 * then what cannot be analysed, so it becomes a 422 with the reason, never a 500.
 */
export function compute<T>(what: Phrase, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof AppError) throw error;
    // The library's reason is English: it names the function and the input it refused.
    throw new AppError("unprocessable", phrase("analysis.cannotCompute", { what, reason: (error as Error).message }));
  }
}

/** 422 unless the question is of one of the kinds the analysis takes. */
export function requireKind(q: AnalysisQuestion, field: string, kinds: AnalysisQuestion["kind"][], what: Phrase): void {
  if (!kinds.includes(q.kind)) {
    const named = { name: q.name, type: q.type, what };
    throw new AppError("unprocessable", phrase("analysis.wrongKind", named), [
      fieldError(field, "wrong_kind", phrase("analysis.wrongKindField", { ...named, kinds: kinds.map(describeKind) })),
    ]);
  }
}

/** 422 unless the question holds numbers. */
export function requireNumeric(q: AnalysisQuestion, field: string): void {
  if (!q.numeric) {
    throw new AppError("unprocessable", phrase("analysis.notNumeric", { name: q.name, type: q.type }), [
      fieldError(field, "not_numeric", phrase("analysis.notNumericField", { name: q.name, type: q.type })),
    ]);
  }
}

function describeKind(kind: AnalysisQuestion["kind"]): Phrase {
  return phrase(`kinds.${kind}`);
}
