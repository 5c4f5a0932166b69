/**
 * Drafts of a questionnaire (issue 13): loading, saving with a revision (409 on a stale one,
 * exactly one winner of two simultaneous saves), the diff, and publishing the draft through every
 * rule of publication. Roles: a viewer reads, an editor saves and publishes, a stranger sees 404.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { auditEvents, surveyDrafts, surveys } from "../../src/db/schema/index.js";
import { createUser } from "../../src/services/accounts/users.js";
import type { Role } from "../../src/services/access/permissions.js";
import { createToken } from "../../src/services/tokens.js";
import small from "../fixtures/small-survey.json" with { type: "json" };
import { testApp } from "../helpers/app.js";
import { openTestDatabase } from "../helpers/database.js";

let database: Database;
let app: ReturnType<typeof testApp>;
const h: Record<string, Record<string, string>> = {};

type Json = typeof small & Record<string, unknown>;
const withQuestion = (extra: Record<string, unknown>): Json => {
  const json = structuredClone(small) as Json;
  (json.pages[0].elements as unknown[]).push(extra);
  return json;
};
const phone = { type: "text", name: "phone", title: { default: "联系电话", en: "Phone" } };

async function tokenFor(login: string, role?: { survey: string; role: Role }) {
  const user = await createUser(database.db, { login, name: `名字 ${login}`, password: "correct horse battery" });
  const { token } = await createToken(database.db, login, user.id);
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  if (role) {
    const res = await app.request(`/api/surveys/${role.survey}/members/${login}`, { method: "PUT", headers: h.owner, body: JSON.stringify({ role: role.role }) });
    expect(res.status).toBe(200);
  }
  return headers;
}

const call = (method: string, path: string, who: Record<string, string>, body?: unknown) =>
  app.request(path, { method, headers: who, body: body === undefined ? undefined : JSON.stringify(body) });

beforeAll(async () => {
  database = await openTestDatabase();
  app = testApp(database);
  h.owner = await tokenFor("owner");
  for (const name of ["small", "racing", "answered", "hostile"]) {
    expect((await call("POST", "/api/surveys", h.owner, { name, json: small })).status).toBe(201);
  }
  h.editor = await tokenFor("editor", { survey: "small", role: "editor" });
  h.viewer = await tokenFor("viewer", { survey: "small", role: "viewer" });
  h.stranger = await tokenFor("stranger");
});

afterAll(async () => {
  await database?.close();
});

describe("GET /api/surveys/{name}/draft", () => {
  it("answers the current version as revision 0 when nothing is saved, to a viewer too", async () => {
    const res = await call("GET", "/api/surveys/small/draft", h.viewer);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ name: "small", revision: 0, json: small, converted: [], basedOn: 1, traditionalStandard: "tw" });
  });

  it("is 404 for someone who is no member and 401 without credentials", async () => {
    expect((await call("GET", "/api/surveys/small/draft", h.stranger)).status).toBe(404);
    expect((await call("GET", "/api/surveys/small/draft/diff", h.stranger)).status).toBe(404);
    expect((await app.request("/api/surveys/small/draft")).status).toBe(401);
  });
});

describe("PUT /api/surveys/{name}/draft", () => {
  it("saves a first draft as revision 1 and a next one as 2, keeping converted paths", async () => {
    const first = await call("PUT", "/api/surveys/small/draft", h.editor, { json: withQuestion(phone), revision: 0, converted: ["pages[0].elements[4].title.zh-tw"] });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ revision: 1, problems: [] });
    const draft = (await (await call("GET", "/api/surveys/small/draft", h.viewer)).json()) as Record<string, unknown>;
    expect(draft).toMatchObject({ revision: 1, basedOn: 1, converted: ["pages[0].elements[4].title.zh-tw"] });
    expect((draft.json as Json).pages[0].elements).toHaveLength(5);
  });

  it("refuses a stale revision with 409 naming the stored revision and who saved it, overwriting nothing", async () => {
    const res = await call("PUT", "/api/surveys/small/draft", { ...h.owner, "accept-language": "en" }, { json: small, revision: 0 });
    expect(res.status).toBe(409);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const body = (await res.json()) as { detail: string; errors: { question: string; code: string }[] };
    expect(body.detail).toContain("revision 1");
    expect(body.detail).toContain("名字 editor (editor)");
    expect(body.errors).toEqual([expect.objectContaining({ question: "revision", code: "stale_revision" })]);
    const draft = (await (await call("GET", "/api/surveys/small/draft", h.viewer)).json()) as { revision: number; json: Json };
    expect(draft.revision).toBe(1);
    expect(draft.json.pages[0].elements).toHaveLength(5);
  });

  it("saves a half-made questionnaire and answers its problems in the caller's language", async () => {
    const broken = withQuestion({ type: "no-such-type", name: "x" });
    const zh = await call("PUT", "/api/surveys/small/draft", { ...h.editor, "accept-language": "zh-CN" }, { json: broken, revision: 1 });
    expect(zh.status).toBe(200);
    const saved = (await zh.json()) as { revision: number; problems: { question: string; code: string; message: string }[] };
    expect(saved.revision).toBe(2);
    expect(saved.problems).toEqual([expect.objectContaining({ question: "pages[0].elements[4] (x)", code: "unknown_type" })]);
    expect(saved.problems[0].message).toMatch(/[\u4e00-\u9fff]/);
    const en = (await (await call("PUT", "/api/surveys/small/draft", { ...h.editor, "accept-language": "en" }, { json: broken, revision: 2 })).json()) as typeof saved;
    expect(en.problems[0].message).toMatch(/^Unknown question type/);
  });

  it("refuses a body that is not a questionnaire object, or too large, with a 4xx and stores nothing", async () => {
    for (const body of [{ json: [], revision: 3 }, { json: "x", revision: 3 }, { json: small, revision: -1 }, { json: small }]) {
      const res = await call("PUT", "/api/surveys/small/draft", h.editor, body);
      expect([400, 422]).toContain(res.status);
    }
    const huge = { json: { title: "x".repeat(6 * 1024 * 1024), pages: [] }, revision: 3 };
    expect((await call("PUT", "/api/surveys/small/draft", h.editor, huge)).status).toBe(413);
    expect(((await (await call("GET", "/api/surveys/small/draft", h.viewer)).json()) as { revision: number }).revision).toBe(3);
  });

  it("saves and diffs a draft whose names are properties of every object, answering the problem", async () => {
    const hostile = withQuestion({ type: "radiogroup", name: "__proto__", choices: ["toString", "constructor"] });
    const res = await call("PUT", "/api/surveys/hostile/draft", h.owner, { json: hostile, revision: 0 });
    expect(res.status).toBe(200);
    const saved = (await res.json()) as { revision: number; problems: { code: string }[] };
    expect(saved.problems).toEqual([expect.objectContaining({ code: "bad_name" })]);
    const diff = (await (await call("GET", "/api/surveys/hostile/draft/diff", h.owner)).json()) as { diff: { added: { name: string }[] } };
    expect(diff.diff.added).toEqual([{ name: "__proto__", type: "radiogroup", title: "__proto__" }]);
    const draft = (await (await call("GET", "/api/surveys/hostile/draft", h.owner)).json()) as { json: Json };
    expect(draft.json).toEqual(hostile);
  });

  it("is 403 for a viewer and 404 for a stranger", async () => {
    expect((await call("PUT", "/api/surveys/small/draft", h.viewer, { json: small, revision: 3 })).status).toBe(403);
    expect((await call("PUT", "/api/surveys/small/draft", h.stranger, { json: small, revision: 3 })).status).toBe(404);
    expect((await call("POST", "/api/surveys/small/publish", h.viewer, { revision: 3 })).status).toBe(403);
    expect((await call("POST", "/api/surveys/small/publish", h.stranger, { revision: 3 })).status).toBe(404);
  });

  it("gives exactly one 200 and one 409 to two saves of the same revision at once, first save and later ones", async () => {
    const race = async (revision: number) => {
      const [a, b] = await Promise.all([
        call("PUT", "/api/surveys/racing/draft", h.owner, { json: withQuestion({ type: "comment", name: "a" }), revision }),
        call("PUT", "/api/surveys/racing/draft", h.owner, { json: withQuestion({ type: "comment", name: "b" }), revision }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const winner = a.status === 200 ? "a" : "b";
      const draft = (await (await call("GET", "/api/surveys/racing/draft", h.owner)).json()) as { revision: number; json: Json };
      expect(draft.revision).toBe(revision + 1);
      expect((draft.json.pages[0].elements.at(-1) as { name: string }).name).toBe(winner);
    };
    await race(0);
    await race(1);
    await race(2);
  });
});

describe("the diff and publishing", () => {
  it("shows the diff of the draft against the current version", async () => {
    const json = withQuestion(phone);
    json.pages[0].elements[0] = { ...json.pages[0].elements[0], visibleIf: "{suggestions} notempty" } as (typeof json.pages)[0]["elements"][0];
    expect((await call("PUT", "/api/surveys/small/draft", h.editor, { json, revision: 3 })).status).toBe(200);
    const res = await call("GET", "/api/surveys/small/draft/diff", h.viewer);
    expect(res.status).toBe(200);
    const { basedOn, diff } = (await res.json()) as { basedOn: number; diff: Record<string, unknown[]> };
    expect(basedOn).toBe(1);
    expect(diff.added).toEqual([{ name: "phone", type: "text", title: "联系电话" }]);
    expect(diff.logicChanged).toEqual([{ name: "level", property: "visibleIf", before: null, after: "{suggestions} notempty" }]);
  });

  it("refuses a stale revision and a questionnaire with problems, keeping the draft", async () => {
    expect((await call("POST", "/api/surveys/small/publish", h.editor, { revision: 3 })).status).toBe(409);
    expect((await call("PUT", "/api/surveys/small/draft", h.editor, { json: withQuestion({ type: "text", name: "level" }), revision: 4 })).status).toBe(200);
    const res = await call("POST", "/api/surveys/small/publish", h.editor, { revision: 5 });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { errors: { question: string; code: string }[] };
    expect(body.errors).toEqual([expect.objectContaining({ question: "pages[0].elements[4] (level)", code: "duplicate_name" })]);
    expect(((await (await call("GET", "/api/surveys/small/draft", h.viewer)).json()) as { revision: number }).revision).toBe(5);
  });

  it("publishes the draft as version 2 with its diff, deletes the draft, and the version takes answers", async () => {
    expect((await call("PUT", "/api/surveys/small/draft", h.editor, { json: withQuestion(phone), revision: 5 })).status).toBe(200);
    const res = await call("POST", "/api/surveys/small/publish", h.editor, { revision: 6 });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { name: string; version: number; diff: { added: unknown[] } };
    expect(body).toMatchObject({ name: "small", version: 2 });
    expect(body.diff.added).toEqual([{ name: "phone", type: "text", title: "联系电话" }]);
    const left = await database.db
      .select({ id: surveyDrafts.surveyId })
      .from(surveyDrafts)
      .innerJoin(surveys, eq(surveys.id, surveyDrafts.surveyId))
      .where(eq(surveys.name, "small"));
    expect(left).toEqual([]);
    const draft = (await (await call("GET", "/api/surveys/small/draft", h.viewer)).json()) as { revision: number; basedOn: number };
    expect(draft).toMatchObject({ revision: 0, basedOn: 2 });
    const version = (await (await app.request("/api/surveys/small")).json()) as { version: number; json: Json };
    expect(version.version).toBe(2);
    const answer = { id: crypto.randomUUID(), data: { level: "市", main_problems: ["经费不足"], phone: "010-12345678" } };
    const stored = await app.request("/api/surveys/small/responses", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(answer) });
    expect(stored.status).toBe(201);
    const actions = (await database.db.select({ action: auditEvents.action }).from(auditEvents)).map((e) => e.action);
    expect(actions).toContain("draft.save");
    expect(actions).toContain("draft.publish");
  });

  it("publishes a revision once when two publish it at once: one 201, one 409", async () => {
    expect((await call("PUT", "/api/surveys/racing/draft", h.owner, { json: withQuestion(phone), revision: 3 })).status).toBe(200);
    const [a, b] = await Promise.all([1, 2].map(() => call("POST", "/api/surveys/racing/publish", h.owner, { revision: 4 })));
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const version = (await (await app.request("/api/surveys/racing")).json()) as { version: number };
    expect(version.version).toBe(2);
  });

  it("is 409 with a clear message when there is no draft", async () => {
    const res = await call("POST", "/api/surveys/small/publish", { ...h.editor, "accept-language": "en" }, { revision: 0 });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { detail: string }).detail).toContain("no draft to publish");
  });

  it("refuses a type change of an answered question, naming it, and keeps the draft", async () => {
    const answer = { id: crypto.randomUUID(), data: { level: "市", main_problems: ["经费不足"], suggestions: "多开会" } };
    expect((await app.request("/api/surveys/answered/responses", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(answer) })).status).toBe(
      201,
    );
    const json = structuredClone(small) as Json;
    (json.pages[0].elements[3] as { type: string }).type = "text";
    expect((await call("PUT", "/api/surveys/answered/draft", h.owner, { json, revision: 0 })).status).toBe(200);
    const res = await call("POST", "/api/surveys/answered/publish", h.owner, { revision: 1 });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { errors: { question: string }[] }).errors).toEqual([expect.objectContaining({ question: "suggestions" })]);
    const draft = (await (await call("GET", "/api/surveys/answered/draft", h.owner)).json()) as { revision: number; json: Json };
    expect(draft.revision).toBe(1);
    expect(draft.json.pages[0].elements[3].type).toBe("text");
  });
});

describe("POST /api/surveys/new and GET /api/questionnaires/shipped", () => {
  it("creates an empty survey in status draft with nothing published: the draft revision 1, the caller its owner", async () => {
    const res = await call("POST", "/api/surveys/new", h.stranger, { name: "fresh", from: { kind: "empty" }, title: "<b>新问卷</b>" });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ name: "fresh", revision: 1 });
    const draft = (await (await call("GET", "/api/surveys/fresh/draft", h.stranger)).json()) as Record<string, unknown>;
    expect(draft).toEqual({
      name: "fresh",
      revision: 1,
      basedOn: null,
      converted: [],
      traditionalStandard: "tw",
      json: { title: "<b>新问卷</b>", pages: [{ name: "page1", elements: [] }] },
    });
    // Listed with no version and its draft's title.
    const list = (await (await call("GET", "/api/surveys", h.stranger)).json()) as { surveys: Record<string, unknown>[] };
    expect(list.surveys).toEqual([expect.objectContaining({ name: "fresh", status: "draft", role: "owner", version: null, title: "<b>新问卷</b>" })]);
    const diff = (await (await call("GET", "/api/surveys/fresh/draft/diff", h.stranger)).json()) as { basedOn: unknown; diff: { surveyTexts: unknown[] } };
    expect(diff.basedOn).toBeNull();
    expect(diff.diff.surveyTexts).toEqual([{ property: "title", language: "zh-Hans", before: null, after: "<b>新问卷</b>" }]);
  });

  it("gives a survey with nothing published no respondent page and no version: clear 404s and 409s, never a 500", async () => {
    // To the public it does not exist; to a member it has nothing published yet.
    const anonymous = await app.request("/api/surveys/fresh", { headers: { "accept-language": "en" } });
    expect(anonymous.status).toBe(404);
    expect(((await anonymous.json()) as { detailCode: string }).detailCode).toBe("surveys.notFound");
    const member = await call("GET", "/api/surveys/fresh", { ...h.stranger, "accept-language": "en" });
    expect(member.status).toBe(404);
    expect(await member.json()).toMatchObject({ detailCode: "surveys.notPublished", detail: expect.stringContaining("version 1") });
    expect((await app.request("/s/fresh")).status).toBe(404);
    const answer = { id: crypto.randomUUID(), data: {} };
    const refused = await app.request("/api/surveys/fresh/responses", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(answer) });
    expect(refused.status).toBe(404);
    // It cannot be opened before its draft is published.
    const open = await call("PATCH", "/api/surveys/fresh", { ...h.stranger, "accept-language": "zh-CN" }, { status: "open" });
    expect(open.status).toBe(409);
    expect(await open.json()).toMatchObject({ detail: "问卷“fresh”尚未发布，不能开放：请先发布草稿。", errors: [{ question: "status", code: "not_published" }] });
    // What reads a version says there is none yet; what reads the survey works.
    for (const path of ["/api/surveys/fresh/export?format=csv", "/api/surveys/fresh/export/codebook?format=json", "/api/surveys/fresh/questionnaire.xlsx"]) {
      const res = await call("GET", path, h.stranger);
      expect([path, res.status]).toEqual([path, 404]);
      expect(((await res.json()) as { detailCode: string }).detailCode).toBe("surveys.notPublished");
    }
    const analysis = await call("POST", "/api/surveys/fresh/analysis/frequencies", h.stranger, { question: "phone" });
    expect(analysis.status).toBe(404);
    expect(((await analysis.json()) as { detailCode: string }).detailCode).toBe("surveys.notPublished");
    for (const path of [
      "/api/surveys/fresh/responses",
      "/api/surveys/fresh/monitor",
      "/api/surveys/fresh/links",
      "/api/surveys/fresh/members",
      "/api/surveys/fresh/audit",
      "/api/surveys/fresh/links/cards",
    ]) {
      expect([path, (await call("GET", path, h.stranger)).status]).toEqual([path, 200]);
    }
    const workbook = await call("GET", "/api/surveys/fresh/draft/questionnaire.xlsx", h.stranger);
    expect(workbook.status).toBe(200);
    expect(workbook.headers.get("content-disposition")).toContain("fresh.draft-r1.xlsx");
  });

  it("publishes the first questionnaire of a new survey as version 1, with every question added", async () => {
    expect((await call("PUT", "/api/surveys/fresh/draft", h.stranger, { json: { title: "新问卷", pages: [{ name: "page1", elements: [phone] }] }, revision: 1 })).status).toBe(200);
    const res = await call("POST", "/api/surveys/fresh/publish", h.stranger, { revision: 2 });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { version: number; diff: { added: unknown[]; retitled: unknown[] } };
    expect(body.version).toBe(1);
    expect(body.diff.added).toEqual([{ name: "phone", type: "text", title: "联系电话" }]);
    const versions = (await (await call("GET", "/api/surveys", h.stranger)).json()) as { surveys: { name: string; version: number; title: unknown }[] };
    expect(versions.surveys.find((s) => s.name === "fresh")).toMatchObject({ version: 1, title: "新问卷" });
    // The draft is gone: the editor starts from version 1.
    expect(await (await call("GET", "/api/surveys/fresh/draft", h.stranger)).json()).toMatchObject({ revision: 0, basedOn: 1 });
    const codebook = await call("GET", "/api/surveys/fresh/export/codebook?format=json", h.stranger);
    expect(codebook.status).toBe(200);
    expect(JSON.stringify(await codebook.json())).toContain("phone");
    expect((await call("PATCH", "/api/surveys/fresh", h.stranger, { status: "open" })).status).toBe(200);
    const answer = { id: crypto.randomUUID(), data: { phone: "010-1234" } };
    const stored = await app.request("/api/surveys/fresh/responses", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(answer) });
    expect(stored.status).toBe(201);
    expect(((await stored.json()) as { version: number }).version).toBe(1);
  });

  it("copies a survey with nothing published from its draft, and keeps its Traditional standard", async () => {
    expect((await call("POST", "/api/surveys/new", h.stranger, { name: "unpublished", from: { kind: "empty" }, title: "未发布" })).status).toBe(201);
    expect((await call("PUT", "/api/surveys/unpublished/draft", h.stranger, { json: { title: "未发布", pages: [{ name: "p", elements: [phone] }] }, revision: 1 })).status).toBe(
      200,
    );
    expect((await call("PATCH", "/api/surveys/unpublished", h.stranger, { traditionalStandard: "hk" })).status).toBe(200);
    expect((await call("POST", "/api/surveys/new", h.stranger, { name: "unpublished-copy", from: { kind: "copy", survey: "unpublished" } })).status).toBe(201);
    const copy = (await (await call("GET", "/api/surveys/unpublished-copy/draft", h.stranger)).json()) as Record<string, unknown>;
    expect(copy).toMatchObject({ json: { title: "未发布", pages: [{ name: "p", elements: [phone] }] }, traditionalStandard: "hk", basedOn: null });
  });

  it("lists the shipped questionnaires and starts a survey from one", async () => {
    const res = await call("GET", "/api/questionnaires/shipped", h.stranger);
    expect(res.status).toBe(200);
    const { questionnaires } = (await res.json()) as { questionnaires: { id: string; title: unknown }[] };
    expect(questionnaires).toContainEqual({ id: "dangjian-innovation-2023", title: expect.objectContaining({ default: "社会组织党建工作创新调查问卷" }) });
    expect((await app.request("/api/questionnaires/shipped")).status).toBe(401);
    const made = await call("POST", "/api/surveys/new", h.stranger, { name: "from-shipped", from: { kind: "shipped", questionnaire: "dangjian-innovation-2023" } });
    expect(made.status).toBe(201);
    const draft = (await (await call("GET", "/api/surveys/from-shipped/draft", h.stranger)).json()) as { json: unknown };
    const { default: shipped } = await import("../../surveys/dangjian-innovation-2023.json", { with: { type: "json" } });
    expect(draft.json).toEqual(shipped);
    const diff = (await (await call("GET", "/api/surveys/from-shipped/draft/diff", h.stranger)).json()) as { diff: { added: unknown[] } };
    expect(diff.diff.added.length).toBeGreaterThan(20);
  });

  it("refuses an unknown shipped questionnaire (a path too) with 422 naming from.questionnaire", async () => {
    for (const questionnaire of ["no-such", "../package", "dangjian-innovation-2023.json"]) {
      const res = await call("POST", "/api/surveys/new", h.stranger, { name: "nope", from: { kind: "shipped", questionnaire } });
      expect(res.status).toBe(422);
      expect(((await res.json()) as { errors: { question: string }[] }).errors).toEqual([expect.objectContaining({ question: "from.questionnaire" })]);
    }
    expect((await call("GET", "/api/surveys/nope/draft", h.owner)).status).toBe(404);
  });

  it("copies a survey the caller may read, and answers 404 for one they may not, as for one that does not exist", async () => {
    const copied = await call("POST", "/api/surveys/new", h.viewer, { name: "small-copy", from: { kind: "copy", survey: "small" }, title: "副本" });
    expect(copied.status).toBe(201);
    const draft = (await (await call("GET", "/api/surveys/small-copy/draft", h.viewer)).json()) as { json: Json };
    const current = (await (await app.request("/api/surveys/small")).json()) as { json: Json };
    expect(draft.json).toEqual({ ...current.json, title: "副本" });
    const hidden = await call("POST", "/api/surveys/new", h.stranger, { name: "stolen", from: { kind: "copy", survey: "small" } });
    const missing = await call("POST", "/api/surveys/new", h.stranger, { name: "stolen", from: { kind: "copy", survey: "no-such-survey" } });
    expect(hidden.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(Object.keys((await hidden.json()) as object).sort()).toEqual(Object.keys((await missing.json()) as object).sort());
    expect((await call("GET", "/api/surveys/stolen/draft", h.owner)).status).toBe(404);
  });

  it("refuses a name in use with 409, a bad name or a bad start with 422, and records the creations in the audit log", async () => {
    expect((await call("POST", "/api/surveys/new", h.stranger, { name: "small", from: { kind: "empty" } })).status).toBe(409);
    const bad = await call("POST", "/api/surveys/new", h.stranger, { name: "Bad Name", from: { kind: "empty" } });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { errors: { question: string }[] }).errors).toEqual([expect.objectContaining({ question: "name" })]);
    for (const body of [{ name: "x1" }, { name: "x1", from: { kind: "magic" } }, { name: "x1", from: { kind: "empty" }, title: "" }]) {
      const res = await call("POST", "/api/surveys/new", h.stranger, body);
      expect([400, 422]).toContain(res.status);
    }
    expect((await app.request("/api/surveys/new", { method: "POST", body: JSON.stringify({ name: "x1", from: { kind: "empty" } }) })).status).toBe(401);
    const created = await database.db.select({ details: auditEvents.details }).from(auditEvents).where(eq(auditEvents.action, "survey.create"));
    expect(created.map((e) => e.details)).toEqual([
      { from: "empty", source: null },
      { from: "empty", source: null },
      { from: "copy", source: "unpublished" },
      { from: "shipped", source: "dangjian-innovation-2023" },
      { from: "copy", source: "small" },
    ]);
  });
});
