import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { AppError } from "../errors.js";
import { strictJsonText } from "../lib/request-body.js";
import { phrase } from "../../i18n/phrase.js";

const JSON_TYPE = /^application\/([a-z-.]+\+)?json(;|$)/i;

/**
 * Checks the body strictly ({@link strictJsonText}) before the declared validator parses it:
 * hono's own reader would decode bad UTF-8 into U+FFFD and keep the last of two equal keys.
 * The validator's c.req.json() then reads the same text, which is cached.
 */
async function readStrictly(c: Context): Promise<void> {
  const text = strictJsonText(new Uint8Array(await c.req.arrayBuffer()));
  // The validator's c.req.json() reads the cached text: with only the bytes cached, hono would
  // decode them again through a new Response.
  // (hono types the cache by what it resolves to; it holds the promises.)
  (c.req.bodyCache as Record<string, unknown>).text = Promise.resolve(text);
}

/**
 * Reads a researcher call's body as JSON whatever its Content-Type says. The contract has
 * always done so (a script's `fetch` with text/plain, curl's form default), and the
 * declared validator would otherwise answer 415. Such calls carry a token, or a session that
 * `sameOrigin`/`researcherAuth` hold to the platform's own pages.
 */
export const readBodyAsJson = createMiddleware(async (c, next) => {
  if (!JSON_TYPE.test(c.req.header("content-type") ?? "")) {
    const headers = new Headers(c.req.raw.headers);
    headers.set("content-type", "application/json");
    c.req.raw = new Request(c.req.raw, { headers });
  }
  await readStrictly(c);
  await next();
});

/**
 * Reads the body of a call anyone may make (a submission) only when it says it is JSON (415
 * otherwise): a form on any other site can post text/plain or form-encoded bodies without a CORS
 * preflight, but not application/json.
 */
export const requireJsonBody = createMiddleware(async (c, next) => {
  const type = c.req.header("content-type") ?? "";
  if (!JSON_TYPE.test(type)) throw new AppError("unsupported_media_type", phrase("http.jsonRequired", { type: type || "(none)" }));
  await readStrictly(c);
  await next();
});
