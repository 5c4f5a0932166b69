import { createRoute, z } from "@hono/zod-openapi";
import { phrase } from "../../i18n/phrase.js";
import { LANGUAGES } from "../../i18n/language.js";
import type { Db } from "../db/client.js";
import { AppError, fieldError } from "../errors.js";
import { fieldText } from "../lib/zod-language.js";
import { bodyLimit } from "../middleware/body-limit.js";
import { researcherAuth } from "../middleware/researcher-auth.js";
import { callerOf } from "../middleware/survey-access.js";
import { readBodyAsJson } from "../openapi/json-label.js";
import { routeApp } from "../openapi/route-app.js";
import { jsonBody, jsonResponse, problems, queryChoice, queryParam, researcher } from "../openapi/schemas.js";
import { insertQuestion } from "../questionnaire/insert-question.js";
import { searchQuestions } from "../questionnaire/question-bank.js";
import { questionBank } from "../services/question-bank.js";

const QUESTIONNAIRE_LIMIT = 5 * 1024 * 1024;

const jsonObject = (description: string) => z.record(z.string(), z.unknown()).openapi({ description });
const texts = z.object({ "zh-Hans": z.string(), "zh-Hant": z.string(), en: z.string() }).openapi({ description: "A text in each language" });

const searchQuery = z.object({
  q: queryParam(
    z
      .string()
      .max(200, { error: fieldText("fields.outOfRange", (i) => ({ input: String(i.input) })) })
      .optional(),
  ).openapi({
    description: "Text a question's name, title or another of its texts contains, in any language (Simplified also finds Traditional, and back); empty: every question",
    example: "管理体制",
  }),
  lang: queryParam(queryChoice(LANGUAGES, "Search only the titles in this language").optional()),
});

const found = z.object({
  source: z.object({
    kind: z.enum(["shipped", "survey"]).openapi({ description: "shipped: a questionnaire that comes with the platform; survey: a survey you can read" }),
    id: z.string().openapi({ description: "The shipped questionnaire's file name or the survey's name" }),
    title: texts,
  }),
  name: z.string(),
  type: z.string(),
  title: texts,
  element: jsonObject("The question's whole JSON: choices, logic, validators, translations"),
});

const insertBody = z.object({
  json: jsonObject("The draft questionnaire"),
  element: jsonObject("The question (or panel) to insert, e.g. a search result's element"),
  page: z.string().optional().openapi({ description: "The page to append to (default: the last page)" }),
  after: z.string().optional().openapi({ description: "The question or panel to insert after" }),
});

const inserted = z.object({
  json: jsonObject("The draft with the question inserted"),
  name: z.string().openapi({ description: "The inserted question's name: its own, or <name>_2, <name>_3 … when that was taken" }),
  renamed: z.array(z.object({ from: z.string(), to: z.string() })).openapi({ description: "Every name changed, with the logic that named it" }),
  dangling: z.array(z.string()).openapi({ description: "Names the inserted logic reads that the draft does not have: warn before publishing" }),
});

/** /api/question-bank (any signed-in researcher): search the bank, and insert a question into a draft (pure: nothing is stored). */
export function questionBankRoutes(db: Db) {
  const auth = researcherAuth(db);
  const search = createRoute({
    method: "get",
    path: "/",
    summary: "Questions of the shipped questionnaires and of the surveys you can read, by name or text in any language",
    tags: ["questionnaires"],
    security: researcher,
    middleware: [auth] as const,
    request: { query: searchQuery },
    responses: { 200: jsonResponse(z.object({ results: z.array(found) }), "The questions found (at most 50)"), ...problems(400, 401) },
  });
  const insert = createRoute({
    method: "post",
    path: "/insert",
    summary: "Insert a question into a draft questionnaire, renamed when its name is taken, its own logic following",
    tags: ["questionnaires"],
    security: researcher,
    middleware: [auth, bodyLimit(QUESTIONNAIRE_LIMIT), readBodyAsJson] as const,
    request: { body: jsonBody(insertBody, "The draft, the question and where it goes") },
    responses: { 200: jsonResponse(inserted, "The draft with the question inserted"), ...problems(400, 401, 413, 422) },
  });
  return routeApp()
    .openapi(search, async (c) => {
      const { q, lang } = c.req.valid("query");
      const bank = await questionBank(db, callerOf(c.get("user")));
      return c.json({ results: searchQuestions(bank, q ?? "", { language: lang }) }, 200);
    })
    .openapi(insert, async (c) => {
      const { json, element, page, after } = c.req.valid("json");
      const result = insertQuestion(json, element, { page, after });
      if (!result.ok) {
        const errors = result.problems.map((p) => fieldError(p.question, p.code, p.wording ?? { en: p.message }));
        throw new AppError("unprocessable", phrase("bank.insertFailed"), errors);
      }
      return c.json({ json: result.json, name: result.name, renamed: result.renamed, dangling: result.dangling }, 200);
    });
}
