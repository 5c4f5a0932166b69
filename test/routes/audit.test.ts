/**
 * The audit log: every recorded action appears with its actor and survey, never a password, a
 * token or an answer; paging; the survey's log for its owners and the whole log for administrators.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { auditEvents, surveys } from "../../src/db/schema/index.js";
import { createUser } from "../../src/services/accounts/users.js";
import { putMember } from "../../src/services/access/members.js";
import { recordAudit } from "../../src/services/audit.js";
import { createToken } from "../../src/services/tokens.js";
import small from "../fixtures/small-survey.json" with { type: "json" };
import { testApp } from "../helpers/app.js";
import { openTestDatabase, researcherHeaders } from "../helpers/database.js";

let database: Database;
let app: ReturnType<typeof testApp>;
let headers: Record<string, string>;

const SECRET_ANSWER = "只有答卷里才有的答案";
const PASSWORD = "a-password-never-logged";

interface Event {
  id: number;
  at: string;
  actor: { login: string | null; name: string } | null;
  action: string;
  survey: string | null;
  details: Record<string, unknown>;
}

const call = (method: string, path: string, body?: unknown, auth = headers) =>
  app.request(path, { method, headers: auth, body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body) });

async function log(path: string, auth = headers): Promise<Event[]> {
  const res = await app.request(path, { headers: auth });
  expect(res.status).toBe(200);
  return ((await res.json()) as { events: Event[] }).events;
}

/** An account with a token, optionally a member of a survey. */
async function account(login: string, membership?: { survey: string; role: "owner" | "editor" | "analyst" | "viewer" }) {
  const user = await createUser(database.db, { login, name: login, password: "correct horse battery" });
  if (membership) {
    const [row] = await database.db.select({ id: surveys.id }).from(surveys).where(eq(surveys.name, membership.survey));
    await putMember(database.db, { surveyId: row.id, name: membership.survey, role: "admin", unit: null }, login, { role: membership.role, unit: null });
  }
  const { token } = await createToken(database.db, `${login}'s`, user.id);
  return { authorization: `Bearer ${token}`, "content-type": "application/json" };
}

beforeAll(async () => {
  database = await openTestDatabase();
  app = testApp(database);
  headers = await researcherHeaders(database);
  // Every recorded action, once, through the API.
  expect((await call("POST", "/api/surveys", { name: "audited", json: small })).status).toBe(201);
  expect((await call("POST", "/api/surveys", { name: "audited", json: { ...small, title: "第二版" } })).status).toBe(201);
  expect((await call("PATCH", "/api/surveys/audited", { status: "closed" })).status).toBe(200);
  expect((await call("PATCH", "/api/surveys/audited", { status: "open", maxResponses: 100 })).status).toBe(200);
  const link = await (await call("POST", "/api/surveys/audited/links", { unit: "朝阳区", level: "区", expected: 10 })).json();
  expect((await call("PATCH", `/api/surveys/audited/links/${link.code}`, { closed: true })).status).toBe(200);
  const id = crypto.randomUUID();
  const data = { level: "社会组织", staff_count: 12, main_problems: ["经费不足"], suggestions: SECRET_ANSWER };
  expect((await call("POST", "/api/surveys/audited/responses", { id, data })).status).toBe(201);
  expect((await call("POST", "/api/surveys/audited/responses", { id: crypto.randomUUID(), data })).status).toBe(201);
  expect((await call("GET", "/api/surveys/audited/export?format=csv")).status).toBe(200);
  const csv = `level,main_problems,suggestions\n市,经费不足,${SECRET_ANSWER}\n`;
  const imported = await app.request("/api/surveys/audited/import", { method: "POST", headers: { ...headers, "content-type": "text/csv; charset=utf-8" }, body: csv });
  expect(imported.status).toBe(201);
  expect((await call("DELETE", `/api/surveys/audited/responses/${id}`)).status).toBe(204);
  expect((await call("POST", "/api/users", { login: "newcomer", name: "新人", password: PASSWORD })).status).toBe(201);
  expect((await call("PATCH", "/api/users/newcomer", { name: "新同事", disabled: true })).status).toBe(200);
}, 120_000);
afterAll(async () => database.close());

