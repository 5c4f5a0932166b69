import type { z } from "zod";
import type { Phrase } from "../../i18n/phrase.js";
import { AppError, type ErrorCode } from "../errors.js";

/** How a failed parse is reported: the error code, the sentence for `detail`, and the name of the whole input. */
export interface ZodProblemOptions {
  code: ErrorCode;
  detail: string | Phrase;
  /** What `question` says when the issue is about the input itself rather than one field. */
  root: string;
}

/**
 * The one mapping from zod issues to the problem+json error: one entry per issue,
 * `question` the dotted path of the field ("analyses.3.question") and `code` zod's issue code. Request validation
 * (the routes' default hook) and report definitions read from files both go through it,
 * so every client sees the same shape.
 *
 * @param error the failed parse
 * @param options code, detail and the name of the whole input
 * @returns the AppError to throw
 */
export function zodProblem(error: z.ZodError, { code, detail, root }: ZodProblemOptions): AppError {
  return new AppError(
    code,
    detail,
    // Messages were said in the request's language while parsing (src/lib/zod-language.ts); zod's issue code is the stable part.
    error.issues.map((i) => ({ question: i.path.map(String).join(".") || root, code: i.code, message: i.message })),
  );
}
