/**
 * Bodies a JSON route must refuse with a 4xx that says what is wrong, storing nothing (issue 11):
 * U+0000, lone surrogates, versions no integer column holds, nesting thousands deep, invalid
 * UTF-8, a key twice; submissions only as application/json. Property-based over whole
 * submission bodies too. On PGlite, and on PostgreSQL when DATABASE_URL is set.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { responses, surveyVersions } from "../../src/db/schema/index.js";
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

const good = { level: "社会组织", staff_count: 12, main_problems: ["管理体制不顺畅"] };
const send = (path: string, body: BodyInit, extra: Record<string, string> = {}) => app.request(path, { method: "POST", headers: { ...headers, ...extra }, body });
const submit = (body: BodyInit, extra: Record<string, string> = {}) =>
  app.request("/api/surveys/small/responses", { method: "POST", headers: { "content-type": "application/json", ...extra }, body });
const count = async () => (await database.db.select({ id: responses.id }).from(responses)).length;
const versions = async () => (await database.db.select({ v: surveyVersions.version }).from(surveyVersions)).length;
const problemOf = async (res: Response) => ({
  status: res.status,
  type: res.headers.get("content-type") ?? "",
  body: (await res.json()) as { detail: string; detailCode?: string; errors?: { question: string; code?: string }[] },
});
/** JSON text nested `depth` arrays deep around `inner`. */
const nested = (depth: number, inner = "1") => "[".repeat(depth) + inner + "]".repeat(depth);

describe("strings the database cannot keep", () => {
  it.each([
    ["U+0000", '"a\\u0000b"', "nul_character"],
    ["a lone surrogate", '"\\ud800"', "lone_surrogate"],
    ["a lone low surrogate", '"x\\udc00"', "lone_surrogate"],
  ])("%s in an answer is a 422 naming where, in the caller's language, nothing stored", async (_, text, code) => {
    const before = await count();
    const body = `{"id":"${crypto.randomUUID()}","data":{"level":"社会组织","suggestions":${text}}}`;
    const res = await problemOf(await submit(body, { "accept-language": "en" }));
    expect(res.status).toBe(422);
    expect(res.type).toContain("application/problem+json");
    expect(res.body.errors).toEqual([expect.objectContaining({ question: "data.suggestions", code })]);
    expect(res.body.detail).toMatch(/data\.suggestions/);
    expect((await problemOf(await submit(body, { "accept-language": "zh-CN" }))).body.detail).toMatch(/data\.suggestions 处/);
    expect(await count()).toBe(before);
  });

  it("in a key, in a questionnaire, an analysis and a report body alike", async () => {
    const before = await versions();
    const questionnaire = await problemOf(await send("/api/surveys", `{"name":"nul","json":{"elements":[{"type":"text","name":"q\\u0000"}]}}`));
    expect(questionnaire.status).toBe(422);
    expect(questionnaire.body.errors?.[0].question).toBe("json.elements[0].name");
    expect(await versions()).toBe(before);
    const analysis = await problemOf(await send("/api/surveys/small/analysis/frequencies", `{"question":"level","filter":{"question":"level","in":["\\ud800"]}}`));
    expect(analysis.status).toBe(422);
    expect(analysis.body.errors?.[0]).toMatchObject({ question: "filter.in[0]", code: "lone_surrogate" });
    const report = await problemOf(await send("/api/surveys/small/report", `{"title":"t\\u0000","analyses":[]}`));
    expect(report.status).toBe(422);
    const key = await problemOf(await submit(`{"id":"${crypto.randomUUID()}","data":{"le\\u0000vel":"市"}}`));
    expect(key.status).toBe(422);
    expect(key.body.errors?.[0].question).toBe("data.le\u0000vel");
  });
});

describe("numbers no version column holds", () => {
  it.each(["2147483648", "1e10", "1e400"])("version %s is a 4xx naming version, nothing stored", async (version) => {
    const before = await count();
    const res = await problemOf(await submit(`{"id":"${crypto.randomUUID()}","version":${version},"data":{"level":"市","main_problems":["经费不足"]}}`));
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.body.errors?.map((e) => e.question)).toContain("version");
    expect(await count()).toBe(before);
  });

  it("a response cap of 2147483648 is a 422", async () => {
    const res = await app.request("/api/surveys/small", { method: "PATCH", headers, body: JSON.stringify({ maxResponses: 2147483648 }) });
    expect(res.status).toBe(422);
  });
});

describe("nesting thousands deep", () => {
  it.each([
    ["a submission", "/api/surveys/small/responses", (deep: string) => `{"id":"${crypto.randomUUID()}","data":{"suggestions":${deep}}}`],
    ["a publication", "/api/surveys", (deep: string) => `{"name":"deep","json":{"elements":${deep}}}`],
    ["an analysis", "/api/surveys/small/analysis/crosstab", (deep: string) => `{"row":"level","column":"level","filter":${deep}}`],
    ["a report", "/api/surveys/small/report", (deep: string) => `{"title":"x","analyses":${deep}}`],
  ])("%s 5,000 levels deep is a 400 before anything hashes or checks it", async (_, path, body) => {
    const [before, beforeVersions] = [await count(), await versions()];
    const res = await problemOf(await send(path, body(nested(5000))));
    expect(res.status).toBe(400);
    expect(res.body.detailCode).toBe("http.tooDeep");
    expect([await count(), await versions()]).toEqual([before, beforeVersions]);
  });
});

