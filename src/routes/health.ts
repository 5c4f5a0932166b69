import { Hono } from "hono";
import type { DatabaseKind } from "../db/client.js";

/** GET /healthz: liveness, and which database this process runs on. */
export function healthRoutes(kind: DatabaseKind) {
  return new Hono().get("/healthz", (c) => c.json({ status: "ok", database: kind }));
}
