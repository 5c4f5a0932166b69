import { createRoute, z } from "@hono/zod-openapi";
import { say } from "../../i18n/phrase.js";
import type { Db } from "../db/client.js";
import { actorOf } from "../middleware/audit-actor.js";
import { bodyLimit } from "../middleware/body-limit.js";
import { researcherAuth } from "../middleware/researcher-auth.js";
import { callerOf, surveyAccess } from "../middleware/survey-access.js";
import { readBodyAsJson } from "../openapi/json-label.js";
import { routeApp } from "../openapi/route-app.js";
import { MAX_INT4, jsonBody, jsonResponse, problems, researcher, surveyParams } from "../openapi/schemas.js";
import { draftDiff } from "../services/drafts/draft-diff.js";
import { publishDraft } from "../services/drafts/publish-draft.js";
import { createSurvey } from "../services/drafts/new-survey.js";
import { readDraft } from "../services/drafts/read-draft.js";
import { saveDraft } from "../services/drafts/save-draft.js";
import { listShipped } from "../services/drafts/shipped.js";
import { TRADITIONAL_STANDARDS } from "../questionnaire/convert-chinese.js";
import { diffSchema } from "./draft-schemas.js";

/** As POST /api/surveys: a questionnaire of a few hundred questions is well under 1 MiB. */
const DRAFT_LIMIT = 5 * 1024 * 1024;

const questionnaire = z.record(z.string(), z.unknown()).openapi({ description: "The questionnaire: SurveyJS JSON (a draft may be half-made)" });
const revision = z.number().int().min(0).max(MAX_INT4).openapi({ description: "A draft revision: 0 is the published version, before any save" });
const converted = z
  .array(z.string().max(1000))
  .max(100_000)
  .openapi({ description: "Paths of texts OpenCC filled in automatically and no person has confirmed, e.g. pages[0].elements[1].title.zh-tw" });

const draft = z.object({
  name: z.string(),
  revision,
  json: questionnaire,
  converted: z.array(z.string()),
  basedOn: z.number().int().positive().nullable().openapi({ description: "The published version the draft started from; null for a new survey with nothing published yet" }),
  traditionalStandard: z
    .enum(TRADITIONAL_STANDARDS)
    .openapi({ description: "The survey's Traditional standard (PATCH /api/surveys/{name}): what the fill from Simplified follows" }),
});

const saveBody = z.object({
  json: questionnaire,
  revision: revision.openapi({ description: "The revision the editor loaded (0 when it loaded the published version)" }),
  converted: converted.optional().openapi({ description: "Absent: the stored list stays (none at a first save)" }),
});

const saved = z.object({
  revision: z.number().int().positive().openapi({ description: "The draft's new revision" }),
  problems: z
    .array(z.object({ question: z.string(), code: z.string(), message: z.string() }))
    .openapi({ description: "What publishing would refuse (the questionnaire checks), in the caller's language; a draft is saved anyway" }),
});

const published = z.object({ name: z.string(), version: z.number().int().positive(), diff: diffSchema });

const start = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("empty") }).openapi({ description: "One page, no questions" }),
    z.object({ kind: z.literal("shipped"), questionnaire: z.string().openapi({ description: "An id from GET /api/questionnaires/shipped", example: "dangjian-innovation-2023" }) }),
    z.object({ kind: z.literal("copy"), survey: z.string().openapi({ description: "The name of a survey you may read: its current version is copied" }) }),
  ])
  .openapi({ description: "Where the questionnaire starts" });

const newSurvey = z.object({
  name: z.string().openapi({ example: "dangjian-2024" }),
  from: start,
  title: z.string().min(1).max(500).optional().openapi({ description: "The questionnaire's title (default: the source's, or the name)" }),
});

/** POST /api/surveys/new: a survey in status draft whose draft holds its starting questionnaire. */
export function newSurveyRoutes(db: Db) {
  const create = createRoute({
    method: "post",
    path: "/new",
    summary: "Create a survey (status draft) from an empty questionnaire, a shipped one, or a copy of a survey you may read",
    description:
      "Any signed-in researcher may create a survey and becomes its owner. Nothing is published: the starting questionnaire is the draft, revision 1, and its first publication is version 1 (until then the survey has no respondent page, and cannot be opened). A copy takes the source's current version (its draft when it has published nothing) and its Traditional standard; a copy of a survey you may not read is 404.",
    tags: ["drafts"],
    security: researcher,
    middleware: [researcherAuth(db), readBodyAsJson] as const,
    request: { body: jsonBody(newSurvey, "The new survey's name, where it starts, and its title") },
    responses: {
      201: jsonResponse(z.object({ name: z.string(), revision: z.number().int().positive() }), "Created: its draft's revision"),
      ...problems(400, 401, 404, 409, 422),
    },
  });
  return routeApp().openapi(create, async (c) => {
    const user = c.get("user");
    return c.json(await createSurvey(db, callerOf(user), c.req.valid("json"), actorOf(user)), 201);
  });
}

