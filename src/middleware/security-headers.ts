import { secureHeaders } from "hono/secure-headers";

/**
 * hono's secure headers on every answer, errors included (X-Content-Type-Options: nosniff,
 * X-Frame-Options, Referrer-Policy, Cross-Origin-*-Policy, ...). `overwrite: false` keeps what a
 * route set itself, so the respondent and workspace pages keep their own CSP and Referrer-Policy.
 */
export function securityHeaders() {
  return secureHeaders({
    overwrite: false,
    referrerPolicy: "no-referrer",
    // For what is not a page (JSON, problem+json, exports, charts): nothing in it may load, run or be framed.
    contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] },
  });
}
