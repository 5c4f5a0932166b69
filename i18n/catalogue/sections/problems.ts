/** The problem+json `title` of each error code (the codes of src/errors.ts). */
export type ProblemCode =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "payload_too_large"
  | "unsupported_media_type"
  | "unprocessable"
  | "too_many_requests"
  | "internal"
  | "unavailable";

export interface ProblemWords {
  titles: Record<ProblemCode, string>;
}
