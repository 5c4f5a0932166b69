import { createRoute, z } from "@hono/zod-openapi";
import { bodyLimit } from "../middleware/body-limit.js";
import type { Db } from "../db/client.js";
import { AppError } from "../errors.js";
import { actorOf } from "../middleware/audit-actor.js";
import { researcherAuth } from "../middleware/researcher-auth.js";
import { surveyAccess } from "../middleware/survey-access.js";
import { routeApp } from "../openapi/route-app.js";
import { jsonResponse, problems, queryChoice, queryParam, researcher, surveyParams } from "../openapi/schemas.js";
import type { AnswerCheckers } from "../services/answer-checkers.js";
import { importResponses, type ImportOptions } from "../services/import/index.js";
import { phrase } from "../../i18n/phrase.js";
import type { HeavyJobs } from "../jobs/index.js";
import { heavyJob } from "../middleware/heavy-job.js";
import { localise, progressStream, statusOf, wantsProgress } from "./import-progress.js";

/** A province's worth of typed-in questionnaires is a few MiB; 50 MiB leaves room for wide sheets. */
export const IMPORT_BODY_LIMIT = 50 * 1024 * 1024;

/** The file's bytes: the raw body (text/csv, XLSX), or the first file of a multipart form. */
async function fileBytes(request: Request): Promise<Uint8Array> {
  const type = request.headers.get("content-type") ?? "";
  if (type.startsWith("multipart/form-data")) {
    const form = await request.formData().catch(() => {
      throw new AppError("bad_request", phrase("http.multipartUnreadable"));
    });
    const file = [...form.values()].find((v): v is File => typeof v !== "string");
    if (!file) throw new AppError("bad_request", phrase("http.formWithoutFile"));
    return new Uint8Array(await file.arrayBuffer());
  }
  return new Uint8Array(await request.arrayBuffer());
}

const importQuery = z.object({
  dryRun: queryParam(queryChoice(["true", "false"], "true: check every row, store nothing").optional()),
  ignore: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .openapi({ description: "Headers of columns to leave out, comma-separated or repeated" }),
});

const warning = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  cell: z.string().nullable(),
  value: z.union([z.string(), z.number(), z.boolean()]).nullable().openapi({ description: "For a likely duplicate: the id of the stored response with the same answers" }),
  question: z.string(),
  code: z.string().openapi({ example: "looks_like_duplicate" }),
  message: z.string(),
});

const imported = z
  .object({
    survey: z.string(),
    rows: z.number().int(),
    created: z.number().int(),
    repeated: z.number().int().openapi({ description: "Rows already stored: imported before, or unchanged since they were exported" }),
    emptyRows: z.number().int(),
    dryRun: z.boolean(),
    likelyDuplicates: z.number().int().openapi({ description: "Rows without an id whose answers equal a stored response's (added all the same)" }),
    warnings: z.array(warning).openapi({ description: "One per likely duplicate (the first 10,000)" }),
  })
  .openapi("ImportResult");

// The body is a file, read by the handler: declared for the reader, not validated as JSON.
const fileBody = {
  required: true,
  description: "The CSV or XLSX file, as the body or as the file of a multipart form",
  content: {
    "text/csv": { schema: { type: "string" as const } },
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: { type: "string" as const, format: "binary" } },
    "multipart/form-data": { schema: { type: "object" as const, properties: { file: { type: "string" as const, format: "binary" } } } },
  },
};

/**
 * POST /api/surveys/{name}/import (researcher): a CSV or XLSX file, one row per questionnaire.
 * All rows or none: 422 lists every bad cell (row, column, cell, value, message). 201 when rows
 * were added, 200 when every row was already there. `dryRun=true` checks without storing;
 * `ignore=col1,col2` leaves columns out. `Accept: application/x-ndjson` streams progress, one
 * line per batch, then the outcome (a large file takes minutes: the workspace shows how far it is).
 */
export function importRoutes(db: Db, checkers: AnswerCheckers, jobs: HeavyJobs) {
  const route = createRoute({
    method: "post",
    path: "/{name}/import",
    summary: "Import typed-in questionnaires from CSV or XLSX: all rows or none",
    tags: ["import"],
    security: researcher,
    middleware: [researcherAuth(db), surveyAccess(db, "edit"), heavyJob(jobs.gate), bodyLimit(IMPORT_BODY_LIMIT)] as const,
    request: { params: surveyParams, query: importQuery, body: fileBody },
    responses: {
      200: {
        description:
          "Every row was already stored, or a dry run. With `Accept: application/x-ndjson`, the import answers 200 at once with one JSON line per batch of rows " +
          '(`{"type":"progress","phase":"check"|"store","done","total"}`, `total` null when the file does not tell) and, last, the outcome: ' +
          '`{"type":"result","status":200|201,"result":{…}}` or `{"type":"problem","problem":{…problem+json body}}`.',
        content: { "application/json": { schema: imported }, "application/x-ndjson": { schema: { type: "string" as const } } },
      },
      201: jsonResponse(imported, "Rows were added"),
      ...problems(400, 401, 404, 413, 422, 429),
    },
  });
  return routeApp().openapi(route, async (c) => {
    const query = c.req.valid("query");
    const ignore = [query.ignore ?? []]
      .flat()
      .flatMap((v) => v.split(","))
      .map((v) => v.trim())
      .filter((v) => v !== "");
    const bytes = await fileBytes(c.req.raw);
    if (bytes.length === 0) throw new AppError("bad_request", phrase("http.bodyWithoutFile"));
    const lang = c.get("lang");
    const run = (onProgress?: ImportOptions["onProgress"]) =>
      importResponses(db, checkers, c.req.valid("param").name, bytes, {
        dryRun: query.dryRun === "true",
        ignore,
        onProgress,
        actor: actorOf(c.get("user")),
        check: (input) => jobs.pool.run("checkRows", input),
        pace: jobs.pacer.start(),
      }).then((result) => ({
        ...result,
        warnings: result.warnings.map((w) => localise(w, lang)),
      }));
    if (wantsProgress(c.req.header("accept"))) {
      // Typed as the declared JSON for the router (one response type covers both), as analysis does for files.
      return c.body(progressStream(run, lang, c.get("requestId")), 200, { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" }) as never;
    }
    const result = await run();
    return c.json(result, statusOf(result));
  });
}
