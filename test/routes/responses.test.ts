import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp } from "../helpers/app.js";
import type { Database } from "../../src/db/client.js";
import { auditEvents, deletedResponses, responses, surveys } from "../../src/db/schema/index.js";
import { createUser } from "../../src/services/accounts/users.js";
import { putMember } from "../../src/services/access/members.js";
import type { Role } from "../../src/services/access/permissions.js";
import { createToken } from "../../src/services/tokens.js";
import { RESPONSE_BODY_LIMIT } from "../../src/routes/responses.js";
import { publishSurvey } from "../../src/services/surveys.js";
import small from "../fixtures/small-survey.json" with { type: "json" };
import { openTestDatabase, researcherHeaders } from "../helpers/database.js";

let database: Database;
let app: ReturnType<typeof testApp>;
let headers: Record<string, string>;

beforeAll(async () => {
  database = await openTestDatabase();
  app = testApp(database);
  headers = await researcherHeaders(database);
  await publishSurvey(database.db, "small", small);
  await publishSurvey(database.db, "other", { ...small, title: "另一份问卷" });
});
afterAll(async () => database.close());

const post = (name: string, body: unknown) =>
  app.request(`/api/surveys/${name}/responses`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
const stored = (id: string) => database.db.select().from(responses).where(eq(responses.id, id));
const good = { level: "社会组织", staff_count: 12, main_problems: ["管理体制不顺畅", "创新动力不足"] };

describe("storing a response", () => {
  it("stores a valid complete response with its version (201)", async () => {
    const id = crypto.randomUUID();
    const res = await post("small", { id, data: good });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ id, version: 1, complete: true, outcome: "created" });
    const [row] = await stored(id);
    expect(row).toMatchObject({ id, version: 1, complete: true, data: good });
    expect(row.completedAt).toBeInstanceOf(Date);
    // No respondent address or agent is kept anywhere in the row.
    expect(Object.keys(row).sort()).toEqual(["bodyHash", "complete", "completedAt", "createdAt", "data", "id", "linkId", "notAsked", "surveyId", "unit", "updatedAt", "version"]);
  });

  it("records questions hidden by logic as not asked and drops answers sent to them", async () => {
    const id = crypto.randomUUID();
    // staff_count shows only for 社会组织: for a city-level respondent it was never asked.
    const res = await post("small", { id, data: { level: "市", staff_count: 5, main_problems: ["经费不足"] } });
    expect(res.status).toBe(201);
    const [row] = await stored(id);
    expect(row.notAsked).toEqual(["staff_count"]);
    expect(row.data).toEqual({ level: "市", main_problems: ["经费不足"] });
    const asked = crypto.randomUUID();
    await post("small", { id: asked, data: good });
    expect((await stored(asked))[0].notAsked).toEqual([]);
  });

  it("answers 200 to a repeat of the same id and body and keeps one row", async () => {
    const id = crypto.randomUUID();
    expect((await post("small", { id, data: good })).status).toBe(201);
    const again = await post("small", { id, data: { ...good } });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { outcome: string }).outcome).toBe("repeat");
    expect(await stored(id)).toHaveLength(1);
  });

  it("treats two identical submissions arriving together as one", async () => {
    const id = crypto.randomUUID();
    const [a, b] = await Promise.all([post("small", { id, data: good }), post("small", { id, data: good })]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(await stored(id)).toHaveLength(1);
  });

  it("answers 409 to the same id with different answers, and the first stays", async () => {
    const id = crypto.randomUUID();
    await post("small", { id, data: good });
    const res = await post("small", { id, data: { ...good, staff_count: 99 } });
    expect(res.status).toBe(409);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const [row] = await stored(id);
    expect(row.data).toEqual(good);
  });

  it("lets a partial response be saved, continued and completed under its id", async () => {
    const id = crypto.randomUUID();
    const partial = await post("small", { id, data: { level: "市" }, complete: false });
    expect(partial.status).toBe(201);
    expect((await stored(id))[0].complete).toBe(false);
    const done = await post("small", { id, data: { level: "市", main_problems: ["顶层设计不到位"] }, complete: true });
    expect(done.status).toBe(200);
    expect(((await done.json()) as { outcome: string }).outcome).toBe("updated");
    const [row] = await stored(id);
    expect(row).toMatchObject({ complete: true, data: { level: "市", main_problems: ["顶层设计不到位"] } });
  });

  it("records the older version a response answered when it says so", async () => {
    await publishSurvey(database.db, "small", { ...small, title: "第二版" });
    const id = crypto.randomUUID();
    const res = await post("small", { id, data: good, version: 1 });
    expect(res.status).toBe(201);
    expect((await stored(id))[0].version).toBe(1);
    const current = crypto.randomUUID();
    await post("small", { id: current, data: good });
    expect((await stored(current))[0].version).toBe(2);
  });
});

