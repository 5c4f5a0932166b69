/**
 * A survey's life: draft, open, closed, a closing time and a response cap. Refused
 * submissions store nothing and say why in the caller's language; a retry of a response
 * first sent while the survey was open is still a repeat.
 */
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { responses, surveys } from "../../src/db/schema/index.js";
import small from "../fixtures/small-survey.json" with { type: "json" };
import { signedInCookie } from "../helpers/accounts.js";
import { testApp } from "../helpers/app.js";
import { openTestDatabase, researcherHeaders } from "../helpers/database.js";

let database: Database;
let app: ReturnType<typeof testApp>;
let auth: Record<string, string>;

beforeAll(async () => {
  database = await openTestDatabase();
  app = testApp(database);
  auth = await researcherHeaders(database);
});
afterAll(async () => database.close());

const good = { level: "社会组织", staff_count: 12, main_problems: ["管理体制不顺畅", "创新动力不足"] };
const publish = (name: string, extra: Record<string, unknown> = {}) =>
  app.request("/api/surveys", { method: "POST", headers: auth, body: JSON.stringify({ name, json: small, ...extra }) });
const patch = (name: string, body: unknown) => app.request(`/api/surveys/${name}`, { method: "PATCH", headers: auth, body: JSON.stringify(body) });
const submit = (name: string, id: string, data: unknown = good, lang?: string) =>
  app.request(`/api/surveys/${name}/responses`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(lang ? { "accept-language": lang } : {}) },
    body: JSON.stringify({ id, data }),
  });
const stored = async (name: string) => {
  const [row] = await database.db.select({ n: count() }).from(responses).innerJoin(surveys, eq(surveys.id, responses.surveyId)).where(eq(surveys.name, name));
  return row.n;
};
const problem = async (res: Response) => (await res.json()) as { title: string; detail: string; detailCode: string; status: number };

