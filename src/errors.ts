import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** The closed set of error codes the API answers with; each maps to one HTTP status. */
export type ErrorCode =
  | "bad_request"
  | "unauthorized"
  | "not_found"
  | "conflict"
  | "payload_too_large"
  | "unprocessable"
  | "internal";

const codeToStatus: Record<ErrorCode, ContentfulStatusCode> = {
  bad_request: 400,
  unauthorized: 401,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unprocessable: 422,
  internal: 500,
};

const titles: Record<ErrorCode, string> = {
  bad_request: "Bad request",
  unauthorized: "Unauthorized",
  not_found: "Not found",
  conflict: "Conflict",
  payload_too_large: "Payload too large",
  unprocessable: "Unprocessable content",
  internal: "Internal server error",
};

/** One entry per offending question (or request field), as the HTTP contract spells it. */
export interface FieldError {
  question: string;
  message: string;
  code?: string;
}

/** The only error type services throw for an expected failure; `onError` turns it into problem+json. */
export class AppError extends Error {
  readonly status: ContentfulStatusCode;
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly errors?: FieldError[],
  ) {
    super(detail);
    this.name = "AppError";
    this.status = codeToStatus[code];
  }
}

/** The problem+json body for an error code. */
export function problem(code: ErrorCode, detail: string, errors?: FieldError[]) {
  return {
    type: `/problems/${code.replace(/_/g, "-")}`,
    title: titles[code],
    status: codeToStatus[code],
    detail,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

/** Writes a problem+json response. */
export function problemResponse(c: Context, code: ErrorCode, detail: string, errors?: FieldError[]) {
  // Set by hono/request-id in createApp; the same id is in the X-Request-Id header and the 5xx log line.
  const requestId: string | undefined = c.get("requestId");
  return c.body(JSON.stringify({ ...problem(code, detail, errors), ...(requestId ? { requestId } : {}) }), codeToStatus[code], {
    "content-type": "application/problem+json; charset=utf-8",
  });
}

/** The app's single error handler. Only unexpected (5xx) errors are logged. */
export function onError(err: Error, c: Context) {
  if (err instanceof AppError) return problemResponse(c, err.code, err.detail, err.errors);
  if (err instanceof HTTPException) {
    const code = statusToCode(err.status);
    if (code !== "internal") return problemResponse(c, code, err.message || titles[code]);
  }
  console.error(`request ${c.get("requestId") ?? "-"} failed:`, err);
  return problemResponse(c, "internal", "The server failed to handle this request.");
}

function statusToCode(status: number): ErrorCode {
  const found = (Object.keys(codeToStatus) as ErrorCode[]).find((k) => codeToStatus[k] === status);
  return found ?? "internal";
}
