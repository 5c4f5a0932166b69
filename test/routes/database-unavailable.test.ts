import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { publishSurvey } from "../../src/services/surveys.js";
import small from "../fixtures/small-survey.json" with { type: "json" };
import { testApp } from "../helpers/app.js";
import { openTestDatabase } from "../helpers/database.js";

let database: Database;
let closed = false;
beforeAll(async () => {
  database = await openTestDatabase();
  await publishSurvey(database.db, "small", small);
});
afterAll(async () => {
  if (!closed) await database.close();
});

const submit = (app: ReturnType<typeof testApp>, lang: string) =>
  app.request("/api/surveys/small/responses", {
    method: "POST",
    headers: { "content-type": "application/json", "accept-language": lang },
    body: JSON.stringify({ id: crypto.randomUUID(), data: { level: "市", main_problems: ["经费不足"] } }),
  });

// The database going away under a running app (closed pool on PostgreSQL, closed PGlite): every
// call that needs it is a 503 with Retry-After, said in the caller's language, at once.
it("answers 503 problem+json with Retry-After, in the request's language, when the database is gone", async () => {
  const app = testApp(database);
  expect((await submit(app, "en")).status).toBe(201);
  await database.close();
  closed = true;

  const started = Date.now();
  const res = await submit(app, "en");
  expect(Date.now() - started).toBeLessThan(2_000);
  expect(res.status).toBe(503);
  expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
  expect(await res.json()).toMatchObject({
    type: "/problems/unavailable",
    title: "Service unavailable",
    status: 503,
    detailCode: "http.databaseUnavailable",
  });

  const zh = await submit(app, "zh-CN");
  expect(zh.status).toBe(503);
  expect(await zh.json()).toMatchObject({ title: "服务暂时不可用", detail: expect.stringContaining("数据库暂时无法访问") });
  const hant = await app.request("/api/surveys/small", { headers: { "accept-language": "zh-TW" } });
  expect(hant.status).toBe(503);
  expect(await hant.json()).toMatchObject({ title: "服務暫時無法使用" });
});
