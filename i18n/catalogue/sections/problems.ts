/** The problem+json `title` of each error code (the codes of src/errors.ts). */
export type ProblemCode = "bad_request" | "unauthorized" | "not_found" | "conflict" | "payload_too_large" | "unprocessable" | "internal";

export interface ProblemWords {
  titles: Record<ProblemCode, string>;
}
