import { createRoute, z } from "@hono/zod-openapi";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "../../src/db/client.js";
import { testApp } from "../helpers/app.js";
import { openTestDatabase, researcherHeaders } from "../helpers/database.js";

let database: Database;
let app: ReturnType<typeof testApp>;
let doc: { openapi: string; paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>> };

/** Browser pages, not API calls: HTML for people, outside the JSON contract. */
const PAGES: Record<string, string> = {
  "GET /s/{name}": "the respondent page (HTML)",
  "GET /assets/{file}": "the respondent page's content-hashed script and styles",
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
      (doc.paths[path][method].parameters ?? []).filter((p) => p.in === "query").map((p) => p.name).sort();
    expect(query("/api/surveys/{name}/export", "get")).toEqual(["bundle", "complete", "format", "from", "labels", "to", "version"]);
    expect(query("/api/surveys/{name}/responses", "get")).toEqual(["after", "complete", "limit", "version"]);
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

describe("request ids", () => {
  it("answer every call in X-Request-Id and repeat it in error bodies", async () => {
    const ok = await app.request("/healthz");
    expect(ok.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const missing = await app.request("/api/surveys/nope");
    const body = (await missing.json()) as { status: number; requestId: string };
    expect(body.status).toBe(404);
    expect(body.requestId).toBe(missing.headers.get("x-request-id"));
    const unauthorized = await app.request("/api/surveys");
    expect(((await unauthorized.json()) as { requestId: string }).requestId).toBe(unauthorized.headers.get("x-request-id"));
  });

  it("keep a caller's id", async () => {
    const res = await app.request("/api/surveys/nope", { headers: { "x-request-id": "caller-42" } });
    expect(res.headers.get("x-request-id")).toBe("caller-42");
    expect(((await res.json()) as { requestId: string }).requestId).toBe("caller-42");
  });
});

describe("validation", () => {
  it("reads a JSON body labelled otherwise as JSON, as the contract always has", async () => {
    const headers = { ...(await researcherHeaders(database)), "content-type": "text/plain" };
    const res = await app.request("/api/surveys", { method: "POST", headers, body: JSON.stringify({ name: "x" }) });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { errors: { question: string }[] }).errors).toEqual([{ question: "json", message: expect.any(String) }]);
  });
});

describe("response checking", () => {
  it("answers a logged 500 naming the breach when a response does not fit its declaration", async () => {
    const broken = testApp(database);
    broken.openapi(
      createRoute({
        method: "get",
        path: "/api/broken",
        responses: { 200: { description: "x", content: { "application/json": { schema: z.object({ n: z.number() }) } } } },
      }),
      (c) => c.json({ n: "not a number" } as unknown as { n: number }, 200),
    );
    const logged: unknown[][] = [];
    const spy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void logged.push(args));
    try {
      const res = await broken.request("/api/broken");
      expect(res.status).toBe(500);
      const id = res.headers.get("x-request-id")!;
      expect(((await res.json()) as { requestId: string }).requestId).toBe(id);
      expect(logged).toHaveLength(1);
      expect(String(logged[0][0])).toContain(id);
      expect(String(logged[0][1])).toContain("GET /api/broken answered 200 with a body that does not fit its schema: n:");
    } finally {
      spy.mockRestore();
    }
  });
});
