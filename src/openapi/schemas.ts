import { z } from "@hono/zod-openapi";
import { fieldText } from "../lib/zod-language.js";

/**
 * The problem+json body of every error. `errors` entries carry more fields where a
 * call has more to say (an import names row, column, cell and value), hence loose.
 */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    requestId: z.string().optional(),
    errors: z.array(z.looseObject({ question: z.string(), message: z.string(), code: z.string().optional() })).optional(),
  })
  .openapi("Problem");

const reasons: Record<number, string> = {
  400: "The request is not JSON (or not UTF-8, a key twice, U+0000, a lone surrogate, nested too deep), or a query parameter is not valid",
  401: "No valid researcher token or session",
  403: "Not allowed for this caller, or a cross-site request carrying a session",
  404: "No such survey, version or resource",
  409: "Conflicts with what is stored (a response id with another body or a deleted one, a question type that answers hold)",
  413: "The body is larger than the call's limit",
  415: "The body is not labelled application/json (submissions take only JSON)",
  422: "The input does not fit: one entry per field or question",
  429: "Too many failed sign-ins for this login, or too many submissions from this address, or as many reports, imports and exports running as the server allows: wait as long as Retry-After says",
  500: "The server failed",
  503: "The database cannot be reached just now; nothing was stored: send the same request again after Retry-After seconds",
};

/**
 * Declared error responses of a call, all problem+json.
 *
 * @param statuses the 4xx statuses the call can answer (500 and 503 are added to every call)
 */
export function problems(...statuses: (keyof typeof reasons)[]) {
  // A call that takes a researcher's credentials can also refuse them: a cross-site request
  // carrying a session cookie, a caller whose account may not do this.
  const all = statuses.includes(401) && !statuses.includes(403) ? [...statuses, 403] : statuses;
  return Object.fromEntries([...all, 500, 503].map((s) => [s, { description: reasons[s], content: { "application/problem+json": { schema: problemSchema } } }]));
}

/** `{name}` of /api/surveys/{name}/…: the survey's name. */
export const surveyParams = z.object({
  name: z.string().openapi({ param: { name: "name", in: "path" }, description: "The survey's name", example: "dangjian-innovation-2023" }),
});

/** Researcher calls: a bearer token made with `npm run cli -- token create <label>`, or a session cookie. */
export const researcher: Record<string, string[]>[] = [{ bearer: [] }, { session: [] }];

/** An absent or empty query parameter takes its default, as the calls always did. */
export function queryParam<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (v === "" ? undefined : v), schema);
}

/** `?version=N`: a positive whole number. */
export const versionQuery = queryParam(
  z
    .string()
    .regex(/^[1-9][0-9]{0,8}$/, { error: fieldText("fields.notAVersion", (i) => ({ input: String(i.input) })) })
    .transform(Number)
    .optional()
    .openapi({ description: "A questionnaire version (default: the current one)", example: "1" }),
);

/** The largest value of a PostgreSQL integer column: versions, caps and counts are stored as such. */
export const MAX_INT4 = 2_147_483_647;

const notAVersion = fieldText("fields.notAVersion", (i) => ({ input: String(i.input) }));

/** A version number in a body: a positive whole number a version column can hold (not 2147483648, not 1e10). */
export const versionNumber = z.number({ error: notAVersion }).int({ error: notAVersion }).positive({ error: notAVersion }).max(MAX_INT4, { error: notAVersion });

/** A closed set of words for a query parameter, with a message that names the choices. */
export function queryChoice<const T extends readonly [string, ...string[]]>(values: T, description: string) {
  return z.enum(values, { error: fieldText("fields.notOneOf", (i) => ({ input: String(i.input), values: [...values] })) }).openapi({ description });
}

/** A JSON body declared for a call: required, so every call validates it. */
export function jsonBody<T extends z.ZodType>(schema: T, description: string) {
  return { required: true, description, content: { "application/json": { schema } } } as const;
}

/** A JSON response. */
export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { "application/json": { schema } } } as const;
}

/** A file response: its content types with a binary (or text) body. */
export function fileResponse(description: string, types: string[]) {
  return { description, content: Object.fromEntries(types.map((t) => [t, { schema: { type: "string" as const, format: "binary" } }])) };
}
