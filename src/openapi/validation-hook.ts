import type { OpenAPIHonoOptions } from "@hono/zod-openapi";
import type { Env } from "hono";
import { zodProblem } from "../lib/zod-problem.js";
import { phrase } from "../../i18n/phrase.js";

/**
 * The default hook of every declared route: a body that does not fit is a 422 naming
 * each field; a query or path parameter that does not fit is a 400, as the contract has
 * always answered. (A body that is not JSON never gets here: the validator answers 400.)
 */
export const validationHook: NonNullable<OpenAPIHonoOptions<Env>["defaultHook"]> = (result) => {
  if (result.success) return;
  if (result.target === "json") {
    throw zodProblem(result.error, { code: "unprocessable", detail: phrase("http.bodyInvalid"), root: "(body)" });
  }
  const fields = [...new Set(result.error.issues.map((i) => i.path.map(String).join(".")))].join(", ");
  throw zodProblem(result.error, { code: "bad_request", detail: phrase("http.paramsInvalid", { target: result.target, fields }), root: `(${result.target})` });
};
