import { createRoute, z } from "@hono/zod-openapi";
import type { Db } from "../db/client.js";
import { researcherAuth } from "../middleware/researcher-auth.js";
import { surveyAccess } from "../middleware/survey-access.js";
import { routeApp } from "../openapi/route-app.js";
import { jsonResponse, problems, researcher, surveyParams } from "../openapi/schemas.js";
import { surveyMonitor } from "../services/monitor.js";

const counts = { complete: z.number().int(), partial: z.number().int() };
const expected = z.number().int().nullable().openapi({ description: "The sum of the links' expected counts, or null when no link states one" });

const monitor = z
  .object({
    total: z.object(counts),
    timeZone: z.string().openapi({ description: "The survey's IANA time zone, whose days `days` counts", example: "Asia/Shanghai" }),
    days: z.array(z.object({ date: z.string().openapi({ description: "A day in the survey's time zone, YYYY-MM-DD", example: "2024-03-01" }), ...counts })).openapi({
      description: "Arrivals per day in the survey's time zone, from the first to the last (days without arrivals as zeros)",
    }),
    units: z.array(
      z.object({
        unit: z.string().nullable().openapi({ description: "The unit; null for responses that came through no link" }),
        level: z.string().nullable(),
        expected,
        ...counts,
      }),
    ),
    levels: z.array(z.object({ level: z.string().nullable().openapi({ description: "The links' level; null for units without one" }), expected, ...counts })),
  })
  .openapi("Monitor");

/** /api/surveys/{name}/monitor (researcher): arrivals per day, complete and partial, by unit and level, against the expected counts. */
export function monitorRoutes(db: Db) {
  const route = createRoute({
    method: "get",
    path: "/{name}/monitor",
    summary: "Arrivals per day in the survey's time zone, complete and partial, by unit and by level, against each link's expected count",
    tags: ["responses"],
    security: researcher,
    middleware: [researcherAuth(db), surveyAccess(db, "analyse")] as const,
    request: { params: surveyParams },
    responses: { 200: jsonResponse(monitor, "The survey's figures"), ...problems(400, 401, 404) },
  });
  return routeApp().openapi(route, async (c) => c.json(await surveyMonitor(db, c.req.valid("param").name, c.get("access").unit), 200));
}
