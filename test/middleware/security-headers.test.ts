/** Secure headers on every answer (issue 11): JSON, problem+json and exports get them; pages keep their own CSP. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { publishSurvey } from "../../src/services/surveys.js";
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
  await publishSurvey(database.db, "small", small);
});
afterAll(async () => database?.close());

const expectSecure = (res: Response) => {
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
  expect(res.headers.get("referrer-policy")).toBe("no-referrer");
  expect(res.headers.get("cross-origin-resource-policy")).toBe("same-origin");
  expect(res.headers.get("strict-transport-security")).toMatch(/^max-age=/);
};

describe("every answer", () => {
  it.each([
    ["JSON", () => app.request("/healthz")],
    ["a 404 problem", () => app.request("/api/surveys/nope")],
    [
      "a 422 problem",
      () => app.request("/api/surveys/small/responses", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ id: "x", data: {} }) }),
    ],
    ["a 415 problem", () => app.request("/api/surveys/small/responses", { method: "POST", headers: { "content-type": "text/plain" }, body: "{}" })],
    ["an unknown path", () => app.request("/no/such/thing")],
    ["an export", () => app.request("/api/surveys/small/export?format=csv", { headers })],
  ])("%s carries the secure headers", async (_, call) => {
    expectSecure(await call());
  });

  it("a page keeps its own CSP and gets the other headers", async () => {
    const res = await app.request("/s/small");
    expect(res.status).toBe(200);
    expectSecure(res);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
  });
});