describe("bad submissions store nothing", () => {
  it("answers 422 with one entry per offending question", async () => {
    const id = crypto.randomUUID();
    const res = await post("small", {
      id,
      data: { level: "火星", main_problems: "管理体制不顺畅", unknown_q: 1 },
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { status: number; errors: { question: string; message: string }[] };
    expect(body.status).toBe(422);
    const questions = body.errors.map((e) => e.question).sort();
    expect(questions).toEqual(["level", "main_problems", "unknown_q"]);
    expect(await stored(id)).toHaveLength(0);
  });

  it("rejects a missing required answer and more choices than allowed", async () => {
    const res = await post("small", {
      id: crypto.randomUUID(),
      data: { level: "社会组织", main_problems: ["管理体制不顺畅", "创新动力不足", "有效覆盖不高", "顶层设计不到位"] },
    });
    expect(res.status).toBe(422);
    const questions = ((await res.json()) as { errors: { question: string }[] }).errors.map((e) => e.question).sort();
    expect(questions).toEqual(["main_problems", "staff_count"]);
  });

  it("names the bad field of a malformed body", async () => {
    const res = await post("small", { id: "not-a-uuid", data: [] });
    expect(res.status).toBe(422);
    const questions = ((await res.json()) as { errors: { question: string }[] }).errors.map((e) => e.question).sort();
    expect(questions).toEqual(["data", "id"]);
    expect((await post("small", "{not json")).status).toBe(400);
  });

  it("answers 413 to a body over the limit", async () => {
    const res = await post("small", { id: crypto.randomUUID(), data: { suggestions: "长".repeat(RESPONSE_BODY_LIMIT) } });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { status: number }).status).toBe(413);
  });

  it("answers 404 for an unknown survey or version", async () => {
    expect((await post("nope", { id: crypto.randomUUID(), data: good })).status).toBe(404);
    expect((await post("small", { id: crypto.randomUUID(), data: good, version: 42 })).status).toBe(404);
  });
});

describe("surveys stay apart", () => {
  it("refuses an id already used by another survey without revealing it", async () => {
    const id = crypto.randomUUID();
    await post("other", { id, data: good });
    const res = await post("small", { id, data: good });
    expect(res.status).toBe(409);
    const text = await res.text();
    expect(text).not.toContain("other");
    expect(text).not.toContain("管理体制");
    expect((await stored(id))[0].surveyId).not.toBe(undefined);
  });

  it("lists only the survey's own responses, page by page, for researchers", async () => {
    await publishSurvey(database.db, "paged", small);
    const ids = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const id = crypto.randomUUID();
      ids.add(id);
      await post("paged", { id, data: { level: "市", main_problems: ["经费不足"] } });
    }
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const url: string = `/api/surveys/paged/responses?limit=2${after ? `&after=${after}` : ""}`;
      const res = await app.request(url, { headers });
      expect(res.status).toBe(200);
      const page = (await res.json()) as { items: { id: string }[]; next: string | null };
      seen.push(...page.items.map((r) => r.id));
      after = page.next;
    } while (after);
    expect(seen).toHaveLength(5);
    expect(new Set(seen)).toEqual(ids);
    expect((await app.request("/api/surveys/paged/responses?after=garbage", { headers })).status).toBe(400);
    expect((await app.request("/api/surveys/paged/responses?limit=0", { headers })).status).toBe(400);
  });
});

const LABELLED = {
  title: { default: "层级调查", en: "Level survey" },
  elements: [
    {
      type: "radiogroup",
      name: "level",
      title: { default: "层级", en: "Level" },
      choices: [
        { value: "city", text: { default: "市", en: "City" } },
        { value: "district", text: { default: "区", en: "District" } },
      ],
    },
    {
      type: "checkbox",
      name: "activities",
      title: { default: "开展过哪些活动", en: "Activities held" },
      showOtherItem: true,
      choices: [
        { value: "meet", text: { default: "三会一课", en: "Three meetings, one lesson" } },
        { value: "day", text: { default: "主题党日", en: "Theme day" } },
      ],
    },
    { type: "comment", name: "note", title: { default: "备注", en: "Note" } },
  ],
};