describe("closing a survey", () => {
  it("refuses new responses with 403 naming the reason, and keeps a retry of an earlier one a repeat", async () => {
    expect((await publish("closing")).status).toBe(201);
    const early = crypto.randomUUID();
    expect((await submit("closing", early)).status).toBe(201);
    const closed = await patch("closing", { status: "closed" });
    expect(closed.status).toBe(200);
    expect(await closed.json()).toEqual({ name: "closing", status: "closed", closesAt: null, maxResponses: null, timeZone: "Asia/Shanghai", traditionalStandard: "tw" });

    const refused = await submit("closing", crypto.randomUUID());
    expect(refused.status).toBe(403);
    expect(refused.headers.get("content-type")).toContain("application/problem+json");
    expect(await problem(refused)).toMatchObject({ title: "禁止访问", detail: "问卷“closing”已关闭，不再接收答卷。", detailCode: "responses.surveyClosed" });
    expect((await problem(await submit("closing", crypto.randomUUID(), good, "en"))).detail).toBe("Survey 'closing' is closed and takes no more answers.");
    expect((await problem(await submit("closing", crypto.randomUUID(), good, "zh-TW"))).detail).toBe("問卷「closing」已關閉，不再接收答卷。");

    const retry = await submit("closing", early);
    expect(retry.status).toBe(200);
    expect(await retry.json()).toMatchObject({ id: early, outcome: "repeat" });
    // The same id with other answers is not a retry: refused, and the first answers stand.
    expect((await submit("closing", early, { ...good, staff_count: 13 })).status).toBe(403);
    expect(await stored("closing")).toBe(1);

    expect((await patch("closing", { status: "open" })).status).toBe(200);
    expect((await submit("closing", crypto.randomUUID())).status).toBe(201);
  });

  it("stops at the closing time", async () => {
    await publish("deadline");
    expect((await patch("deadline", { closesAt: "2026-01-01T18:00:00+08:00" })).status).toBe(200);
    const res = await submit("deadline", crypto.randomUUID());
    expect(res.status).toBe(403);
    expect(await problem(res)).toMatchObject({ detail: "问卷“deadline”已于 2026-01-01 18:00 UTC+8 截止，不再接收答卷。", detailCode: "responses.surveyPastClosing" });
    expect((await patch("deadline", { closesAt: "2999-01-01T00:00:00Z" })).status).toBe(200);
    expect((await submit("deadline", crypto.randomUUID())).status).toBe(201);
    expect((await patch("deadline", { closesAt: null })).status).toBe(200);
  });

  it("takes no more than its cap, counting each response id once", async () => {
    await publish("capped");
    expect(await (await patch("capped", { maxResponses: 2 })).json()).toMatchObject({ maxResponses: 2, status: "open" });
    const first = crypto.randomUUID();
    expect((await submit("capped", first)).status).toBe(201);
    // Two at once for the last place: exactly one gets it.
    const race = await Promise.all([submit("capped", crypto.randomUUID()), submit("capped", crypto.randomUUID())]);
    expect(race.map((r) => r.status).sort()).toEqual([201, 403]);
    const full = race.find((r) => r.status === 403)!;
    expect(await problem(full)).toMatchObject({ detailCode: "responses.surveyFull" });
    expect((await submit("capped", first)).status).toBe(200);
    expect(await stored("capped")).toBe(2);
  });

  it("starts a survey as a draft when asked, answerable only once opened", async () => {
    expect((await publish("drafted", { status: "draft" })).status).toBe(201);
    const res = await submit("drafted", crypto.randomUUID());
    expect(res.status).toBe(403);
    expect((await problem(res)).detailCode).toBe("responses.surveyDraft");
    const listed = (await (await app.request("/api/surveys", { headers: auth })).json()) as { surveys: { name: string; status: string }[] };
    expect(listed.surveys.find((s) => s.name === "drafted")?.status).toBe("draft");
    // Publishing a new version leaves the survey's life alone.
    const v2 = await app.request("/api/surveys", { method: "POST", headers: auth, body: JSON.stringify({ name: "drafted", json: { ...small, title: "改过的" } }) });
    expect(await v2.json()).toMatchObject({ version: 2, created: true });
    const again = (await (await app.request("/api/surveys", { headers: auth })).json()) as { surveys: { name: string; status: string }[] };
    expect(again.surveys.find((s) => s.name === "drafted")?.status).toBe("draft");
    await patch("drafted", { status: "open" });
    expect((await submit("drafted", crypto.randomUUID())).status).toBe(201);
  });

  it("keeps the survey's Traditional standard, Taiwan's until changed", async () => {
    const set = await patch("closing", { traditionalStandard: "hk" });
    expect(set.status).toBe(200);
    expect(await set.json()).toMatchObject({ name: "closing", traditionalStandard: "hk" });
    const list = (await (await app.request("/api/surveys", { headers: auth })).json()) as { surveys: { name: string; traditionalStandard: string }[] };
    expect(list.surveys.find((s) => s.name === "closing")?.traditionalStandard).toBe("hk");
    expect((await patch("closing", { traditionalStandard: "tw" })).status).toBe(200);
  });

  it("refuses a change it cannot make", async () => {
    expect((await patch("closing", { status: "paused" })).status).toBe(422);
    expect((await patch("closing", { maxResponses: 0 })).status).toBe(422);
    expect((await patch("closing", { closesAt: "tomorrow" })).status).toBe(422);
    const standard = await app.request("/api/surveys/closing", {
      method: "PATCH",
      headers: { ...auth, "accept-language": "zh-TW" },
      body: JSON.stringify({ traditionalStandard: "mo" }),
    });
    expect(standard.status).toBe(422);
    expect(((await standard.json()) as { errors: unknown[] }).errors).toEqual([expect.objectContaining({ question: "traditionalStandard", message: "「mo」不是 tw、hk 之一" })]);
    expect((await patch("nowhere", { status: "closed" })).status).toBe(404);
    expect((await app.request("/api/surveys/closing", { method: "PATCH", headers: { "content-type": "application/json" }, body: "{}" })).status).toBe(401);
  });
});

describe("the respondent page of a survey that takes no answers", () => {
  it("says so in the respondent's language, and keeps a draft from the public", async () => {
    await publish("page-closed");
    await patch("page-closed", { status: "closed" });
    const zh = await app.request("/s/page-closed");
    expect(zh.status).toBe(200);
    const html = await zh.text();
    expect(html).toContain("小型测试问卷");
    expect(html).toContain("本问卷已结束收集");
    expect(html).not.toContain("dj-survey");
    expect(await (await app.request("/s/page-closed", { headers: { "accept-language": "zh-TW" } })).text()).toContain("本問卷已結束收集");
    expect(await (await app.request("/s/page-closed?lang=en")).text()).toContain("This survey has closed.");

    await publish("page-draft", { status: "draft" });
    const draft = await app.request("/s/page-draft");
    expect(draft.status).toBe(403);
    expect(await draft.text()).toContain("尚未开放填写");
  });

  it("shows a draft's page to a signed-in member as a preview, and to no one else", async () => {
    await publish("preview-draft", { status: "draft" });
    const admin = await signedInCookie(app, database, "preview-admin", { admin: true });
    const stranger = await signedInCookie(app, database, "preview-stranger");
    const seen = await app.request("/s/preview-draft?lang=en", { headers: { cookie: admin } });
    expect(seen.status).toBe(200);
    const html = await seen.text();
    expect(html).toContain("dj-survey-root");
    expect(html).toContain("Preview of a draft");
    expect((await app.request("/s/preview-draft", { headers: { cookie: stranger } })).status).toBe(403);
    // The preview stores nothing: a draft takes no answers, whoever sends them.
    expect((await submit("preview-draft", crypto.randomUUID())).status).toBe(403);
  });
});
