import { createRoute, z } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import type { Db } from "../db/client.js";
import { AppError } from "../errors.js";
import { tooLarge } from "../lib/request-body.js";
import { researcherAuth } from "../middleware/researcher-auth.js";
import { surveyAccess } from "../middleware/survey-access.js";
import { routeApp } from "../openapi/route-app.js";
import { jsonResponse, problems, queryChoice, queryParam, researcher, surveyParams } from "../openapi/schemas.js";
import type { AnswerCheckers } from "../services/answer-checkers.js";
import { importResponses } from "../services/import/index.js";
import { phrase } from "../../i18n/phrase.js";

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

const imported = z.object({
  survey: z.string(),
  rows: z.number().int(),
  created: z.number().int(),
  repeated: z.number().int(),
  emptyRows: z.number().int(),
  dryRun: z.boolean(),
});

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
 * `ignore=col1,col2` leaves columns out.
 */
export function importRoutes(db: Db, checkers: AnswerCheckers) {
  const route = createRoute({
    method: "post",
    path: "/{name}/import",
    summary: "Import typed-in questionnaires from CSV or XLSX: all rows or none",
    tags: ["import"],
    security: researcher,
    middleware: [researcherAuth(db), surveyAccess(db, "edit"), bodyLimit({ maxSize: IMPORT_BODY_LIMIT, onError: tooLarge(IMPORT_BODY_LIMIT) })] as const,
    request: { params: surveyParams, query: importQuery, body: fileBody },
    responses: {
      200: jsonResponse(imported, "Every row was already stored, or a dry run"),
      201: jsonResponse(imported, "Rows were added"),
      ...problems(400, 401, 404, 413, 422),
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
    const result = await importResponses(db, checkers, c.req.valid("param").name, bytes, { dryRun: query.dryRun === "true", ignore });
    return c.json(result, result.created > 0 && !result.dryRun ? 201 : 200);
  });
}
