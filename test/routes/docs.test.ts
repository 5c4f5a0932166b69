import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { testApp } from "../helpers/app.js";
import { openTestDatabase } from "../helpers/database.js";

let database: Database;
let app: ReturnType<typeof testApp>;
let doc: { openapi: string; paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>> };

/** Browser pages, not API calls: HTML for people, outside the JSON contract. */
const PAGES: Record<string, string> = {
  "GET /s/{name}": "the respondent page (HTML)",
  "GET /assets/{file}": "the content-hashed scripts and styles of the respondent page and the workspace",
  "GET /": "the workspace (HTML), or on to the sign-in page",
  "GET /w/*": "the workspace's pages, the same HTML shell",
  "GET /r/{token}": "a shared report's read-only page (HTML) for signed-in members",
};

beforeAll(async () => {
  database = await openTestDatabase();
  app = testApp(database);
  doc = (await (await app.request("/api/openapi.json")).json()) as typeof doc;
});
afterAll(async () => database.close());

describe("GET /api/openapi.json", () => {
  it("declares every mounted route with its method; only the pages are left out", () => {
    const mounted = new Set(app.routes.filter((r) => r.method !== "ALL").map((r) => `${r.method} ${r.path.replace(/:([^/]+)/g, "{$1}")}`));
    const declared = new Set(Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`)));
    expect(doc.openapi).toBe("3.1.0");
    expect([...mounted].filter((r) => !declared.has(r) && !(r in PAGES))).toEqual([]);
    expect([...declared].filter((r) => !mounted.has(r))).toEqual([]);
    expect(declared.has("GET /healthz")).toBe(true);
    expect(Object.keys(PAGES).every((p) => mounted.has(p) && !declared.has(p))).toBe(true);
  });

  it("declares the query parameters of export, paging and import", () => {
    const query = (path: string, method: string) =>
      (doc.paths[path][method].parameters ?? [])
        .filter((p) => p.in === "query")
        .map((p) => p.name)
        .sort();
    expect(query("/api/surveys/{name}/export", "get")).toEqual(["bundle", "complete", "format", "from", "labels", "to", "version"]);
    expect(query("/api/surveys/{name}/responses", "get")).toEqual(["after", "complete", "from", "limit", "to", "unit", "version"]);
    expect(query("/api/surveys/{name}/audit", "get")).toEqual(["before", "limit"]);
    expect(query("/api/audit", "get")).toEqual(["before", "limit"]);
    expect(query("/api/surveys/{name}/import", "post")).toEqual(["dryRun", "ignore"]);
    expect(query("/api/surveys/{name}", "get")).toEqual(["version"]);
  });
});

describe("GET /api/docs", () => {
  it("lists every operation on a page with no script, under a policy that allows none", async () => {
    const res = await app.request("/api/docs");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    const policy = res.headers.get("content-security-policy") ?? "";
    expect(policy).toContain("default-src 'none'");
    expect(policy).not.toMatch(/script-src|unsafe-inline|https?:/);
    const html = await res.text();
    expect(html).not.toMatch(/<script|https?:\/\//);
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const method of Object.keys(item)) expect(html).toContain(`>${method.toUpperCase()}</span>${path}`);
    }
  });
});
