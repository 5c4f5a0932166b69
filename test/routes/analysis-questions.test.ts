/** The workbench's pickers read what a survey offers to analyse: questions by kind, categories in a language, versions and units. */
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

beforeAll(async () => {
  database = await openTestDatabase();
  app = testApp(database);
  headers = await researcherHeaders(database);
  await publishSurvey(database.db, "study", small);
  for (const unit of ["朝阳区", "海淀区"]) {
    const res = await app.request("/api/surveys/study/links", { method: "POST", headers, body: JSON.stringify({ unit }) });
    expect(res.status).toBe(201);
  }
}, 60_000);
afterAll(async () => database.close());

describe("GET /api/surveys/{name}/analysis/questions", () => {
  it("lists every question with its kind, numeric flag, versions and categories, and the units", async () => {
    const res = await app.request("/api/surveys/study/analysis/questions", { headers });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.versions).toEqual([1]);
    expect(body.units).toEqual(["朝阳区", "海淀区"]);
    const byName = Object.fromEntries(body.questions.map((q: { name: string }) => [q.name, q]));
    expect(byName.level).toMatchObject({ kind: "single", numeric: false, title: "您所在的层级", versions: [1] });
    expect(byName.level.categories.map((c: { value: string }) => c.value)).toEqual(["市", "区(县)", "街道(乡镇)", "社区(村)", "社会组织"]);
    expect(byName.staff_count).toMatchObject({ kind: "numeric", numeric: true });
    expect(byName.main_problems.kind).toBe("multiple");
    expect(byName.suggestions.kind).toBe("other");
    const en = await (await app.request("/api/surveys/study/analysis/questions?lang=en", { headers })).json();
    expect(en.questions.find((q: { name: string }) => q.name === "level").title).toBe("Your level");
  });

  it("shows a member limited to a unit only that unit; 404 for an unknown survey, 401 without a token", async () => {
    const user = await createUser(database.db, { login: "cy", name: "朝阳", password: "correct horse battery" });
    const [survey] = await database.db.select({ id: surveys.id }).from(surveys).where(eq(surveys.name, "study"));
    await putMember(database.db, { surveyId: survey.id, name: "study", role: "admin", unit: null }, "cy", { role: "viewer", unit: "朝阳区" });
    const { token } = await createToken(database.db, "cy", user.id);
    const res = await app.request("/api/surveys/study/analysis/questions", { headers: { authorization: `Bearer ${token}` } });
    expect((await res.json()).units).toEqual(["朝阳区"]);
    expect((await app.request("/api/surveys/nothing/analysis/questions", { headers })).status).toBe(404);
    expect((await app.request("/api/surveys/study/analysis/questions")).status).toBe(401);
  });
});