describe("one response, in the request's language", () => {
  const id = crypto.randomUUID();
  beforeAll(async () => {
    await publishSurvey(database.db, "labelled", LABELLED);
    const res = await post("labelled", { id, data: { level: "district", activities: ["meet", "other"], "activities-Comment": "读书会" } });
    expect(res.status).toBe(201);
  });

  it("gives titles and labelled answers in Simplified Chinese by default and in English when asked", async () => {
    const zh = await app.request(`/api/surveys/labelled/responses/${id}`, { headers });
    expect(zh.status).toBe(200);
    const body = await zh.json();
    expect(body).toMatchObject({ id, version: 1, complete: true, unit: null, data: { level: "district" } });
    expect(body.answers).toEqual([
      { name: "level", title: "层级", type: "radiogroup", value: "district", text: "区" },
      { name: "activities", title: "开展过哪些活动", type: "checkbox", value: ["meet", "other"], text: "三会一课；其他：读书会" },
    ]);
    const en = await (await app.request(`/api/surveys/labelled/responses/${id}?lang=en`, { headers })).json();
    expect(en.answers).toEqual([
      { name: "level", title: "Level", type: "radiogroup", value: "district", text: "District" },
      { name: "activities", title: "Activities held", type: "checkbox", value: ["meet", "other"], text: "Three meetings, one lesson; Other: 读书会" },
    ]);
  });

  it("answers 404 for an id the survey does not hold, 400 for one that is no UUID, 401 without credentials", async () => {
    expect((await app.request(`/api/surveys/labelled/responses/${crypto.randomUUID()}`, { headers })).status).toBe(404);
    expect((await app.request(`/api/surveys/small/responses/${id}`, { headers })).status).toBe(404);
    expect((await app.request("/api/surveys/labelled/responses/not-a-uuid", { headers })).status).toBe(400);
    expect((await app.request(`/api/surveys/labelled/responses/${id}`)).status).toBe(401);
  });
});

describe("deleting a response", () => {
  const del = (name: string, id: string, auth: Record<string, string>) => app.request(`/api/surveys/${name}/responses/${id}`, { method: "DELETE", headers: auth });
  const body = { data: { level: "市", main_problems: ["经费不足"] } };

  it("deletes (204) by a legacy token; a second delete is 404; the id sent again is 409 and nothing is stored", async () => {
    // A token made without a user, before accounts existed.
    const legacy = { authorization: `Bearer ${(await createToken(database.db, "legacy")).token}` };
    const id = crypto.randomUUID();
    expect((await post("small", { id, ...body })).status).toBe(201);
    const res = await del("small", id, legacy);
    expect(res.status).toBe(204);
    expect(await res.text()).toBe("");
    expect(await stored(id)).toHaveLength(0);
    expect((await del("small", id, headers)).status).toBe(404);
    const again = await post("small", { id, ...body });
    expect(again.status).toBe(409);
    expect(again.headers.get("content-type")).toContain("application/problem+json");
    expect(await again.json()).toMatchObject({ status: 409, detailCode: "responses.deleted" });
    // Other answers under the deleted id: refused the same way.
    expect((await post("small", { id, data: good })).status).toBe(409);
    expect(await stored(id)).toHaveLength(0);
    const [tombstone] = await database.db.select().from(deletedResponses).where(eq(deletedResponses.responseId, id));
    expect(tombstone.deletedBy).toBeNull();
    const [event] = await database.db.select().from(auditEvents).where(eq(auditEvents.action, "response.delete"));
    expect(event).toMatchObject({ actorUserId: null, actorLabel: "legacy", details: { id } });
    expect(JSON.stringify(event)).not.toContain("经费不足");
  });

  /** An account with a role on a survey, and the headers of a token made for it. */
  async function member(survey: string, login: string, role: Role, unit: string | null = null) {
    const user = await createUser(database.db, { login, name: login === "deleter" ? "删除者" : login, password: "correct horse battery" });
    const [row] = await database.db.select({ id: surveys.id }).from(surveys).where(eq(surveys.name, survey));
    await putMember(database.db, { surveyId: row.id, name: survey, role: "admin", unit: null }, login, { role, unit });
    const { token } = await createToken(database.db, `${login}'s`, user.id);
    return { user, headers: { authorization: `Bearer ${token}` } };
  }

  it("lets an editor delete, within the editor's unit only; an analyst may not (403)", async () => {
    await publishSurvey(database.db, "scoped", small);
    const link = await (await app.request("/api/surveys/scoped/links", { method: "POST", headers, body: JSON.stringify({ unit: "朝阳区" }) })).json();
    const inUnit = crypto.randomUUID();
    const outside = crypto.randomUUID();
    expect((await post("scoped", { id: inUnit, ...body, link: link.code })).status).toBe(201);
    expect((await post("scoped", { id: outside, ...body })).status).toBe(201);
    const editor = await member("scoped", "unit-editor", "editor", "朝阳区");
    const analyst = await member("scoped", "analyst", "analyst");
    expect((await del("scoped", inUnit, analyst.headers)).status).toBe(403);
    expect((await del("scoped", outside, editor.headers)).status).toBe(404);
    expect((await app.request(`/api/surveys/scoped/responses/${outside}`, { headers: editor.headers })).status).toBe(404);
    expect((await app.request(`/api/surveys/scoped/responses/${inUnit}`, { headers: editor.headers })).status).toBe(200);
    const listed = await (await app.request("/api/surveys/scoped/responses", { headers: editor.headers })).json();
    expect(listed.items.map((i: { id: string }) => i.id)).toEqual([inUnit]);
    expect((await del("scoped", inUnit, editor.headers)).status).toBe(204);
    expect(await stored(outside)).toHaveLength(1);
    expect(await stored(inUnit)).toHaveLength(0);
  });

  it("records the account that deleted through its token", async () => {
    const { user, headers: auth } = await member("small", "deleter", "editor");
    const token = auth.authorization.slice("Bearer ".length);
    const id = crypto.randomUUID();
    expect((await post("small", { id, ...body })).status).toBe(201);
    expect((await del("small", id, { authorization: `Bearer ${token}` })).status).toBe(204);
    const [tombstone] = await database.db.select().from(deletedResponses).where(eq(deletedResponses.responseId, id));
    expect(tombstone.deletedBy).toBe(user.id);
    const events = await database.db.select().from(auditEvents).where(eq(auditEvents.actorUserId, user.id));
    expect(events.map((e) => [e.action, e.details.id])).toEqual([["response.delete", id]]);
    const log = await (await app.request("/api/surveys/small/audit?limit=1", { headers })).json();
    expect(log.events[0]).toMatchObject({ action: "response.delete", actor: { login: "deleter", name: "删除者" }, survey: "small", details: { id } });
  });

  it("refuses to import a deleted response again: the whole file is a 422 naming the row", async () => {
    const id = crypto.randomUUID();
    const csv = `response_id,level,main_problems\n${id},市,经费不足\n`;
    const importCsv = () => app.request("/api/surveys/small/import", { method: "POST", headers: { ...headers, "content-type": "text/csv; charset=utf-8" }, body: csv });
    expect((await importCsv()).status).toBe(201);
    expect(await stored(id)).toHaveLength(1);
    expect((await del("small", id, headers)).status).toBe(204);
    const again = await importCsv();
    expect(again.status).toBe(422);
    expect((await again.json()).errors).toEqual([expect.objectContaining({ row: 2, question: "(id)", code: "deleted", value: id })]);
    expect(await stored(id)).toHaveLength(0);
  });

  it("answers 404 for another survey's response and 401 without credentials, deleting nothing", async () => {
    const id = crypto.randomUUID();
    expect((await post("small", { id, ...body })).status).toBe(201);
    expect((await del("other", id, headers)).status).toBe(404);
    expect((await del("small", id, {})).status).toBe(401);
    expect(await stored(id)).toHaveLength(1);
  });
});

