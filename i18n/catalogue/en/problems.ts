import type { ProblemWords } from "../sections/problems.js";

export const problems: ProblemWords = {
  titles: {
    bad_request: "Bad request",
    unauthorized: "Unauthorized",
    forbidden: "Forbidden",
    not_found: "Not found",
    conflict: "Conflict",
    payload_too_large: "Payload too large",
    unsupported_media_type: "Unsupported media type",
    unprocessable: "Unprocessable content",
    too_many_requests: "Too many requests",
    internal: "Internal server error",
    unavailable: "Service unavailable",
  },
};
