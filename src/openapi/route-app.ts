import { OpenAPIHono } from "@hono/zod-openapi";
import { validationHook } from "./validation-hook.js";

/** A sub-app whose routes are declared with zod: validated once at the boundary, failures through the one hook. */
export function routeApp() {
  return new OpenAPIHono({ defaultHook: validationHook });
}