describe("the list's filters over HTTP", () => {
  it("filters by unit and Beijing day, and refuses a day that is not one (400)", async () => {
    await publishSurvey(database.db, "filtered", small);
    const link = await (await app.request("/api/surveys/filtered/links", { method: "POST", headers, body: JSON.stringify({ unit: "朝阳区" }) })).json();
    const late = crypto.randomUUID();
    const early = crypto.randomUUID();
    expect((await post("filtered", { id: late, data: good, link: link.code })).status).toBe(201);
    expect((await post("filtered", { id: early, data: good })).status).toBe(201);
    await database.db
      .update(responses)
      .set({ createdAt: new Date("2024-03-01T23:30:00Z") })
      .where(eq(responses.id, late));
    await database.db
      .update(responses)
      .set({ createdAt: new Date("2024-03-01T10:00:00Z") })
      .where(eq(responses.id, early));
    const list = async (query: string) => {
      const res = await app.request(`/api/surveys/filtered/responses?${query}`, { headers });
      expect(res.status).toBe(200);
      return ((await res.json()) as { items: { id: string }[] }).items.map((i) => i.id);
    };
    expect(await list("")).toEqual([late, early]);
    expect(await list(`unit=${encodeURIComponent("朝阳区")}`)).toEqual([late]);
    expect(await list("from=2024-03-02&to=2024-03-02")).toEqual([late]);
    expect(await list("to=2024-03-01")).toEqual([early]);
    expect(await list("from=2024-03-03")).toEqual([]);
    const bad = await app.request("/api/surveys/filtered/responses?from=2024-02-30", { headers });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors[0]).toMatchObject({ question: "from" });
  });
});
