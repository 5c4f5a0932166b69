import { at } from "./base.js";

/** A problem+json body: the server's words are already in the page's language. */
export interface Problem {
  title?: string;
  detail?: string;
  status?: number;
  detailCode?: string;
  errors?: { question?: string; message?: string }[];
}

/** A call that did not succeed: the server's problem, or none when the server was not reached. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | null,
  ) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
  }
}

let language = "zh-Hans";

/** The language every call asks the server to answer in. */
export function setApiLanguage(lang: string) {
  language = lang;
}

/** The language calls ask the server to answer in, for calls that do not go through `api` (file uploads). */
export function apiLanguage(): string {
  return language;
}

/** What a signed-out call does: back to the sign-in page, and to this page after it. */
function toSignIn() {
  const next = window.location.pathname.startsWith(at("w/")) ? `?next=${encodeURIComponent(window.location.pathname.slice(at("").length))}` : "";
  window.location.assign(at(`login${next}`));
}

/**
 * Calls the platform's own API (same origin, the session cookie) and reads the JSON
 * answer. Bodies go as `application/json`, which no other site can make a browser send
 * with our cookie. A 401 means the session ended: on to the sign-in page.
 * @throws {ApiError} for any answer that is not 2xx, and (status 0) when the server is not reached
 */
export async function api<T>(path: string, options: { method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE"; body?: unknown } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json", "accept-language": language };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  let res: Response;
  try {
    res = await fetch(at(path), {
      method: options.method ?? "GET",
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: "same-origin",
    });
  } catch {
    throw new ApiError(0, null);
  }
  if (res.status === 401) toSignIn();
  if (!res.ok) {
    const type = res.headers.get("content-type") ?? "";
    const problem = type.includes("json") ? ((await res.json().catch(() => null)) as Problem | null) : null;
    throw new ApiError(res.status, problem);
  }
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** `path?a=1&b=2`, leaving out empty values. */
export function withQuery(path: string, query: Record<string, string | number | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** `api/surveys/{name}` + rest, the name encoded. */
export function surveyPath(name: string, rest = ""): string {
  return `api/surveys/${encodeURIComponent(name)}${rest}`;
}
