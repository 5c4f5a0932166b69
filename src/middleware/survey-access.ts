import { createMiddleware } from "hono/factory";
import type { Db } from "../db/client.js";
import type { Permission } from "../services/access/permissions.js";
import { type Caller, type SurveyAccess, surveyAccess as accessOf } from "../services/access/survey-access.js";
import type { Principal } from "./researcher-auth.js";

declare module "hono" {
  interface ContextVariableMap {
    /** The caller's role and unit scope on the survey of the path (set by `surveyAccess`). */
    access: SurveyAccess;
  }
}

/** The caller as the access rules see it. */
export function callerOf(user: Principal): Caller {
  return { userId: user.id, admin: user.admin };
}

/**
 * After `researcherAuth`, on a `/{name}/…` route: the caller must be a member of survey
 * `name` whose role allows `permission` (404 for a non-member, 403 for a role that does not
 * allow it). Sets `c.var.access`, whose `unit` every read of responses must honour.
 */
export function surveyAccess(db: Db, permission: Permission) {
  return createMiddleware(async (c, next) => {
    const name = c.req.param("name") ?? "";
    c.set("access", await accessOf(db, callerOf(c.get("user")), name, permission));
    await next();
  });
}