describe("recorded actions", () => {
  it("records each action with its actor, survey and details, newest first", async () => {
    const events = await log("/api/audit?limit=500");
    const admin = { login: "test-admin", name: "Test administrator" };
    const byAction = (action: string) => events.filter((e) => e.action === action);
    expect(events.map((e) => e.id)).toEqual([...events.map((e) => e.id)].sort((a, b) => b - a));
    expect(byAction("survey.publish").map((e) => [e.survey, e.actor, e.details])).toEqual([
      ["audited", admin, { version: 2, newSurvey: false, status: "open" }],
      ["audited", admin, { version: 1, newSurvey: true, status: "open" }],
    ]);
    const life = byAction("survey.life");
    expect(life.map((e) => e.details)).toEqual([
      {
        from: { status: "closed", closesAt: null, maxResponses: null, timeZone: "Asia/Shanghai", traditionalStandard: "tw" },
        to: { status: "open", closesAt: null, maxResponses: 100, timeZone: "Asia/Shanghai", traditionalStandard: "tw" },
      },
      {
        from: { status: "open", closesAt: null, maxResponses: null, timeZone: "Asia/Shanghai", traditionalStandard: "tw" },
        to: { status: "closed", closesAt: null, maxResponses: null, timeZone: "Asia/Shanghai", traditionalStandard: "tw" },
      },
    ]);
    expect(byAction("link.create")[0]).toMatchObject({ survey: "audited", actor: admin, details: { unit: "朝阳区", level: "区", expected: 10 } });
    expect(byAction("link.change")[0]).toMatchObject({ survey: "audited", details: { unit: "朝阳区", closed: true } });
    expect(byAction("export")[0]).toMatchObject({ survey: "audited", actor: admin, details: { format: "csv", labels: "zh-Hans", rows: 2 } });
    expect(byAction("import")[0]).toMatchObject({ survey: "audited", actor: admin, details: { rows: 1, created: 1, repeated: 0 } });
    expect(byAction("response.delete")[0]).toMatchObject({ survey: "audited", actor: admin });
    expect(byAction("user.create")[0]).toMatchObject({ survey: null, actor: admin, details: { login: "newcomer", name: "新人", admin: false } });
    expect(byAction("user.update")[0]).toMatchObject({ survey: null, details: { login: "newcomer", changes: { name: "新同事", disabled: true } } });
    expect(new Date(events[0].at).getTime()).toBeGreaterThan(Date.now() - 600_000);
  });

  it("holds no password, token or answer in any event", async () => {
    const everything = JSON.stringify(await database.db.select().from(auditEvents));
    const token = headers.authorization.slice("Bearer ".length);
    for (const secret of [PASSWORD, token, SECRET_ANSWER, "经费不足", "社会组织", "passwordHash", "$argon2"]) expect(everything).not.toContain(secret);
    expect(JSON.stringify(await log("/api/audit?limit=500"))).not.toContain(SECRET_ANSWER);
  });

  it("refuses, as a bug, details that would carry a secret or answers", async () => {
    for (const key of ["password", "token", "data", "answers"]) {
      await expect(recordAudit(database.db, { actor: null, action: "user.update", details: { [key]: "x" } })).rejects.toThrow(/recordAudit/);
    }
  });

  it("names a legacy token by its label, and the platform itself as no actor", async () => {
    const legacy = { authorization: `Bearer ${(await createToken(database.db, "旧令牌")).token}`, "content-type": "application/json" };
    expect((await call("POST", "/api/surveys", { name: "by-legacy", json: small }, legacy)).status).toBe(201);
    await recordAudit(database.db, { actor: null, action: "token.revoke", details: { tokenId: 1 } });
    const [platform, byToken] = await log("/api/audit?limit=2");
    expect(platform).toMatchObject({ action: "token.revoke", actor: null, survey: null, details: { tokenId: 1 } });
    expect(byToken).toMatchObject({ action: "survey.publish", actor: { login: null, name: "旧令牌" }, survey: "by-legacy" });
  });
});

describe("paging and access", () => {
  it("pages the whole log with `before` without gaps or repeats", async () => {
    const all = (await log("/api/audit?limit=500")).map((e) => e.id);
    const seen: number[] = [];
    let before: string | null = null;
    do {
      const res = await app.request(`/api/audit?limit=3${before ? `&before=${before}` : ""}`, { headers });
      const page = (await res.json()) as { events: Event[]; next: string | null };
      expect(page.events.length).toBeLessThanOrEqual(3);
      seen.push(...page.events.map((e) => e.id));
      before = page.next;
    } while (before);
    expect(seen).toEqual(all);
    expect((await app.request("/api/audit?before=abc", { headers })).status).toBe(400);
    expect((await app.request("/api/audit?limit=0", { headers })).status).toBe(400);
  });

  it("shows a survey's log only its own events, to its owners; the whole log only to administrators", async () => {
    const own = await log("/api/surveys/audited/audit?limit=500");
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((e) => e.survey === "audited")).toBe(true);
    const page = await (await app.request("/api/surveys/audited/audit?limit=2", { headers })).json();
    expect(page.events.map((e: Event) => e.id)).toEqual(own.slice(0, 2).map((e) => e.id));
    const next = await (await app.request(`/api/surveys/audited/audit?limit=2&before=${page.next}`, { headers })).json();
    expect(next.events.map((e: Event) => e.id)).toEqual(own.slice(2, 4).map((e) => e.id));

    const owner = await account("owner", { survey: "audited", role: "owner" });
    const editor = await account("editor", { survey: "audited", role: "editor" });
    const stranger = await account("stranger");
    // The owner sees the same log, now with the two member events that made owner and editor members.
    const seenByOwner = await log("/api/surveys/audited/audit?limit=500", owner);
    expect(seenByOwner.slice(2).map((e) => e.id)).toEqual(own.map((e) => e.id));
    expect(seenByOwner.slice(0, 2).map((e) => [e.action, e.details.login])).toEqual([
      ["member.put", "editor"],
      ["member.put", "owner"],
    ]);
    expect((await app.request("/api/surveys/audited/audit", { headers: editor })).status).toBe(403);
    expect((await app.request("/api/surveys/audited/audit", { headers: stranger })).status).toBe(404);
    expect((await app.request("/api/audit", { headers: owner })).status).toBe(403);
    expect((await app.request("/api/audit")).status).toBe(401);
  });
});
