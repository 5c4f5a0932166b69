import type { OpenAPIHono, RouteConfig } from "@hono/zod-openapi";
import { createMiddleware } from "hono/factory";
import type { z } from "zod";

type OpenAPIRegistry = OpenAPIHono["openAPIRegistry"];

interface DeclaredRoute {
  method: string;
  pattern: RegExp;
  route: RouteConfig;
}

const essence = (type: string | null) => (type ?? "").split(";")[0].trim().toLowerCase();
const isJson = (type: string) => /^application\/([a-z.-]+\+)?json$/.test(type);
const isZod = (schema: unknown): schema is z.ZodType => typeof (schema as z.ZodType | undefined)?.safeParse === "function";

function declaredRoutes(registry: OpenAPIRegistry): DeclaredRoute[] {
  return registry.definitions.flatMap((d) => {
    if (d.type !== "route") return [];
    const source = d.route.path
      .replace(/\/+$/, "")
      .replace(/[.*+?^$()|[\]\\]/g, "\\$&")
      .replace(/\{[^}]+\}/g, "[^/]+");
    return [{ method: d.route.method.toUpperCase(), pattern: new RegExp(`^${source}/?$`), route: d.route }];
  });
}

/** Issues as one line; a union's branches are spelled out, since "Invalid input" alone says nothing. */
function describeIssues(issues: z.core.$ZodIssue[], prefix: PropertyKey[] = []): string {
  return issues
    .map((i) => {
      const path = [...prefix, ...i.path];
      if (i.code === "invalid_union" && i.errors.length > 0) {
        return `${path.join(".") || "(body)"}: none of ${i.errors.length} alternatives fit [${i.errors.map((branch) => describeIssues(branch, path)).join(" | ")}]`;
      }
      return `${path.join(".") || "(body)"}: ${i.message}`;
    })
    .join("; ");
}

/** Thrown when a response breaks its declaration: a bug of ours, answered as a logged 500. */
export class ContractError extends Error {
  override readonly name = "ContractError";
}

/**
 * Holds every response of a declared route to its declaration: the status must be
 * declared, the content type must be one declared for that status, and a JSON body must
 * parse with the declared zod schema. A breach throws a {@link ContractError}, which the
 * error handler logs and answers as a 500, so the test that met it fails loudly. Meant for
 * tests (it reads each JSON body twice); routes that are not declared (pages) pass.
 *
 * @param registry the app's OpenAPI registry, read at the first request, when every route is mounted
 */
export function checkResponses(registry: OpenAPIRegistry) {
  let routes: DeclaredRoute[] | undefined;
  return createMiddleware(async (c, next) => {
    await next();
    routes ??= declaredRoutes(registry);
    const path = c.req.path;
    const found = routes.find((r) => r.method === c.req.method && r.pattern.test(path));
    if (!found) return;
    const where = `${c.req.method} ${found.route.path} answered ${c.res.status}`;
    const declared = found.route.responses[c.res.status];
    if (!declared) throw new ContractError(`${where}, a status it does not declare`);
    const type = essence(c.res.headers.get("content-type"));
    const content = "content" in declared ? declared.content : undefined;
    if (!content) {
      if (c.res.body !== null) throw new ContractError(`${where} with a body (${type}), but declares none`);
      return;
    }
    const media = Object.entries(content).find(([t]) => t.toLowerCase() === type)?.[1] as { schema?: unknown } | undefined;
    if (!media) throw new ContractError(`${where} with ${type || "no content type"}, not one of ${Object.keys(content).join(", ")}`);
    if (!isJson(type) || !isZod(media.schema)) return;
    const parsed = media.schema.safeParse(await c.res.clone().json());
    if (!parsed.success) {
      throw new ContractError(`${where} with a body that does not fit its schema: ${describeIssues(parsed.error.issues)}`);
    }
  });
}
