import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../src/db/client.js";
import { testApp } from "./helpers/app.js";
import { openTestDatabase, researcherHeaders } from "./helpers/database.js";

let database: Database;
let app: ReturnType<typeof testApp>;

beforeAll(async () => {
  database = await openTestDatabase();
  app = testApp(database);
});
afterAll(async () => database.close());

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
    expect(((await res.json()) as { errors: { question: string }[] }).errors).toEqual([{ question: "json", code: "invalid_type", message: expect.any(String) }]);
  });
});

describe("a body that is not JSON", () => {
  it("is a 400 said in the caller's language", async () => {
    const send = (lang?: string) =>
      app.request("/api/surveys/any/responses", {
        method: "POST",
        headers: { "content-type": "application/json", ...(lang ? { "accept-language": lang } : {}) },
        body: "{not json",
      });
    const zh = await send();
    expect(zh.status).toBe(400);
    expect((await zh.json()) as { detail: string; detailCode: string }).toMatchObject({ detail: "请求正文不是有效的 JSON。", detailCode: "http.malformedJson" });
    expect(((await (await send("zh-TW")).json()) as { detail: string }).detail).toBe("請求本文不是有效的 JSON。");
    expect(((await (await send("en")).json()) as { detail: string }).detail).toBe("The request body is not valid JSON.");
  });
});
