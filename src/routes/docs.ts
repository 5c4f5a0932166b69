import { createRoute, z } from "@hono/zod-openapi";
import { routeApp } from "../openapi/route-app.js";
import { jsonResponse, problems } from "../openapi/schemas.js";
import { API_DOCS_STYLE_HASH, renderApiDocsPage, type ApiDocument } from "../web/api-docs-page.js";

/** The reference page has one hashed style and nothing else: no script, no other origin. */
const DOCS_POLICY = ["default-src 'none'", `style-src ${API_DOCS_STYLE_HASH}`, "img-src data:", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'self'"].join("; ");

const documentSchema = z.looseObject({ openapi: z.string(), info: z.looseObject({ title: z.string() }), paths: z.record(z.string(), z.unknown()) });

/**
 * GET /api/openapi.json: the OpenAPI 3.1 document of every declared route;
 * GET /api/docs: the same as a readable page.
 *
 * @param document answers the whole app's document (see openApiDocument)
 */
export function docsRoutes(document: () => unknown) {
  const json = createRoute({
    method: "get",
    path: "/api/openapi.json",
    summary: "This API as an OpenAPI 3.1 document",
    tags: ["docs"],
    responses: { 200: jsonResponse(documentSchema, "The document"), ...problems() },
  });
  const page = createRoute({
    method: "get",
    path: "/api/docs",
    summary: "This API as a readable reference page",
    tags: ["docs"],
    responses: { 200: { description: "The page", content: { "text/html": { schema: { type: "string" as const } } } }, ...problems() },
  });
  return routeApp()
    .openapi(json, (c) => c.json(document() as z.infer<typeof documentSchema>, 200))
    .openapi(page, (c) =>
      c.body(renderApiDocsPage(document() as ApiDocument), 200, {
        "content-type": "text/html; charset=utf-8",
        "content-security-policy": DOCS_POLICY,
        "x-content-type-options": "nosniff",
        "referrer-policy": "no-referrer",
      }),
    );
}
