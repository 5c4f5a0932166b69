import { createMiddleware } from "hono/factory";
import { phrase } from "../../i18n/phrase.js";
import type { Db } from "../db/client.js";
import { AppError } from "../errors.js";
import { verifyToken } from "../services/tokens.js";

/** Researcher endpoints: a valid `Authorization: Bearer <token>` or 401. */
export function researcherAuth(db: Db) {
  return createMiddleware(async (c, next) => {
    const header = c.req.header("authorization") ?? "";
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) {
      c.header("WWW-Authenticate", 'Bearer realm="researcher"');
      throw new AppError("unauthorized", phrase("http.tokenMissing"));
    }
    if (!(await verifyToken(db, match[1]))) {
      c.header("WWW-Authenticate", 'Bearer realm="researcher", error="invalid_token"');
      throw new AppError("unauthorized", phrase("http.tokenInvalid"));
    }
    await next();
  });
}
