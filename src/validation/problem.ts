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
  /** Why, as an English sentence for API consumers. */
  message: string;
  /** Stable machine-readable reason, e.g. `unknown_question`, `not_a_choice`, `required`. */
  code: string;
}
