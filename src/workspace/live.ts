/**
 * Live results in the page: an EventSource on `…/analysis/{kind}/live`, reopened with a growing
 * pause when the connection drops for good (the browser itself retries a dropped stream; a
 * closed one it gives up on). Results and problems arrive as the POST's JSON and problem bodies.
 */
import { apiLanguage, type Problem, surveyPath } from "./api.js";
import { at } from "./base.js";

export type LiveKind = "frequencies" | "crosstab" | "ratio" | "numeric";

export interface LiveHandlers<T> {
  /** Every result: at once, then after each change of the survey's responses. */
  onResult: (result: T) => void;
  /** The request cannot be analysed (the stream is closed: change the request and open again). */
  onProblem?: (problem: Problem) => void;
  /** `live` while results flow, `reconnecting` while the connection is down. */
  onState?: (state: "live" | "reconnecting") => void;
}

export interface LiveHandle {
  close(): void;
}

/** Longest pause between two attempts to reopen a closed stream. */
const MAX_RETRY_MS = 30_000;

/** The stream's address: the request as URL-encoded JSON, the page's language as `lang`. */
export function liveUrl(survey: string, kind: LiveKind, request: unknown): string {
  const query = new URLSearchParams({ request: JSON.stringify(request), lang: apiLanguage() });
  return at(`${surveyPath(survey, `/analysis/${kind}/live`)}?${query}`);
}

/** Opens a live analysis; `close()` ends it (and any pending reopening). */
export function openLive<T>(survey: string, kind: LiveKind, request: unknown, handlers: LiveHandlers<T>, options: { firstRetryMs?: number } = {}): LiveHandle {
  const firstRetry = options.firstRetryMs ?? 1000;
  let source: EventSource | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let retry = firstRetry;
  let closed = false;

  const connect = () => {
    source = new EventSource(liveUrl(survey, kind, request), { withCredentials: true });
    source.addEventListener("result", (e) => {
      retry = firstRetry;
      handlers.onState?.("live");
      handlers.onResult(JSON.parse((e as MessageEvent<string>).data) as T);
    });
    source.addEventListener("problem", (e) => {
      handlers.onProblem?.(JSON.parse((e as MessageEvent<string>).data) as Problem);
      stop();
    });
    source.addEventListener("error", () => {
      if (closed) return;
      handlers.onState?.("reconnecting");
      // CONNECTING: the browser retries by itself; CLOSED: it gave up, so try again later.
      if (source?.readyState === EventSource.CLOSED) {
        source = null;
        timer = setTimeout(connect, retry);
        retry = Math.min(retry * 2, MAX_RETRY_MS);
      }
    });
  };
  const stop = () => {
    closed = true;
    if (timer) clearTimeout(timer);
    source?.close();
    source = null;
  };
  connect();
  return { close: stop };
}
