import { createRoute, z } from "@hono/zod-openapi";
import type { Db } from "../db/client.js";
import { AppError } from "../errors.js";
import { attachmentHeader } from "../lib/attachment-header.js";
import { actorOf } from "../middleware/audit-actor.js";
import { researcherAuth } from "../middleware/researcher-auth.js";
import { surveyAccess } from "../middleware/survey-access.js";
import { heavyJob } from "../middleware/heavy-job.js";
import type { HeavyJobs } from "../jobs/index.js";
import { routeApp } from "../openapi/route-app.js";
import { fileResponse, problems, queryChoice, queryParam, researcher, surveyParams, versionQuery } from "../openapi/schemas.js";
import { codebookCsv, codebookJson } from "../services/export/codebook.js";
import { CONTENT_TYPES, EXPORT_FORMATS, prepareExport, type ExportFormat } from "../services/export/index.js";
import { LABEL_MODES, type LabelMode } from "../services/dataset/labels.js";
import { parseDateBound, type ExportFilter } from "../services/export/source.js";
import { toWebStream } from "../lib/web-stream.js";

/** `from`/`to` checked by the schema: instants as Dates, days kept for the survey's zone. */
function dateBound(field: "from" | "to", description: string) {
  return z
    .string()
    .optional()
    .transform((raw, ctx) => {
      try {
        return parseDateBound(raw, field);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        ctx.addIssue({ code: "custom", message: error.errors?.[0]?.message ?? error.detail });
        return z.NEVER;
      }
    })
    .openapi({ description, example: "2024-03-01" });
}

const filterQuery = {
  labels: queryParam(queryChoice(LABEL_MODES as [LabelMode, ...LabelMode[]], "Label language of choices and headers, or the raw values").default("zh-Hans")),
  version: versionQuery,
  complete: queryParam(queryChoice(["true", "false", "all"], "Complete, partial or all responses").default("all")),
  from: dateBound("from", "Responses from this day (YYYY-MM-DD, in the survey's time zone) or ISO 8601 instant"),
  to: dateBound("to", "Responses up to this day (inclusive) or ISO 8601 instant"),
};

const exportQuery = z.object({
  format: queryParam(queryChoice(EXPORT_FORMATS as [ExportFormat, ...ExportFormat[]], "File format").default("csv")),
  bundle: queryParam(queryChoice(["zip", "none"], "zip: the data with codebook.csv and codebook.json in one zip").default("none")),
  ...filterQuery,
});

const codebookQuery = z.object({
  format: queryParam(queryChoice(["csv", "json"], "Codebook format").default("json")),
  ...filterQuery,
});

function filterOf(query: z.infer<typeof exportQuery> | z.infer<typeof codebookQuery>): ExportFilter {
  return {
    version: query.version,
    complete: query.complete === "all" ? undefined : query.complete === "true",
    from: query.from,
    to: query.to,
  };
}

const essence = (type: string) => type.split(";")[0];

/**
 * /api/surveys/{name}/export (researcher): the raw responses, streamed.
 * `format=csv|xlsx|jsonl|sav`, `labels=zh-Hans|zh-Hant|en|values`, `version`, `complete=true|false|all`,
 * `from`/`to` (YYYY-MM-DD in the survey's time zone, or ISO 8601), `bundle=zip` (data + codebook.csv + codebook.json).
 * /export/codebook: the codebook alone, `format=csv|json`.
 */
export function exportRoutes(db: Db, jobs: HeavyJobs) {
  const auth = researcherAuth(db);
  const codebook = createRoute({
    method: "get",
    path: "/{name}/export/codebook",
    summary: "The codebook of an export: variables, labels and codes",
    tags: ["export"],
    security: researcher,
    middleware: [auth, surveyAccess(db, "export")] as const,
    request: { params: surveyParams, query: codebookQuery },
    responses: {
      200: {
        description: "The codebook (an attachment)",
        content: {
          "application/json": { schema: z.looseObject({ variables: z.array(z.looseObject({ variable: z.string(), label: z.string() })) }) },
          "text/csv": { schema: { type: "string" as const } },
        },
      },
      ...problems(400, 401, 404),
    },
  });
  const data = createRoute({
    method: "get",
    path: "/{name}/export",
    summary: "The raw responses as a file, streamed",
    tags: ["export"],
    security: researcher,
    middleware: [auth, surveyAccess(db, "export"), heavyJob(jobs.gate)] as const,
    request: { params: surveyParams, query: exportQuery },
    responses: {
      200: fileResponse("The responses (an attachment)", [...new Set(Object.values(CONTENT_TYPES).map(essence))]),
      ...problems(400, 401, 404, 429),
    },
  });
  return routeApp()
    .openapi(codebook, async (c) => {
      const query = c.req.valid("query");
      const name = c.req.valid("param").name;
      const prepared = await prepareExport(db, name, { format: "csv", labels: query.labels, filter: { ...filterOf(query), unit: c.get("access").unit } });
      const body = query.format === "csv" ? codebookCsv(prepared.codebook) : codebookJson(prepared.codebook);
      return c.body(new Uint8Array(body), 200, {
        "content-type": query.format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
        "content-disposition": attachmentHeader(`${name}.codebook.${query.format}`, `${prepared.fileName.title.replace(/\.[a-z]+$/, "")}.codebook.${query.format}`),
      });
    })
    .openapi(data, async (c) => {
      const query = c.req.valid("query");
      const bundle = query.bundle === "zip";
      const prepared = await prepareExport(db, c.req.valid("param").name, {
        format: query.format,
        labels: query.labels,
        bundle,
        filter: { ...filterOf(query), unit: c.get("access").unit },
        actor: actorOf(c.get("user")),
      });
      return c.body(toWebStream(prepared.body), 200, {
        "content-type": prepared.contentType,
        "content-disposition": attachmentHeader(prepared.fileName.ascii, prepared.fileName.title),
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      });
    });
}
