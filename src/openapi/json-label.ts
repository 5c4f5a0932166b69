import { createMiddleware } from "hono/factory";

const JSON_TYPE = /^application\/([a-z-.]+\+)?json(;|$)/i;

/**
 * Reads a JSON call's body as JSON whatever its Content-Type says. The contract has
 * always done so (a script's `fetch` with text/plain, curl's form default), and the
 * declared validator would otherwise answer 415, a status the contract does not have.
 */
export const readBodyAsJson = createMiddleware(async (c, next) => {
  if (!JSON_TYPE.test(c.req.header("content-type") ?? "")) {
    const headers = new Headers(c.req.raw.headers);
    headers.set("content-type", "application/json");
    c.req.raw = new Request(c.req.raw, { headers });
  }
  await next();
});
