/**
 * The monitor over a seeded set whose figures are known: three links with expected counts,
 * arrivals on Beijing days 2024-03-01, 03-02 and 03-04 (none on 03-03), one of them at 23:30 UTC,
 * which is already the next day in Beijing; and the same arrivals on New York days once the survey
 * is set to that zone.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { responses, surveys } from "../../src/db/schema/index.js";
import { createUser } from "../../src/services/accounts/users.js";
import { putMember } from "../../src/services/access/members.js";
import { surveyMonitor } from "../../src/services/monitor.js";
import { publishSurvey } from "../../src/services/surveys.js";
import { createToken } from "../../src/services/tokens.js";
import small from "../fixtures/small-survey.json" with { type: "json" };
import { testApp } from "../helpers/app.js";
import { openTestDatabase, researcherHeaders } from "../helpers/database.js";

let database: Database;
let app: ReturnType<typeof testApp>;
let headers: Record<string, string>;

const complete = { level: "社会组织", staff_count: 12, main_problems: ["经费不足"] };
const partial = { level: "市" };

beforeAll(async () => {
  database = await openTestDatabase();
  app = testApp(database);
  headers = await researcherHeaders(database);
  await publishSurvey(database.db, "study", small);
  await publishSurvey(database.db, "empty", small);
  const codes: Record<string, string> = {};
  for (const [unit, level, expected] of [
    ["朝阳区", "区", 5],
    ["海淀区", "区", 3],
    ["三里屯街道", "街道", 4],
  ] as const) {
    const res = await app.request("/api/surveys/study/links", { method: "POST", headers, body: JSON.stringify({ unit, level, expected }) });
    expect(res.status).toBe(201);
    const link = await res.json();
    expect(link).toMatchObject({ unit, level, expected });
    codes[unit] = link.code;
  }
  const arrivals: [string | null, boolean, string][] = [
    ["朝阳区", true, "2024-03-01T02:00:00Z"], // 03-01 10:00 Beijing
    ["朝阳区", false, "2024-03-01T10:00:00Z"], // 03-01 18:00
    ["朝阳区", true, "2024-03-01T23:30:00Z"], // 03-02 07:30
    ["海淀区", true, "2024-03-01T15:59:00Z"], // 03-01 23:59
    ["海淀区", false, "2024-03-01T16:00:00Z"], // 03-02 00:00
    [null, true, "2024-03-02T03:00:00Z"], // 03-02 11:00
    [null, true, "2024-03-04T01:00:00Z"], // 03-04 09:00
  ];
  for (const [unit, done, at] of arrivals) {
    const id = crypto.randomUUID();
    const body = { id, data: done ? complete : partial, complete: done, ...(unit ? { link: codes[unit] } : {}) };
    const res = await app.request("/api/surveys/study/responses", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    expect(res.status).toBe(201);
    await database.db
      .update(responses)
      .set({ createdAt: new Date(at) })
      .where(eq(responses.id, id));
  }
}, 60_000);
afterAll(async () => database.close());

describe("GET /api/surveys/{name}/monitor", () => {
  it("counts arrivals per Beijing day, by unit and by level, against the expected counts", async () => {
    const res = await app.request("/api/surveys/study/monitor", { headers });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      total: { complete: 5, partial: 2 },
      timeZone: "Asia/Shanghai",
      days: [
        { date: "2024-03-01", complete: 2, partial: 1 },
        { date: "2024-03-02", complete: 2, partial: 1 },
        { date: "2024-03-03", complete: 0, partial: 0 },
        { date: "2024-03-04", complete: 1, partial: 0 },
      ],
      units: [
        { unit: "三里屯街道", level: "街道", expected: 4, complete: 0, partial: 0 },
        { unit: "朝阳区", level: "区", expected: 5, complete: 2, partial: 1 },
        { unit: "海淀区", level: "区", expected: 3, complete: 1, partial: 1 },
        { unit: null, level: null, expected: null, complete: 2, partial: 0 },
      ],
      levels: [
        { level: "区", expected: 8, complete: 3, partial: 2 },
        { level: "街道", expected: 4, complete: 0, partial: 0 },
        { level: null, expected: null, complete: 2, partial: 0 },
      ],
    });
  });

  it("is empty for a survey without responses or links, and 404 for an unknown survey", async () => {
    expect(await (await app.request("/api/surveys/empty/monitor", { headers })).json()).toEqual({
      total: { complete: 0, partial: 0 },
      timeZone: "Asia/Shanghai",
      days: [],
      units: [],
      levels: [],
    });
    expect((await app.request("/api/surveys/nothing/monitor", { headers })).status).toBe(404);
    expect((await app.request("/api/surveys/study/monitor")).status).toBe(401);
  });

  it("shows a member limited to a unit only that unit's figures (a viewer may see the monitor)", async () => {
    const user = await createUser(database.db, { login: "chaoyang", name: "朝阳", password: "correct horse battery" });
    const [survey] = await database.db.select({ id: surveys.id }).from(surveys).where(eq(surveys.name, "study"));
    await putMember(database.db, { surveyId: survey.id, name: "study", role: "admin", unit: null }, "chaoyang", { role: "viewer", unit: "朝阳区" });
    const { token } = await createToken(database.db, "chaoyang's", user.id);
    const expected = {
      total: { complete: 2, partial: 1 },
      timeZone: "Asia/Shanghai",
      days: [
        { date: "2024-03-01", complete: 1, partial: 1 },
        { date: "2024-03-02", complete: 1, partial: 0 },
      ],
      units: [{ unit: "朝阳区", level: "区", expected: 5, complete: 2, partial: 1 }],
      levels: [{ level: "区", expected: 5, complete: 2, partial: 1 }],
    };
    const res = await app.request("/api/surveys/study/monitor", { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(expected);
    expect(await surveyMonitor(database.db, "study", "朝阳区")).toEqual(expected);
    // A viewer sees figures, not responses.
    expect((await app.request("/api/surveys/study/responses", { headers: { authorization: `Bearer ${token}` } })).status).toBe(403);
  });

  it("counts the days of the survey's own zone, and says which: New York's, five hours behind UTC in March", async () => {
    const patch = await app.request("/api/surveys/study", { method: "PATCH", headers, body: JSON.stringify({ timeZone: "America/New_York" }) });
    expect(patch.status).toBe(200);
    const res = await app.request("/api/surveys/study/monitor", { headers });
    const body = (await res.json()) as { timeZone: string; days: unknown[]; total: unknown };
    expect(body.timeZone).toBe("America/New_York");
    expect(body.total).toEqual({ complete: 5, partial: 2 });
    // 02:00 UTC on 1 March is 21:00 on 29 February there; 23:30 UTC on 1 March and 03:00 UTC on
    // 2 March are still 1 March; 01:00 UTC on 4 March is 3 March.
    expect(body.days).toEqual([
      { date: "2024-02-29", complete: 1, partial: 0 },
      { date: "2024-03-01", complete: 3, partial: 2 },
      { date: "2024-03-02", complete: 0, partial: 0 },
      { date: "2024-03-03", complete: 1, partial: 0 },
    ]);
  });
});
