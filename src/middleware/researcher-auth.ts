import { createMiddleware } from "hono/factory";
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
      throw new AppError("unauthorized", "This call needs a researcher token: Authorization: Bearer <token> (npm run cli -- token create <label>).");
    }
    if (!(await verifyToken(db, match[1]))) {
      c.header("WWW-Authenticate", 'Bearer realm="researcher", error="invalid_token"');
      throw new AppError("unauthorized", "The researcher token is not valid or has been revoked.");
    }
    await next();
  });
}
