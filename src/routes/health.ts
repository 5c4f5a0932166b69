import { createRoute, z } from "@hono/zod-openapi";
import type { DatabaseKind } from "../db/client.js";
import { routeApp } from "../openapi/route-app.js";
import { jsonResponse, problems } from "../openapi/schemas.js";

const health = z.object({ status: z.literal("ok"), database: z.enum(["pglite", "postgres"]) });

/** GET /healthz: liveness, and which database this process runs on. */
export function healthRoutes(kind: DatabaseKind) {
  const route = createRoute({
    method: "get",
    path: "/healthz",
    summary: "Liveness, and which database this process runs on",
    tags: ["health"],
    responses: { 200: jsonResponse(health, "The process is up"), ...problems() },
  });
  return routeApp().openapi(route, (c) => c.json({ status: "ok" as const, database: kind }, 200));
}
