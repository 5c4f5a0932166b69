import { afterAll, beforeAll, expect, it } from "vitest";
import { testApp } from "../helpers/app.js";
import type { Database } from "../../src/db/client.js";
import { openTestDatabase } from "../helpers/database.js";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.close());

it("says it is up and which database it runs on", async () => {
  const app = testApp(database);
  const res = await app.request("/healthz");
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ status: "ok", database: process.env.DATABASE_URL ? "postgres" : "pglite" });
});

it("answers unknown paths with problem+json 404", async () => {
  const app = testApp(database);
  const res = await app.request("/api/nothing-here", { headers: { "accept-language": "en" } });
  expect(res.status).toBe(404);
  expect(res.headers.get("content-type")).toContain("application/problem+json");
  expect(await res.json()).toMatchObject({ status: 404, title: "Not found" });
});
