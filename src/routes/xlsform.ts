import { createRoute, z } from "@hono/zod-openapi";
import { phrase } from "../../i18n/phrase.js";
import type { Db } from "../db/client.js";
import { AppError } from "../errors.js";
import { attachmentHeader } from "../lib/attachment-header.js";
import { bodyLimit } from "../middleware/body-limit.js";
import { researcherAuth } from "../middleware/researcher-auth.js";
import { surveyAccess } from "../middleware/survey-access.js";
import { routeApp } from "../openapi/route-app.js";
import { fileResponse, jsonResponse, problems, researcher, surveyParams, versionQuery } from "../openapi/schemas.js";
import { draftXlsx, questionnaireFromXlsx, questionnaireXlsx, templateXlsx } from "../services/xlsform/index.js";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A questionnaire workbook is a few hundred KiB at most; 5 MiB leaves room for pasted pictures. */
export const XLSFORM_BODY_LIMIT = 5 * 1024 * 1024;

const questionnaire = z.looseObject({}).openapi("SurveyJsQuestionnaire", { description: "SurveyJS JSON, ready to publish" });

/**
 * /api/questionnaires: XLSForm workbook → SurveyJS JSON (any signed-in researcher), and the
 * blank template workbook with the reference study's first page as its example.
 */
export function questionnaireRoutes(db: Db) {
  const fromXlsx = createRoute({
    method: "post",
    path: "/from-xlsx",
    summary: "Read an XLSForm workbook (sheets survey, choices, settings) into SurveyJS JSON: every problem or none",
    tags: ["questionnaires"],
    security: researcher,
    middleware: [researcherAuth(db), bodyLimit(XLSFORM_BODY_LIMIT)] as const,
    request: { body: { required: true, description: "The XLSX workbook as the body", content: { [XLSX]: { schema: { type: "string" as const, format: "binary" } } } } },
    responses: { 200: jsonResponse(questionnaire, "The questionnaire"), ...problems(400, 401, 413, 422) },
  });
  const template = createRoute({
    method: "get",
    path: "/template.xlsx",
    summary: "The blank XLSForm template, with the reference study's first page as its example",
    tags: ["questionnaires"],
    security: researcher,
    middleware: [researcherAuth(db)] as const,
    responses: { 200: fileResponse("The template workbook (an attachment)", [XLSX]), ...problems(401) },
  });
  return routeApp()
    .openapi(fromXlsx, async (c) => {
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      if (bytes.length === 0) throw new AppError("bad_request", phrase("http.bodyWithoutFile"));
      return c.json(await questionnaireFromXlsx(bytes), 200);
    })
    .openapi(template, async (c) =>
      c.body(await templateXlsx(), 200, {
        "content-type": XLSX,
        "content-disposition": attachmentHeader("questionnaire-template.xlsx", "问卷模板.xlsx"),
        "x-content-type-options": "nosniff",
      }),
    );
}

/** GET /api/surveys/{name}/questionnaire.xlsx and …/draft/questionnaire.xlsx (members who may read the survey): a version, or the draft, as an XLSForm workbook. */
export function questionnaireXlsxRoutes(db: Db) {
  const download = createRoute({
    method: "get",
    path: "/{name}/questionnaire.xlsx",
    summary: "A version of the questionnaire (the current one by default) as an XLSForm workbook, with a notes sheet of what it cannot say",
    tags: ["questionnaires"],
    security: researcher,
    middleware: [researcherAuth(db), surveyAccess(db, "read")] as const,
    request: { params: surveyParams, query: z.object({ version: versionQuery }) },
    responses: { 200: fileResponse("The workbook (an attachment)", [XLSX]), ...problems(400, 401, 404) },
  });
  const draft = createRoute({
    method: "get",
    path: "/{name}/draft/questionnaire.xlsx",
    summary: "The survey's draft (as last saved; the current version while none is saved) as an XLSForm workbook, with a notes sheet of what it cannot say",
    tags: ["questionnaires"],
    security: researcher,
    middleware: [researcherAuth(db), surveyAccess(db, "read")] as const,
    request: { params: surveyParams },
    responses: { 200: fileResponse("The workbook (an attachment), named with the draft's revision", [XLSX]), ...problems(401, 404) },
  });
  const headers = (file: string) => ({ "content-type": XLSX, "content-disposition": attachmentHeader(file, file), "x-content-type-options": "nosniff" });
  return routeApp()
    .openapi(download, async (c) => {
      const { name } = c.req.valid("param");
      const { bytes, version } = await questionnaireXlsx(db, name, c.req.valid("query").version);
      return c.body(bytes, 200, headers(`${name}.v${version}.xlsx`));
    })
    .openapi(draft, async (c) => {
      const { bytes, revision } = await draftXlsx(db, c.get("access"));
      return c.body(bytes, 200, headers(`${c.get("access").name}.draft-r${revision}.xlsx`));
    });
}
