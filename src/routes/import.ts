import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { Db } from "../db/client.js";
import { AppError } from "../errors.js";
import { tooLarge } from "../lib/request-body.js";
import { researcherAuth } from "../middleware/researcher-auth.js";
import type { AnswerCheckers } from "../services/answer-checkers.js";
import { importResponses } from "../services/import/index.js";

/** A province's worth of typed-in questionnaires is a few MiB; 50 MiB leaves room for wide sheets. */
export const IMPORT_BODY_LIMIT = 50 * 1024 * 1024;

/** The file's bytes: the raw body (text/csv, XLSX), or the first file of a multipart form. */
async function fileBytes(request: Request): Promise<Uint8Array> {
  const type = request.headers.get("content-type") ?? "";
  if (type.startsWith("multipart/form-data")) {
    const form = await request.formData().catch(() => {
      throw new AppError("bad_request", "The multipart body cannot be read.");
    });
    const file = [...form.values()].find((v): v is File => typeof v !== "string");
    if (!file) throw new AppError("bad_request", "The form holds no file: send the CSV or XLSX file as a form field.");
    return new Uint8Array(await file.arrayBuffer());
  }
  return new Uint8Array(await request.arrayBuffer());
}

/**
 * POST /api/surveys/{name}/import (researcher): a CSV or XLSX file, one row per questionnaire.
 * All rows or none: 422 lists every bad cell (row, column, cell, value, message). 201 when rows
 * were added, 200 when every row was already there. `dryRun=true` checks without storing;
 * `ignore=col1,col2` leaves columns out.
 */
export function importRoutes(db: Db, checkers: AnswerCheckers) {
  return new Hono().post(
    "/:name/import",
    researcherAuth(db),
    bodyLimit({ maxSize: IMPORT_BODY_LIMIT, onError: tooLarge(IMPORT_BODY_LIMIT) }),
    async (c) => {
      const dryRun = c.req.query("dryRun");
      if (dryRun !== undefined && dryRun !== "true" && dryRun !== "false") {
        throw new AppError("bad_request", "dryRun must be true or false.", [{ question: "dryRun", message: `'${dryRun}' is not true or false` }]);
      }
      const ignore = (c.req.queries("ignore") ?? []).flatMap((v) => v.split(",")).map((v) => v.trim()).filter((v) => v !== "");
      const bytes = await fileBytes(c.req.raw);
      if (bytes.length === 0) throw new AppError("bad_request", "The request has no file: send the CSV or XLSX file as the body.");
      const result = await importResponses(db, checkers, c.req.param("name"), bytes, { dryRun: dryRun === "true", ignore });
      return c.json(result, result.created > 0 && !result.dryRun ? 201 : 200);
    },
  );
}
