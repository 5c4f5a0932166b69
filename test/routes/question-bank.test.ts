import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { createUser } from "../../src/services/accounts/users.js";
import { createToken } from "../../src/services/tokens.js";
import { testApp } from "../helpers/app.js";
import { openTestDatabase } from "../helpers/database.js";

let database: Database;
let app: ReturnType<typeof testApp>;
const headers: Record<"alice" | "bob" | "viewer" | "stranger", Record<string, string>> = { alice: {}, bob: {}, viewer: {}, stranger: {} };

async function tokenFor(login: string) {
  const user = await createUser(database.db, { login, name: login, password: "correct horse battery" });
  const { token } = await createToken(database.db, login, user.id);
  return { authorization: `Bearer ${token}`, "content-type": "application/json" };
}

const questionnaire = (title: string, extra: object = {}) => ({ title: "问卷", elements: [{ type: "radiogroup", name: "cover", title, choices: ["有", "无"], ...extra }] });

async function publish(who: Record<string, string>, name: string, json: object) {
  const res = await app.request("/api/surveys", { method: "POST", headers: who, body: JSON.stringify({ name, json }) });
  expect([200, 201]).toContain(res.status);
}

beforeAll(async () => {
  database = await openTestDatabase();
  app = testApp(database);
  for (const who of ["alice", "bob", "viewer", "stranger"] as const) headers[who] = await tokenFor(who);
  await publish(headers.alice, "alice-survey", questionnaire("社区党组织覆盖（旧题）"));
  // The bank reads the current version only.
  await publish(headers.alice, "alice-survey", questionnaire("社区党组织覆盖情况"));
  await publish(headers.bob, "bob-survey", questionnaire("保密题目 XYZZY", { visibleIf: "{secret} = 1" }));
  const member = await app.request("/api/surveys/alice-survey/members/viewer", { method: "PUT", headers: headers.alice, body: JSON.stringify({ role: "viewer", unit: null }) });
  expect(member.status).toBe(200);
});
afterAll(async () => database.close());

type Found = { source: { kind: string; id: string; title: Record<string, string> }; name: string; type: string; title: Record<string, string>; element: Record<string, unknown> };

async function search(who: Record<string, string>, query: string) {
  const res = await app.request(`/api/question-bank?${query}`, { headers: who });
  expect(res.status).toBe(200);
  return ((await res.json()) as { results: Found[] }).results;
}
const where = (results: Found[]) => results.map((r) => `${r.source.kind}:${r.source.id}:${r.name}`);

describe("search", () => {
  it("finds the reference question by 管理体制 among the shipped questionnaires", async () => {
    const results = await search(headers.stranger, `q=${encodeURIComponent("管理体制")}`);
    expect(where(results)).toEqual(["shipped:dangjian-innovation-2023:main_problems"]);
    expect(results[0]?.source.title.en).toBe("Questionnaire on Innovation in Party Building in Social Organisations");
    expect(results[0]?.title["zh-Hans"]).toBe("您认为，社会组织党建工作创新需要破解的主要问题是什么？（最多选三项）");
    expect(results[0]?.element.choices).toHaveLength(9);
    expect(results[0]?.element.validators).toEqual([{ type: "answercount", maxCount: 3, text: expect.any(Object) }]);
  });

  it("finds a title written only in Simplified characters by a Traditional query, in the current version", async () => {
    const results = await search(headers.alice, `q=${encodeURIComponent("社區黨組織")}`);
    expect(where(results)).toEqual(["survey:alice-survey:cover"]);
    expect(results[0]?.title).toEqual({ "zh-Hans": "社区党组织覆盖情况", "zh-Hant": "社区党组织覆盖情况", en: "社区党组织覆盖情况" });
    expect(await search(headers.alice, `q=${encodeURIComponent("旧题")}`)).toEqual([]);
  });

  it("shows a member the surveys they can read, and never a survey they are no member of", async () => {
    expect(where(await search(headers.viewer, `q=${encodeURIComponent("覆盖情况")}`))).toEqual(["survey:alice-survey:cover"]);
    expect(await search(headers.viewer, "q=XYZZY")).toEqual([]);
    expect(await search(headers.alice, "q=XYZZY")).toEqual([]);
    expect(where(await search(headers.bob, "q=xyzzy"))).toEqual(["survey:bob-survey:cover"]);
    const all = where(await search(headers.stranger, ""));
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((entry) => entry.startsWith("shipped:"))).toBe(true);
  });

  it("searches one language's titles when asked", async () => {
    expect(where(await search(headers.stranger, "q=your%20city&lang=en"))).toEqual(["shipped:dangjian-innovation-2023:city"]);
    expect(await search(headers.stranger, "q=your%20city&lang=zh-Hant")).toEqual([]);
  });

  it("answers 400 for an unknown language and 401 without credentials", async () => {
    const bad = await app.request("/api/question-bank?q=a&lang=fr", { headers: { ...headers.alice, "accept-language": "zh-TW" } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: { question: string }[] }).errors.map((e) => e.question)).toEqual(["lang"]);
    expect((await app.request("/api/question-bank?q=a")).status).toBe(401);
  });
});

describe("insert", () => {
  const insert = (body: unknown, extra: Record<string, string> = {}) =>
    app.request("/api/question-bank/insert", { method: "POST", headers: { ...headers.alice, ...extra }, body: JSON.stringify(body) });

  it("inserts a found question renamed, its logic following, and names what the draft lacks", async () => {
    const [found] = await search(headers.bob, "q=xyzzy");
    const draft = { pages: [{ name: "p1", elements: [{ type: "text", name: "cover" }] }] };
    const res = await insert({ json: draft, element: { ...found?.element, enableIf: "{cover} notempty" }, page: "p1" });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { json: { pages: { elements: { name: string; enableIf?: string }[] }[] }; name: string; renamed: unknown; dangling: string[] };
    expect(body.name).toBe("cover_2");
    expect(body.renamed).toEqual([{ from: "cover", to: "cover_2" }]);
    expect(body.dangling).toEqual(["secret"]);
    expect(body.json.pages[0]?.elements.map((e) => e.name)).toEqual(["cover", "cover_2"]);
    expect(body.json.pages[0]?.elements[1]?.enableIf).toBe("{cover_2} notempty");
  });

  it("answers 422 naming the page that does not exist, in the caller's language, and the element that is not one", async () => {
    const res = await insert({ json: { pages: [] }, element: { type: "text", name: "q" }, page: "第二页" }, { "accept-language": "zh-TW" });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { detail: string; errors: { question: string; message: string }[] };
    expect(body.detail).toBe("無法在該處插入題目，問卷未作任何變更。");
    expect(body.errors).toEqual([{ question: "page", code: "unknown_page", message: "問卷中沒有名為「第二页」的頁面。" }]);
    const noName = await insert({ json: {}, element: { type: "text" } }, { "accept-language": "en" });
    expect(noName.status).toBe(422);
    expect(((await noName.json()) as { errors: { question: string }[] }).errors.map((e) => e.question)).toEqual(["element"]);
    const noBody = await insert({ element: [] });
    expect(noBody.status).toBe(422);
    expect(((await noBody.json()) as { errors: { question: string }[] }).errors.map((e) => e.question).sort()).toEqual(["element", "json"]);
  });

  it("needs a signed-in researcher", async () => {
    const res = await app.request("/api/question-bank/insert", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ json: {}, element: {} }),
    });
    expect(res.status).toBe(401);
  });
});