/** GET /api/questionnaires/shipped: the questionnaires a new survey can start from. */
export function shippedRoutes(db: Db) {
  const list = createRoute({
    method: "get",
    path: "/shipped",
    summary: "The questionnaires shipped with the platform, to start a new survey from",
    tags: ["drafts"],
    security: researcher,
    middleware: [researcherAuth(db)] as const,
    responses: {
      200: jsonResponse(
        z.object({ questionnaires: z.array(z.object({ id: z.string(), title: z.unknown().openapi({ description: "A string, or texts by language" }) })) }),
        "Every shipped questionnaire",
      ),
      ...problems(401),
    },
  });
  return routeApp().openapi(list, async (c) => c.json({ questionnaires: await listShipped() }, 200));
}

/** /api/surveys/{name}/draft and /publish: the questionnaire an editor works on, and publishing it. */
export function draftRoutes(db: Db) {
  const auth = researcherAuth(db);
  const read = createRoute({
    method: "get",
    path: "/{name}/draft",
    summary: "The survey's draft questionnaire; without a saved draft, the current version as revision 0",
    tags: ["drafts"],
    security: researcher,
    middleware: [auth, surveyAccess(db, "read")] as const,
    request: { params: surveyParams },
    responses: { 200: jsonResponse(draft, "The draft"), ...problems(401, 404) },
  });
  const save = createRoute({
    method: "put",
    path: "/{name}/draft",
    summary: "Save the draft over the revision you loaded: a stale revision is a 409 and nothing is overwritten",
    description:
      "Saves any JSON object, even a half-made questionnaire, and answers the questionnaire checks as `problems` (they do not stop the save). Of two saves based on one revision exactly one succeeds; the other gets 409 naming the stored revision and who saved it.",
    tags: ["drafts"],
    security: researcher,
    middleware: [auth, surveyAccess(db, "edit"), bodyLimit(DRAFT_LIMIT), readBodyAsJson] as const,
    request: { params: surveyParams, body: jsonBody(saveBody, "The draft and the revision it is based on") },
    responses: { 200: jsonResponse(saved, "Saved: the new revision and the questionnaire's problems"), ...problems(400, 401, 404, 409, 413, 422) },
  });
  const diff = createRoute({
    method: "get",
    path: "/{name}/draft/diff",
    summary: "What publishing the draft would change against the current version",
    description: "Questions added and removed, titles changed per language, types changed, choices added and removed, logic changed, pages changed.",
    tags: ["drafts"],
    security: researcher,
    middleware: [auth, surveyAccess(db, "read")] as const,
    request: { params: surveyParams },
    responses: {
      200: jsonResponse(
        z.object({ basedOn: z.number().int().positive().nullable(), diff: diffSchema }),
        "The draft's base version (null: nothing published yet) and the diff against the current one (against nothing for a new survey)",
      ),
      ...problems(401, 404),
    },
  });
  const publish = createRoute({
    method: "post",
    path: "/{name}/publish",
    summary: "Publish the draft as the next version (with the diff against the previous one) and delete the draft",
    description:
      "Every rule of publication holds: questionnaire problems are a 422 naming the question, a type change of an answered question a 409 naming it; on any refusal the draft stays. A stale revision is a 409, no draft a 409. A draft equal to the current version publishes nothing and answers that version.",
    tags: ["drafts"],
    security: researcher,
    middleware: [auth, surveyAccess(db, "edit"), readBodyAsJson] as const,
    request: { params: surveyParams, body: jsonBody(z.object({ revision }), "The revision of the draft to publish (the one the editor shows)") },
    responses: { 201: jsonResponse(published, "Published: the version and what changed"), ...problems(400, 401, 404, 409, 422) },
  });
  return routeApp()
    .openapi(read, async (c) => c.json(await readDraft(db, c.get("access")), 200))
    .openapi(save, async (c) => {
      const body = c.req.valid("json");
      const result = await saveDraft(db, c.get("access"), body, actorOf(c.get("user")));
      const lang = c.get("lang");
      const worded = result.problems.map((p) => ({ question: p.question, code: p.code, message: p.wording ? say(lang, p.wording) : p.message }));
      return c.json({ revision: result.revision, problems: worded }, 200);
    })
    .openapi(diff, async (c) => c.json(await draftDiff(db, c.get("access")), 200))
    .openapi(publish, async (c) => {
      const result = await publishDraft(db, c.get("access"), c.req.valid("json").revision, actorOf(c.get("user")));
      return c.json({ name: result.name, version: result.version, diff: result.diff }, 201);
    });
}
