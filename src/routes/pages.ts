import { Hono } from "hono";
import type { Db } from "../db/client.js";

/** Placeholder until the respondent page lands: GET /s/{name}. */
export function pageRoutes(_db: Db) {
  return new Hono();
}
