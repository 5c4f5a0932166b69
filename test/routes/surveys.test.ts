import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp } from "../helpers/app.js";
import type { Database } from "../../src/db/client.js";
import small from "../fixtures/small-survey.json" with { type: "json" };
import { openTestDatabase, researcherHeaders } from "../helpers/database.js";

let database: Database;
let app: ReturnType<typeof testApp>;
let headers: Record<string, string>;

beforeAll(async () => {
  database = await openTestDatabase();
  app = testApp(database);
  headers = await researcherHeaders(database);
});
afterAll(async () => database.close());

const publish = (name: string, json: unknown, h = headers) => app.request("/api/surveys", { method: "POST", headers: h, body: JSON.stringify({ name, json }) });
const submit = (name: string, body: unknown) =>
  app.request(`/api/surveys/${name}/responses`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

describe("publishing questionnaires", () => {
  it("creates a survey as version 1 and reads it back", async () => {
    const res = await publish("small", small);
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ name: "small", version: 1, created: true });
    const got = await app.request("/api/surveys/small");
    expect(got.status).toBe(200);
    expect(await got.json()).toEqual({ name: "small", version: 1, json: small });
  });

  it("publishes nothing when the JSON is unchanged, even with keys in another order", async () => {
    const reordered = { pages: small.pages, title: small.title };
    const res = await publish("small", reordered);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ name: "small", version: 1, created: false });
  });

  it("publishes a new version when the JSON changed and keeps the old one readable", async () => {
    const v2 = { ...small, title: "小型测试问卷（第二版）" };
    const res = await publish("small", v2);
    expect(await res.json()).toEqual({ name: "small", version: 2, created: true });
    expect(((await (await app.request("/api/surveys/small")).json()) as { version: number }).version).toBe(2);
    // An older version is for members only; to anyone else it does not exist.
    expect((await app.request("/api/surveys/small?version=1")).status).toBe(404);
    const old = (await (await app.request("/api/surveys/small?version=1", { headers })).json()) as { json: unknown };
    expect(old.json).toEqual(small);
  });

  it("lists surveys with title, current version and response counts", async () => {
    const id = crypto.randomUUID();
    expect((await submit("small", { id, data: { level: "市", main_problems: ["管理体制不顺畅"] } })).status).toBe(201);
    const res = await app.request("/api/surveys", { headers });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { surveys: { name: string; version: number; title: unknown; responses: unknown }[] };
    const entry = body.surveys.find((s) => s.name === "small");
    expect(entry).toEqual({
      name: "small",
      version: 2,
      title: "小型测试问卷（第二版）",
      status: "open",
      closesAt: null,
      maxResponses: null,
      timeZone: "Asia/Shanghai",
      traditionalStandard: "tw",
      role: "admin",
      unit: null,
      responses: { total: 1, complete: 1, partial: 0, today: 1 },
      links: 0,
    });
  });

  it("refuses to change the type of a question that has answers, naming it", async () => {
    const changed = structuredClone(small) as typeof small;
    (changed.pages[0].elements[2] as { type: string }).type = "radiogroup";
    const res = await publish("small", changed);
    expect(res.status).toBe(409);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const body = (await res.json()) as { detail: string; errors: { question: string }[] };
    expect(body.detail).toContain("main_problems");
    expect(body.errors[0].question).toBe("main_problems");
    // Nothing was published.
    expect(((await (await app.request("/api/surveys/small")).json()) as { version: number }).version).toBe(2);
  });

  it("refuses to turn an answered number question into a text one", async () => {
    const changed = structuredClone(small) as typeof small;
    delete (changed.pages[0].elements[1] as { inputType?: string }).inputType;
    const id = crypto.randomUUID();
    const answered = await app.request("/api/surveys/small/responses", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ id, data: { level: "社会组织", staff_count: 8, main_problems: ["经费不足"] } }),
    });
    expect(answered.status).toBe(201);
    const res = await publish("small", changed, { ...headers, "accept-language": "en" });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { errors: { question: string; message: string }[] }).errors[0]).toMatchObject({
      question: "staff_count",
      message: "type changes from 'text (number)' to 'text' but answers exist",
    });
  });

  it("allows a type change of a question nobody answered yet", async () => {
    const changed = structuredClone(small) as typeof small;
    (changed.pages[0].elements[3] as { type: string }).type = "text";
    const res = await publish("small", changed);
    expect(res.status).toBe(201);
    expect(((await res.json()) as { version: number }).version).toBe(3);
  });
});

describe("questionnaire errors", () => {
  it("says where unknown types, duplicate names and value-less choices are", async () => {
    const bad = {
      pages: [
        {
          name: "p1",
          elements: [
            { type: "no-such-type", name: "a" },
            { type: "text", name: "b" },
            { type: "text", name: "b" },
            { type: "radiogroup", name: "c", choices: [{ text: "没有值" }] },
          ],
        },
      ],
    };
    const res = await publish("bad", bad);
    expect(res.status).toBe(422);
    const body = (await res.json()) as { errors: { question: string; message: string; code: string }[] };
    expect(body.errors.map((e) => [e.code, e.question])).toEqual([
      ["unknown_type", "pages[0].elements[0] (a)"],
      ["duplicate_name", "pages[0].elements[2] (b)"],
      ["choice_without_value", "pages[0].elements[3] (c).choices[0]"],
    ]);
    expect(body.errors[0].message).toContain("no-such-type");
    expect((await app.request("/api/surveys/bad")).status).toBe(404);
  });

  it("rejects bad survey names and bodies with problem+json", async () => {
    const res = await publish("Has Spaces", small);
    expect(res.status).toBe(422);
    expect(((await res.json()) as { errors: { question: string }[] }).errors[0].question).toBe("name");
    const notJson = await app.request("/api/surveys", { method: "POST", headers, body: "{oops" });
    expect(notJson.status).toBe(400);
    const noJson = await app.request("/api/surveys", { method: "POST", headers, body: JSON.stringify({ name: "x" }) });
    expect(noJson.status).toBe(422);
    expect(((await noJson.json()) as { errors: { question: string }[] }).errors[0].question).toBe("json");
  });

  it("answers 404 for an unknown survey or version and 400 for a bad version", async () => {
    expect((await app.request("/api/surveys/nope")).status).toBe(404);
    expect((await app.request("/api/surveys/small?version=99")).status).toBe(404);
    expect((await app.request("/api/surveys/small?version=abc")).status).toBe(400);
  });
});

describe("researcher authentication", () => {
  it("answers 401 without a token or with a wrong one, and stores nothing", async () => {
    const none = await publish("sneaky", small, { "content-type": "application/json" });
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toContain("Bearer");
    const wrong = await publish("sneaky", small, { ...headers, authorization: "Bearer djs_not-a-real-token" });
    expect(wrong.status).toBe(401);
    expect((await app.request("/api/surveys")).status).toBe(401);
    expect((await app.request("/api/surveys/small/responses")).status).toBe(401);
    expect((await app.request("/api/surveys/sneaky")).status).toBe(404);
  });
});
