import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { DEFAULT_LANGUAGE, type Language } from "../i18n/language.js";
import { phrase, say, withWording, wordingOf, type Phrase, type Wording } from "../i18n/phrase.js";
import { words } from "../i18n/words.js";
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from "./db/unavailable.js";

/** The closed set of error codes the API answers with; each maps to one HTTP status. */
export type ErrorCode =
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

const codeToStatus: Record<ErrorCode, ContentfulStatusCode> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  too_many_requests: 429,
  internal: 500,
  unavailable: 503,
};

/**
 * One entry per offending question (or request field), as the HTTP contract spells it.
 * `message` is English for code that reads errors without a request (CLI, tests); when
 * `wording` is given, problem+json bodies say it in the request's language instead.
 */
export interface FieldError {
  question: string;
  message: string;
  /** Stable, machine-readable reason: clients branch on it, never on the message. */
  code?: string;
  /** Attached by `withWording` (not enumerable), so errors compare and serialise as before. */
  readonly wording?: Wording;
}

/** A field error worded from the catalogue: English `message` now, the reader's language in the body. */
export function fieldError(question: string, code: string, wording: Wording): FieldError {
  return withWording({ question, code, message: say("en", wording) }, wording);
}

/**
 * The only error type services throw for an expected failure; `onError` turns it into problem+json.
 * `detail` is a phrase of the catalogue (`new AppError("not_found", phrase("surveys.notFound", { name }))`),
 * said in the request's language with its key as `detailCode`; a plain string is sent as written,
 * in every language (the form of sites not yet converted).
 */
export class AppError extends Error {
  readonly status: ContentfulStatusCode;
  /** The detail in English. */
  readonly detail: string;
  /** The detail to say in the reader's language, when it came from the catalogue. */
  readonly wording?: Phrase;
  constructor(
    readonly code: ErrorCode,
    detail: string | Phrase,
    readonly errors?: FieldError[],
  ) {
    const english = typeof detail === "string" ? detail : say("en", detail);
    super(english);
    this.name = "AppError";
    this.status = codeToStatus[code];
    this.detail = english;
    if (typeof detail !== "string") this.wording = detail;
  }
}

/**
 * The problem+json body for an error code, in one language: `title`, `detail` and each
 * `errors[].message` said in `lang`; `detailCode` names the detail's sentence when it has one.
 */
export function problem(code: ErrorCode, detail: string | Phrase, errors?: FieldError[], lang: Language = DEFAULT_LANGUAGE) {
  return {
    type: `/problems/${code.replace(/_/g, "-")}`,
    title: words(lang).problems.titles[code],
    status: codeToStatus[code],
    detail: typeof detail === "string" ? detail : say(lang, detail),
    ...(typeof detail === "string" ? {} : { detailCode: detail.key }),
    ...(errors && errors.length > 0 ? { errors: errors.map((e) => localise(e, lang)) } : {}),
  };
}

/** Writes a problem+json response in the request's language. */
export function problemResponse(c: Context, code: ErrorCode, detail: string | Phrase, errors?: FieldError[]) {
  // Set by hono/request-id in createApp; the same id is in the X-Request-Id header and the 5xx log line.
  const requestId: string | undefined = c.get("requestId");
  const body = { ...problem(code, detail, errors, c.get("lang") ?? DEFAULT_LANGUAGE), ...(requestId ? { requestId } : {}) };
  return c.body(JSON.stringify(body), codeToStatus[code], {
    "content-type": "application/problem+json; charset=utf-8",
    // A 503 is always worth a retry, a little later: the respondent page and any client may rely on it.
    ...(code === "unavailable" ? { "retry-after": String(DATABASE_RETRY_AFTER_SECONDS) } : {}),
  });
}

/**
 * The app's single error handler. Only unexpected (5xx) errors are logged. A database that cannot
 * answer (see isDatabaseUnavailable) is a 503 with Retry-After, logged in one line, not a 500.
 */
export function onError(err: Error, c: Context) {
  if (isDatabaseUnavailable(err)) {
    console.error(`request ${c.get("requestId") ?? "-"}: database unavailable (${databaseErrorCode(err)})`);
    return onError(databaseUnavailable(), c);
  }
  if (err instanceof AppError) return problemResponse(c, err.code, err.wording ?? err.detail, err.errors);
  if (err instanceof HTTPException) {
    const code = statusToCode(err.status);
    // hono's validator refuses a body that is not JSON with its own English sentence.
    if (code === "bad_request" && err.message === "Malformed JSON in request body") return problemResponse(c, code, phrase("http.malformedJson"));
    if (code !== "internal") return problemResponse(c, code, err.message || words(c.get("lang") ?? DEFAULT_LANGUAGE).problems.titles[code]);
  }
  console.error(`request ${c.get("requestId") ?? "-"} failed:`, err);
  return problemResponse(c, "internal", phrase("http.internal"));
}

/** A field error as the body shows it: the message in `lang`, the wording itself left out. */
function localise(error: FieldError, lang: Language): FieldError {
  const wording = wordingOf(error);
  return wording ? { ...error, message: say(lang, wording) } : { ...error };
}

/** The AppError of a database that cannot answer now: 503, "try again in a few seconds". */
export function databaseUnavailable(): AppError {
  return new AppError("unavailable", phrase("http.databaseUnavailable", { seconds: DATABASE_RETRY_AFTER_SECONDS }));
}

function databaseErrorCode(err: unknown): string {
  for (let e = err, depth = 0; e && typeof e === "object" && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
  }
  return (err as Error).message;
}

function statusToCode(status: number): ErrorCode {
  const found = (Object.keys(codeToStatus) as ErrorCode[]).find((k) => codeToStatus[k] === status);
  return found ?? "internal";
}
