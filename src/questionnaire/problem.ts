import { say, withWording, type Wording } from "../../i18n/phrase.js";

/**
 * One thing wrong with a questionnaire or an answer set. The API turns a list of these into the
 * `errors` of a 422 problem+json body.
 */
export interface Problem {
  /**
   * Where. For answers: the top-level data key (`valueName || name`), a required panel's name,
   * or `(data)` for the answer set as a whole. For questionnaires: a JSON location such as
   * `pages[1].elements[3] (q_name)`.
   */
  question: string;
  /** Why, as an English sentence (for the CLI and logs). */
  message: string;
  /** Stable machine-readable reason, e.g. `unknown_question`, `not_a_choice`, `required`. */
  code: string;
  /**
   * The same reason in every language, what a problem+json body says in the reader's;
   * attached by `withWording`, so it is not enumerable.
   */
  readonly wording?: Wording;
}

/** A problem with its English message, and its wording for every language (not enumerable). */
export function worded(question: string, code: string, wording: Wording): Problem {
  return withWording({ question, code, message: say("en", wording) }, wording);
}
