/**
 * Population frames saved with a survey: replaced as a list, read back in order, checked field
 * by field in the caller's language, nothing half-stored, and only for members who may.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { surveys } from "../../src/db/schema/index.js";
import { putMember } from "../../src/services/access/members.js";
import { createUser } from "../../src/services/accounts/users.js";
import { publishSurvey } from "../../src/services/surveys.js";
import { createToken } from "../../src/services/tokens.js";
import small from "../fixtures/small-survey.json" with { type: "json" };
import { testApp } from "../helpers/app.js";
import { openTestDatabase, researcherHeaders } from "../helpers/database.js";

let database: Database;
let app: ReturnType<typeof testApp>;
let headers: Record<string, string>;

const BAOJI = { name: "宝鸡市社会组织类型", variable: "org_type", counts: { 社会团体: 793, 民办非企业单位: 750, 基金会: 6, 社会中介组织: 54, 城乡社区社会组织: 5 } };
const LEVELS = { name: "层级", variable: "level", counts: { 市: 10, "区(县)": 40 } };

beforeAll(async () => {
  database = await openTestDatabase();
  app = testApp(database);
  headers = await researcherHeaders(database);
  await publishSurvey(database.db, "study", small);
  await publishSurvey(database.db, "other", small);
}, 60_000);
afterAll(async () => database.close());

const put = (body: unknown, h = headers, survey = "study") => app.request(`/api/surveys/${survey}/populations`, { method: "PUT", headers: h, body: JSON.stringify(body) });
const get = async (h = headers, survey = "study") => {
  const res = await app.request(`/api/surveys/${survey}/populations`, { headers: h });
  return { status: res.status, body: await res.json() };
};

async function memberHeaders(login: string, role: "viewer" | "analyst" | "editor") {
  const user = await createUser(database.db, { login, name: login, password: "correct horse battery" });
  const [survey] = await database.db.select({ id: surveys.id }).from(surveys).where(eq(surveys.name, "study"));
  await putMember(database.db, { surveyId: survey.id, name: "study", role: "admin", unit: null }, login, { role, unit: null });
  const { token } = await createToken(database.db, login, user.id);
  return { authorization: `Bearer ${token}`, "content-type": "application/json" };
}

describe("GET/PUT /api/surveys/{name}/populations", () => {
  it("starts empty, stores the list in order, and a second PUT replaces it whole", async () => {
    expect(await get()).toEqual({ status: 200, body: { populations: [] } });
    const res = await put({ populations: [BAOJI, LEVELS] });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ populations: [BAOJI, LEVELS] });
    expect((await get()).body).toEqual({ populations: [BAOJI, LEVELS] });
    await put({ populations: [LEVELS] });
    expect((await get()).body).toEqual({ populations: [LEVELS] });
    // Another survey's frames are its own.
    expect((await get(headers, "other")).body).toEqual({ populations: [] });
  });

  it("refuses a bad frame with a 422 naming the field, in the caller's language, and keeps the old list", async () => {
    await put({ populations: [LEVELS] });
    const cases: [unknown, string, string][] = [
      [{ populations: [{ ...BAOJI, counts: { 社会团体: -1 } }] }, "populations.0.counts.社会团体", "总体数量不能为负数"],
      [{ populations: [{ ...BAOJI, counts: {} }] }, "populations.0.counts", "请给出每个类别的总体数量"],
      [{ populations: [{ ...BAOJI, name: " " }] }, "populations.0.name", "请为总体框架填写 1 到 100 个字符的名称"],
      [{ populations: [BAOJI, { ...LEVELS, name: BAOJI.name }] }, "populations.1.name", `总体框架名称“${BAOJI.name}”重复了`],
    ];
    for (const [body, question, message] of cases) {
      const res = await put(body);
      expect(res.status).toBe(422);
      const problem = await res.json();
      expect(problem.errors).toContainEqual(expect.objectContaining({ question, message }));
    }
    const en = await app.request("/api/surveys/study/populations?lang=en", { method: "PUT", headers, body: JSON.stringify({ populations: [BAOJI, BAOJI] }) });
    expect((await en.json()).errors[0].message).toBe(`the frame name '${BAOJI.name}' is used twice`);
    expect((await get()).body).toEqual({ populations: [LEVELS] });
  });

  it("lets a viewer read but not write; an analyst writes; no survey is a 404, no token a 401", async () => {
    const viewer = await memberHeaders("viewer1", "viewer");
    expect((await get(viewer)).status).toBe(200);
    expect((await put({ populations: [BAOJI] }, viewer)).status).toBe(403);
    const analyst = await memberHeaders("analyst1", "analyst");
    expect((await put({ populations: [BAOJI] }, analyst)).status).toBe(200);
    expect((await get(analyst, "other")).status).toBe(404);
    expect((await app.request("/api/surveys/nothing/populations", { headers })).status).toBe(404);
    expect((await app.request("/api/surveys/study/populations")).status).toBe(401);
  });
});