describe("bodies that are not exactly JSON", () => {
  it("invalid UTF-8 is a 400, not silently replaced", async () => {
    const before = await count();
    const text = Buffer.from(`{"id":"${crypto.randomUUID()}","data":{"level":"社会组织","staff_count":1,"main_problems":["经费不足"],"suggestions":"ab"}}`);
    const bad = Buffer.concat([text.subarray(0, text.length - 5), Buffer.from([0xff, 0xfe]), text.subarray(text.length - 5)]);
    const res = await problemOf(await submit(bad));
    expect(res.status).toBe(400);
    expect(res.body.detailCode).toBe("http.invalidUtf8");
    expect(await count()).toBe(before);
    expect((await problemOf(await send("/api/surveys/small/analysis/frequencies", Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x3a, 0x31, 0x7d])))).status).toBe(400);
  });

  it("a key twice is a 400 naming the key and where", async () => {
    const before = await count();
    const res = await problemOf(await submit(`{"id":"${crypto.randomUUID()}","data":{"level":"市","main_problems":["经费不足"],"level":"社会组织"}}`, { "accept-language": "en" }));
    expect(res.status).toBe(400);
    expect(res.body.detail).toBe('The JSON object at data has the key "level" more than once.');
    expect(res.body.errors).toEqual([expect.objectContaining({ question: "data", code: "duplicate_key" })]);
    expect(await count()).toBe(before);
    const twice = await problemOf(await send("/api/surveys", '{"name":"a","name":"b","json":{}}'));
    expect(twice.status).toBe(400);
    expect(twice.body.detailCode).toBe("http.duplicateKey");
  });
});

describe("submissions only as JSON", () => {
  const body = () => JSON.stringify({ id: crypto.randomUUID(), data: good });
  it.each(["text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""])(
    "%s is a 415 problem, nothing stored",
    async (type) => {
      const before = await count();
      const res = await app.request("/api/surveys/small/responses", { method: "POST", headers: type ? { "content-type": type } : {}, body: body() });
      expect(res.status).toBe(415);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(((await res.json()) as { detailCode: string }).detailCode).toBe("http.jsonRequired");
      expect(await count()).toBe(before);
    },
  );

  it("application/json with a charset is fine", async () => {
    expect((await submit(body(), { "content-type": "application/json; charset=utf-8" })).status).toBe(201);
  });
});

describe("whole submission bodies, property-based", () => {
  const hostileString = fc.oneof(fc.string(), fc.constantFrom("\u0000", "a\u0000", "\ud800", "\udfff", "x\ud800y", "toString", "__proto__", "constructor", "=1+1", "社会组织"));
  const hostileNumber = fc.oneof(fc.integer(), fc.constantFrom(2147483648, 1e10, -1, 0, 1.5, 1e308, Number.MAX_SAFE_INTEGER));
  const leaf = fc.oneof(hostileString, hostileNumber, fc.boolean(), fc.constant(null));
  const value = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: "small" }, leaf, fc.array(tie("node"), { maxLength: 3 }), fc.dictionary(hostileString, tie("node"), { maxKeys: 3 })),
  })).node;
  const data = fc.oneof(
    fc.dictionary(fc.constantFrom("level", "staff_count", "main_problems", "suggestions", "main_problems-Comment", "toString", "__proto__"), value, { maxKeys: 5 }),
    value,
  );
  /** A body as text: sometimes nested far too deep, sometimes with a key twice. */
  const body = fc
    .record({
      id: fc.oneof(fc.uuid(), hostileString),
      data,
      complete: fc.option(fc.oneof(fc.boolean(), leaf), { nil: undefined }),
      version: fc.option(hostileNumber, { nil: undefined }),
      link: fc.option(hostileString, { nil: undefined }),
      invitation: fc.option(hostileString, { nil: undefined }),
    })
    .chain((fields) =>
      fc.constantFrom("plain", "deep", "twice").map((shape) => {
        const text = JSON.stringify(fields);
        if (shape === "deep") return text.replace(/^\{/, `{"deep":${nested(5000)},`);
        if (shape === "twice") return text.replace(/^\{/, '{"id":"x",');
        return text;
      }),
    );

  it("never answer 5xx, and store a row only when they are answered 201", async () => {
    await fc.assert(
      fc.asyncProperty(body, async (text) => {
        const before = await count();
        const res = await submit(text);
        expect(res.status, `${res.status} for ${text.slice(0, 300)}: ${await res.clone().text()}`).toBeLessThan(500);
        expect(res.headers.get("content-type")).toMatch(/^application\/(problem\+)?json/);
        expect(await count()).toBe(res.status === 201 ? before + 1 : before);
      }),
      { numRuns: 300, seed: 20261202 },
    );
  }, 240_000);
});
