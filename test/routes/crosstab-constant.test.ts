/**
 * A multi-select cross-tab where every respondent ticked the same option: that option has no
 * variation, so it has no test (`pearson: null`), and the answer still fits its declared schema
 * (the test app holds every response to it).
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import small from "../fixtures/small-survey.json" with { type: "json" };
import { testApp } from "../helpers/app.js";
import { openTestDatabase, researcherHeaders } from "../helpers/database.js";

let database: Database;
let app: ReturnType<typeof testApp>;
let auth: Record<string, string>;

beforeAll(async () => {
  database = await openTestDatabase();
  app = testApp(database);
  auth = await researcherHeaders(database);
  await app.request("/api/surveys", { method: "POST", headers: auth, body: JSON.stringify({ name: "constant", json: small }) });
  for (const [level, problems] of [
    ["市", ["管理体制不顺畅"]],
    ["社会组织", ["管理体制不顺畅", "创新动力不足"]],
    ["社会组织", ["管理体制不顺畅"]],
  ] as const) {
    const res = await app.request("/api/surveys/constant/responses", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ id: crypto.randomUUID(), data: { level, staff_count: 5, main_problems: problems } }),
    });
    expect(res.status).toBe(201);
  }
});
afterAll(async () => database.close());

it("answers 200 with no test for the option everyone ticked", async () => {
  const res = await app.request("/api/surveys/constant/analysis/crosstab", { method: "POST", headers: auth, body: JSON.stringify({ row: "main_problems", column: "level" }) });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { rowCategories: { value: string }[]; tests: { pearson: unknown }[] };
  const everyone = body.rowCategories.findIndex((c) => c.value === "管理体制不顺畅");
  expect(body.tests[everyone].pearson).toBeNull();
});
