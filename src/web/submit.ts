/** One per-question problem, as the API's problem+json lists them. */
export interface QuestionProblem {
  question: string;
  message: string;
  code?: string;
}

/** What one submission attempt came to. */
export type SubmitOutcome =
  | { kind: "stored" }
  /** No answer, or one that says "try later" (5xx, 408, 429): keep the answers and retry. */
  | { kind: "retry"; reason: "network" | "server"; status?: number }
  | { kind: "rejected"; detail: string; errors: QuestionProblem[] }
  | { kind: "conflict"; detail: string }
  | { kind: "failed"; status: number; detail: string };

export interface SubmissionBody {
  id: string;
  data: Record<string, unknown>;
  complete: true;
  version: number;
  /** The code of the collection link the page was opened through. */
  link?: string;
  /** The link's single-use invitation code the page was opened with. */
  invitation?: string;
}

/** A phone on a bad link can hang on a request for minutes; past this it counts as a network failure. */
const TIMEOUT_MS = 30_000;

/**
 * POSTs a completed response once and classifies the answer; never throws.
 * @param language the page's language as a BCP 47 tag (zh-CN, zh-TW, en): the server answers refusals in it
 */
export async function submitResponse(url: string, body: SubmissionBody, language?: string): Promise<SubmitOutcome> {
  const controller = typeof AbortController === "function" ? new AbortController() : undefined;
  const timer = controller ? setTimeout(() => controller.abort(), TIMEOUT_MS) : undefined;
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json, application/problem+json",
        ...(language ? { "accept-language": language } : {}),
      },
      body: JSON.stringify(body),
      credentials: "same-origin",
      cache: "no-store",
      signal: controller?.signal,
    });
  } catch {
    return { kind: "retry", reason: "network" };
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
  if (response.status === 200 || response.status === 201) return { kind: "stored" };
  if (response.status >= 500 || response.status === 408 || response.status === 429) {
    return { kind: "retry", reason: "server", status: response.status };
  }
  const problem = await readProblem(response);
  if (response.status === 422) return { kind: "rejected", detail: problem.detail, errors: problem.errors };
  if (response.status === 409) return { kind: "conflict", detail: problem.detail };
  return { kind: "failed", status: response.status, detail: problem.detail };
}

async function readProblem(response: Response): Promise<{ detail: string; errors: QuestionProblem[] }> {
  try {
    const body = (await response.json()) as { detail?: unknown; errors?: unknown };
    const errors = Array.isArray(body.errors)
      ? body.errors
          .filter((e): e is QuestionProblem => !!e && typeof e.question === "string" && typeof e.message === "string")
          .map((e) => ({ question: e.question, message: e.message, code: typeof e.code === "string" ? e.code : undefined }))
      : [];
    return { detail: typeof body.detail === "string" ? body.detail : "", errors };
  } catch {
    return { detail: "", errors: [] };
  }
}

/** Milliseconds to wait before retry number `attempt` (1-based): 2 s, 4 s, 8 s … up to a minute, with ±20 % jitter. */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(60_000, 2_000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}
