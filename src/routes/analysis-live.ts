import { createRoute, z } from "@hono/zod-openapi";
import { streamSSE } from "hono/streaming";
import type { Language } from "../../i18n/language.js";
import { phrase } from "../../i18n/phrase.js";
import type { Db } from "../db/client.js";
import { AppError, fieldError, problem } from "../errors.js";
import { zodProblem } from "../lib/zod-problem.js";
import { researcherAuth } from "../middleware/researcher-auth.js";
import { surveyAccess } from "../middleware/survey-access.js";
import { routeApp } from "../openapi/route-app.js";
import { fileResponse, problems, researcher, surveyParams } from "../openapi/schemas.js";
import { crosstabAnalysis } from "../services/analysis/crosstab.js";
import { frequencyAnalysis } from "../services/analysis/frequencies.js";
import type { LiveEvent, LiveResults } from "../services/analysis/live.js";
import { numericAnalysis } from "../services/analysis/numeric.js";
import { ratioAnalysis } from "../services/analysis/ratio.js";
import { crosstabRequest, frequenciesRequest, numericRequest, ratioRequest } from "../services/analysis/requests.js";

/** A comment line this often keeps proxies from closing a quiet stream. */
const KEEP_ALIVE_MS = 25_000;

const KINDS = {
  frequencies: { schema: frequenciesRequest, run: frequencyAnalysis },
  crosstab: { schema: crosstabRequest, run: crosstabAnalysis },
  ratio: { schema: ratioRequest, run: ratioAnalysis },
  numeric: { schema: numericRequest, run: numericAnalysis },
} as const;
type Kind = keyof typeof KINDS;
type LiveRequest = Record<string, unknown> & { lang: Language };

const liveParams = surveyParams.extend({
  kind: z.enum(Object.keys(KINDS) as [Kind, ...Kind[]]).openapi({ param: { name: "kind", in: "path" }, description: "frequencies, crosstab, ratio or numeric" }),
});
const liveQuery = z.object({
  request: z.string().optional().openapi({ description: "The URL-encoded JSON body of the same analysis's POST (format is always json)" }),
});

/**
 * GET /api/surveys/{name}/analysis/{kind}/live?request=…: a server-sent-events stream of the
 * analysis's JSON result, sent at once and again whenever the survey's responses change
 * (`event: result`), or `event: problem` with the problem+json body when the request cannot be
 * analysed. Same role checks as the POST; the result is computed once per (survey, kind,
 * canonical request, unit scope) and shared by every open stream (src/services/analysis/live.ts).
 */
export function liveAnalysisRoutes(db: Db, live: LiveResults) {
  const route = createRoute({
    method: "get",
    path: "/{name}/analysis/{kind}/live",
    summary: "Live results: the analysis as server-sent events, again whenever responses change",
    tags: ["analysis"],
    security: researcher,
    middleware: [researcherAuth(db), surveyAccess(db, "analyse")] as const,
    request: { params: liveParams, query: liveQuery },
    responses: { 200: fileResponse("text/event-stream: `event: result` (the POST's JSON) or `event: problem`", ["text/event-stream"]), ...problems(400, 401, 404) },
  });
  return routeApp().openapi(route, async (c) => {
    const { name, kind } = c.req.valid("param");
    const lang = c.get("lang");
    const scope = c.get("access").unit;
    const checked = parseRequest(kind, c.req.valid("query").request);
    c.header("cache-control", "no-store");
    // Nginx and its kind buffer responses unless told not to; a stream must arrive as written.
    c.header("x-accel-buffering", "no");
    return streamSSE(c, async (stream) => {
      const send = (event: LiveEvent) => void stream.writeSSE({ event: event.event, data: JSON.stringify(event.data) }).catch(() => {});
      if (checked instanceof AppError) {
        // Written before the stream ends, which it does at once: the request will never analyse.
        await stream.writeSSE({ event: "problem", data: JSON.stringify(problem(checked.code, checked.wording ?? checked.detail, checked.errors, lang)) });
        return;
      }
      const request = { ...checked, scope };
      const { run } = KINDS[kind];
      const unsubscribe = live.subscribe(
        { survey: name, kind, request, scope, lang: request.lang, run: () => (run as (db: Db, s: string, r: unknown) => Promise<unknown>)(db, name, request) },
        send,
      );
      let open = true;
      stream.onAbort(() => {
        open = false;
        unsubscribe();
      });
      while (open) {
        await stream.sleep(KEEP_ALIVE_MS);
        if (open) await stream.write(": keep-alive\n\n");
      }
    }) as never;
  });
}

/** The request as the POST's schema checks it, presentation fields aside (a stream is always JSON); or the problem. */
function parseRequest(kind: Kind, raw: string | undefined): AppError | LiveRequest {
  let json: unknown;
  try {
    json = JSON.parse(raw ?? "");
  } catch {
    return new AppError("unprocessable", phrase("live.requestNotJson"), [fieldError("request", "not_json", phrase("live.requestField"))]);
  }
  const parsed = KINDS[kind].schema.safeParse(json);
  if (!parsed.success) return zodProblem(parsed.error, { code: "unprocessable", detail: phrase("http.bodyInvalid"), root: "(request)" });
  const { format: _format, scale: _scale, width: _width, ...request } = parsed.data as LiveRequest;
  // A numeric histogram bins its json result: its chart kind stays part of the request.
  if (kind !== "numeric") delete request.chart;
  return request;
}
