import { createRoute, z } from "@hono/zod-openapi";
import type { Db } from "../db/client.js";
import { researcherAuth } from "../middleware/researcher-auth.js";
import { surveyAccess } from "../middleware/survey-access.js";
import { readBodyAsJson } from "../openapi/json-label.js";
import { routeApp } from "../openapi/route-app.js";
import { jsonBody, jsonResponse, problems, researcher, surveyParams } from "../openapi/schemas.js";
import { loadCatalog } from "../services/analysis/analysis-question.js";
import { variableBody } from "../services/variables/definition.js";
import { variableSources } from "../services/variables/sources.js";
import { createVariable, deleteVariable, updateVariable } from "../services/variables/store.js";

const variableParams = surveyParams.extend({
  variable: z.string().openapi({ param: { name: "variable", in: "path" }, description: "The derived variable's name", example: "has_org" }),
});

/** A stored definition, as it was sent (checked). */
const variable = z
  .object({
    name: z.string(),
    label: z.union([z.string(), z.record(z.string(), z.string())]).optional(),
    from: z.string(),
    groups: z.record(z.string(), z.array(z.union([z.string(), z.number(), z.boolean()]))).optional(),
    bins: z.array(z.object({ label: z.string(), min: z.number().optional(), max: z.number().optional() })).optional(),
    option: z.union([z.string(), z.number(), z.boolean()]).optional(),
    equals: z.union([z.string(), z.number(), z.boolean()]).optional(),
  })
  .openapi("DerivedVariable");

const choice = z.union([z.string(), z.number(), z.boolean()]);
const source = z.object({
  name: z.string(),
  title: z.string(),
  kind: z.enum(["single", "multiple", "numeric"]),
  categories: z.array(z.object({ value: choice, label: z.string() })),
});

const body = jsonBody(variableBody, "name, label?, from and one of groups, bins (min inclusive, max exclusive), option, equals");

/**
 * /api/surveys/{name}/variables: derived variables (recodes of questions) stored with the
 * survey and usable by name wherever an analysis names a question. Editors, analysts and
 * owners define them; viewers read them; a non-member gets a 404.
 */
export function variableRoutes(db: Db) {
  const auth = researcherAuth(db);
  const common = { tags: ["variables"], security: researcher };
  const list = createRoute({
    ...common,
    method: "get",
    path: "/{name}/variables",
    summary: "The survey's derived variables, in the order they were defined",
    middleware: [auth, surveyAccess(db, "analyse")] as const,
    request: { params: surveyParams },
    responses: {
      200: jsonResponse(
        z.object({ variables: z.array(variable), sources: z.array(source) }),
        "Every derived variable, and the questions one can be made from (in the caller's language)",
      ),
      ...problems(400, 401, 404),
    },
  });
  const create = createRoute({
    ...common,
    method: "post",
    path: "/{name}/variables",
    summary: "Define a derived variable: groups of choices, bins of a number, a ticked option, a condition",
    middleware: [auth, surveyAccess(db, "variables"), readBodyAsJson] as const,
    request: { params: surveyParams, body },
    responses: { 201: jsonResponse(variable, "The stored definition"), ...problems(400, 401, 404, 422) },
  });
  const update = createRoute({
    ...common,
    method: "put",
    path: "/{name}/variables/{variable}",
    summary: "Redefine (or rename) a derived variable",
    middleware: [auth, surveyAccess(db, "variables"), readBodyAsJson] as const,
    request: { params: variableParams, body },
    responses: { 200: jsonResponse(variable, "The stored definition"), ...problems(400, 401, 404, 422) },
  });
  const remove = createRoute({
    ...common,
    method: "delete",
    path: "/{name}/variables/{variable}",
    summary: "Delete a derived variable",
    middleware: [auth, surveyAccess(db, "variables")] as const,
    request: { params: variableParams },
    responses: { 204: { description: "Deleted" }, ...problems(400, 401, 404) },
  });
  return routeApp()
    .openapi(list, async (c) => {
      const catalog = await loadCatalog(db, c.req.valid("param").name);
      return c.json({ variables: catalog.variables, sources: variableSources(catalog, c.get("lang")) }, 200);
    })
    .openapi(create, async (c) => c.json(await createVariable(db, c.req.valid("param").name, c.req.valid("json"), c.get("lang")), 201))
    .openapi(update, async (c) => {
      const { name, variable } = c.req.valid("param");
      return c.json(await updateVariable(db, name, variable, c.req.valid("json"), c.get("lang")), 200);
    })
    .openapi(remove, async (c) => {
      const { name, variable } = c.req.valid("param");
      await deleteVariable(db, name, variable);
      return c.body(null, 204);
    });
}
