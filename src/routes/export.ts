import { Hono } from "hono";
import type { Db } from "../db/client.js";
import { AppError } from "../errors.js";
import { researcherAuth } from "../middleware/researcher-auth.js";
import { codebookCsv, codebookJson } from "../services/export/codebook.js";
import { EXPORT_FORMATS, prepareExport, type ExportFormat } from "../services/export/index.js";
import { LABEL_MODES, type LabelMode } from "../services/export/labels.js";
import { parseDateBound, type ExportFilter } from "../services/export/source.js";
import { parseVersion } from "./surveys.js";
import { attachmentHeader } from "../lib/attachment-header.js";
import { toWebStream } from "../lib/web-stream.js";

function choice<T extends string>(raw: string | undefined, allowed: readonly T[], field: string, fallback: T): T {
  if (raw === undefined || raw === "") return fallback;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  throw new AppError("bad_request", `${field} must be one of ${allowed.join(", ")}.`, [{ question: field, message: `'${raw}' is not one of ${allowed.join(", ")}` }]);
}

function filterOf(query: (key: string) => string | undefined): ExportFilter {
  const complete = choice(query("complete"), ["true", "false", "all"] as const, "complete", "all");
  return {
    version: parseVersion(query("version")),
    complete: complete === "all" ? undefined : complete === "true",
    from: parseDateBound(query("from"), "from"),
    to: parseDateBound(query("to"), "to"),
  };
}

/**
 * /api/surveys/{name}/export (researcher): the raw responses, streamed.
 * `format=csv|xlsx|jsonl|sav`, `labels=zh-Hans|zh-Hant|en|values`, `version`, `complete=true|false|all`,
 * `from`/`to` (YYYY-MM-DD in Beijing time, or ISO 8601), `bundle=zip` (data + codebook.csv + codebook.json).
 * /export/codebook: the codebook alone, `format=csv|json`.
 */
export function exportRoutes(db: Db) {
  const auth = researcherAuth(db);
  return new Hono()
    .get("/:name/export/codebook", auth, async (c) => {
      const format = choice(c.req.query("format"), ["csv", "json"] as const, "format", "json");
      const labels = choice<LabelMode>(c.req.query("labels"), LABEL_MODES, "labels", "zh-Hans");
      const prepared = await prepareExport(db, c.req.param("name"), { format: "csv", labels, filter: filterOf((k) => c.req.query(k)) });
      const body = format === "csv" ? codebookCsv(prepared.codebook) : codebookJson(prepared.codebook);
      const name = c.req.param("name");
      return c.body(new Uint8Array(body), 200, {
        "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
        "content-disposition": attachmentHeader(`${name}.codebook.${format}`, `${prepared.fileName.title.replace(/\.[a-z]+$/, "")}.codebook.${format}`),
      });
    })
    .get("/:name/export", auth, async (c) => {
      const format = choice<ExportFormat>(c.req.query("format"), EXPORT_FORMATS, "format", "csv");
      const labels = choice<LabelMode>(c.req.query("labels"), LABEL_MODES, "labels", "zh-Hans");
      const bundle = choice(c.req.query("bundle"), ["zip", "none"] as const, "bundle", "none") === "zip";
      const prepared = await prepareExport(db, c.req.param("name"), { format, labels, bundle, filter: filterOf((k) => c.req.query(k)) });
      return c.body(toWebStream(prepared.body), 200, {
        "content-type": prepared.contentType,
        "content-disposition": attachmentHeader(prepared.fileName.ascii, prepared.fileName.title),
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      });
    });
}
