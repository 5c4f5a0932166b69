import type { OpenAPIHono } from "@hono/zod-openapi";
import { SESSION_COOKIE } from "../middleware/session-cookie.js";

/** What the document says about the API as a whole. */
const DOCUMENT = {
  openapi: "3.1.0",
  info: {
    title: "党建调查平台 Survey platform",
    version: "1",
    description: "Surveys, responses, analysis, export, import and reports. Errors are application/problem+json.",
  },
  tags: [
    { name: "surveys", description: "Questionnaires and their versions" },
    { name: "drafts", description: "Editing a questionnaire: drafts with a revision, the diff, publishing, new surveys" },
    { name: "responses", description: "Submitting and reading responses" },
    { name: "analysis", description: "Frequencies, cross-tabs, ratios and numeric summaries" },
    { name: "text", description: "Open answers: the segmentation dictionary and keyword tables" },
    { name: "export", description: "Raw responses as files" },
    { name: "import", description: "Typed-in questionnaires from CSV or XLSX" },
    { name: "report", description: "Report bundles" },
    { name: "accounts", description: "Sign-in sessions and accounts" },
    { name: "health", description: "Liveness" },
    { name: "docs", description: "This document" },
  ],
};

/**
 * The OpenAPI 3.1 document of an app whose routes are declared, built once on first
 * use (the routes do not change while the process runs).
 *
 * @param app the whole app, every sub-app mounted
 * @returns a function answering the document
 */
export function openApiDocument(app: OpenAPIHono) {
  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description: "A researcher token: npm run cli -- token create <label> [--user <login>]",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "session", {
    type: "apiKey",
    in: "cookie",
    name: SESSION_COOKIE,
    description: "The session cookie POST /api/session sets; researcher calls accept it instead of a token",
  });
  let document: ReturnType<OpenAPIHono["getOpenAPI31Document"]> | undefined;
  return () => (document ??= app.getOpenAPI31Document(DOCUMENT));
}
