import { secureHeaders } from "hono/secure-headers";

/**
 * hono's secure headers on every answer, errors included (X-Content-Type-Options: nosniff,
 * X-Frame-Options, Referrer-Policy, Strict-Transport-Security, Cross-Origin-*-Policy, ...).
 * `overwrite: false` keeps what a route set itself, and no Content-Security-Policy is added: the
 * respondent and workspace pages send their own strict one, and a policy on the other answers
 * would also govern a document shown from them (a JSON page the browser lands on after a redirect
 * could then not call the API it came from).
 */
export function securityHeaders() {
  return secureHeaders({ overwrite: false, referrerPolicy: "no-referrer" });
}
