/**
 * Reports stored with a survey (issue 14): several per survey, saved with revisions (409 on a
 * stale save), checked against the questionnaire (422 naming the field, nothing stored), their
 * HTML page with Markdown made safe and data placeholders filled from the responses of now, the
 * bundle, roles (viewers read, writers write, strangers 404) and the revocable share link.
 */
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { createUser } from "../../src/services/accounts/users.js";
import type { Role } from "../../src/services/access/permissions.js";
import { createToken } from "../../src/services/tokens.js";
import small from "../fixtures/small-survey.json" with { type: "json" };
import { signedInCookie } from "../helpers/accounts.js";
import { testApp } from "../helpers/app.js";
import { openTestDatabase } from "../helpers/database.js";

let database: Database;
let app: ReturnType<typeof testApp>;
const h: Record<string, Record<string, string>> = {};
const cookies: Record<string, string> = {};

async function tokenFor(login: string, role?: Role) {
  const user = await createUser(database.db, { login, name: login, password: "correct horse battery" });
  const { token } = await createToken(database.db, login, user.id);
  if (role) await member(login, role);
  return { authorization: `Bearer ${token}`, "content-type": "application/json", "accept-language": "zh-Hans" };
}
async function member(login: string, role: Role) {
  const res = await app.request(`/api/surveys/small/members/${login}`, { method: "PUT", headers: h.owner, body: JSON.stringify({ role }) });
  expect(res.status).toBe(200);
}
const call = (method: string, path: string, who: Record<string, string>, body?: unknown) =>
  app.request(path, { method, headers: who, body: body === undefined ? undefined : JSON.stringify(body) });
const answer = (problems: string[]) => ({ level: "市", main_problems: problems });
async function respond(problems: string[]) {
  const res = await app.request("/api/surveys/small/responses", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ id: crypto.randomUUID(), data: answer(problems) }),
  });
  expect(res.status).toBe(201);
}

const frequencies = { type: "frequencies", question: "main_problems", title: "主要问题" };
const base = {
  title: "测试报告",
  lang: "zh-Hans",
  introduction: "## 概况\n\n共回收 {responses}，其中 {share:main_problems=管理体制不顺畅} 认为**管理体制不顺畅**（{count:main_problems=管理体制不顺畅} 人）。",
  analyses: [{ ...frequencies, note: "答题 {n:main_problems} 人。" }],
};

beforeAll(async () => {
  database = await openTestDatabase();
  app = testApp(database);
  h.owner = await tokenFor("owner");
  expect((await call("POST", "/api/surveys", h.owner, { name: "small", json: small })).status).toBe(201);
  h.analyst = await tokenFor("analyst", "analyst");
  h.editor = await tokenFor("editor", "editor");
  h.viewer = await tokenFor("viewer", "viewer");
  h.stranger = await tokenFor("stranger");
  cookies.reader = await signedInCookie(app, database, "reader");
  await member("reader", "viewer");
  cookies.outsider = await signedInCookie(app, database, "outsider");
  await respond(["管理体制不顺畅"]);
  await respond(["管理体制不顺畅", "经费不足"]);
  await respond(["经费不足"]);
}, 120_000);

afterAll(async () => {
  await database?.close();
});

describe("storing reports", () => {
  it("stores several reports per survey, each at revision 1, and lists them; a viewer reads them", async () => {
    const first = await call("POST", "/api/surveys/small/reports", h.analyst, base);
    expect(first.status).toBe(201);
    const made = (await first.json()) as { id: number; revision: number; definition: { title: string; lang: string }; shareToken: null };
    expect(made).toMatchObject({ revision: 1, shareToken: null, definition: { title: "测试报告", lang: "zh-Hans" } });
    // No title: the survey's, in the report's language; no analyses yet is a report being built.
    const second = await call("POST", "/api/surveys/small/reports", h.editor, { language: "en", analyses: [] });
    expect(second.status).toBe(201);
    expect(((await second.json()) as { definition: unknown }).definition).toMatchObject({ title: "Small test questionnaire", lang: "en", analyses: [] });
    const list = (await (await call("GET", "/api/surveys/small/reports", h.viewer)).json()) as { reports: { id: number; title: string; analyses: number }[] };
    expect(list.reports.map((r) => [r.title, r.analyses])).toEqual([
      ["测试报告", 1],
      ["Small test questionnaire", 0],
    ]);
    const read = await call("GET", `/api/surveys/small/reports/${made.id}`, h.viewer);
    expect(read.status).toBe(200);
    expect(((await read.json()) as { definition: { introduction: string } }).definition.introduction).toBe(base.introduction);
  });

  it("refuses a viewer's writes (403) and answers a stranger 404, without credentials 401", async () => {
    expect((await call("POST", "/api/surveys/small/reports", h.viewer, base)).status).toBe(403);
    expect((await call("GET", "/api/surveys/small/reports", h.stranger)).status).toBe(404);
    expect((await call("GET", "/api/surveys/small/reports/1", h.stranger)).status).toBe(404);
    expect((await call("GET", "/api/surveys/small/reports/1/html", h.stranger)).status).toBe(404);
    expect((await app.request("/api/surveys/small/reports")).status).toBe(401);
    expect((await call("PUT", "/api/surveys/small/reports/1", h.viewer, { definition: base, revision: 1 })).status).toBe(403);
    expect((await call("DELETE", "/api/surveys/small/reports/1", h.viewer)).status).toBe(403);
    expect((await call("POST", "/api/surveys/small/reports/1/share", h.viewer)).status).toBe(403);
  });

  it("answers 422 naming each bad field, in the caller's language, and stores nothing", async () => {
    const before = ((await (await call("GET", "/api/surveys/small/reports", h.owner)).json()) as { reports: unknown[] }).reports.length;
    const bad = {
      ...base,
      introduction: "{respones} and {share:main_problems}",
      analyses: [
        { ...frequencies, question: "no_such_question" },
        { ...frequencies, note: "{share:main_problems=不存在的选项} {count:suggestions=x}" },
        { ...frequencies, filter: { question: "nope", in: ["市"] } },
      ],
    };
    const res = await call("POST", "/api/surveys/small/reports", { ...h.analyst, "accept-language": "en" }, bad);
    expect(res.status).toBe(422);
    const body = (await res.json()) as { errors: { question: string; message: string }[] };
    expect(body.errors.map((e) => e.question).sort()).toEqual(["analyses.0.question", "analyses.2.filter.0.question"]);
    // The questions come first; with them right, the placeholders are checked.
    const res2 = await call("POST", "/api/surveys/small/reports", { ...h.analyst, "accept-language": "en" }, { ...bad, analyses: bad.analyses.slice(1, 2) });
    expect(res2.status).toBe(422);
    const body2 = (await res2.json()) as { errors: { question: string; message: string }[] };
    expect(body2.errors.map((e) => e.question)).toEqual(["introduction", "introduction", "analyses.0.note", "analyses.0.note"]);
    expect(body2.errors[0].message).toContain("{respones} is not a placeholder");
    expect(body2.errors[2].message).toContain("no such choice");
    expect(body2.errors[3].message).toContain("not a choice question");
    const zh = await call("POST", "/api/surveys/small/reports", h.analyst, { ...base, title: "" });
    expect(zh.status).toBe(422);
    expect(((await zh.json()) as { errors: { question: string }[] }).errors[0].question).toBe("title");
    const after = ((await (await call("GET", "/api/surveys/small/reports", h.owner)).json()) as { reports: unknown[] }).reports.length;
    expect(after).toBe(before);
  });

  it("saves over the loaded revision and refuses a stale save with 409, overwriting nothing", async () => {
    const made = (await (await call("POST", "/api/surveys/small/reports", h.analyst, base)).json()) as { id: number };
    const path = `/api/surveys/small/reports/${made.id}`;
    const saved = await call("PUT", path, h.analyst, { definition: { ...base, title: "改过的标题" }, revision: 1 });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ revision: 2, definition: { title: "改过的标题" } });
    const stale = await call("PUT", path, h.editor, { definition: { ...base, title: "旧的改动" }, revision: 1 });
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { errors: { question: string }[] }).errors[0].question).toBe("revision");
    const now = (await (await call("GET", path, h.viewer)).json()) as { revision: number; definition: { title: string } };
    expect(now).toMatchObject({ revision: 2, definition: { title: "改过的标题" } });
    const invalid = await call("PUT", path, h.analyst, { definition: { ...base, analyses: [{ ...frequencies, question: "nope" }] }, revision: 2 });
    expect(invalid.status).toBe(422);
    expect(((await (await call("GET", path, h.viewer)).json()) as { revision: number }).revision).toBe(2);
    expect((await call("PUT", "/api/surveys/small/reports/999999", h.analyst, { definition: base, revision: 1 })).status).toBe(404);
  });

  it("deletes a report: 204, then 404", async () => {
    const made = (await (await call("POST", "/api/surveys/small/reports", h.analyst, base)).json()) as { id: number };
    expect((await call("DELETE", `/api/surveys/small/reports/${made.id}`, h.analyst)).status).toBe(204);
    expect((await call("GET", `/api/surveys/small/reports/${made.id}`, h.analyst)).status).toBe(404);
    expect((await call("DELETE", `/api/surveys/small/reports/${made.id}`, h.analyst)).status).toBe(404);
  });
});

describe("the report's page and bundle", () => {
  it("fills its placeholders from the data of now: another response changes the text", async () => {
    const made = (await (await call("POST", "/api/surveys/small/reports", h.analyst, base)).json()) as { id: number };
    const page = async () => {
      const res = await call("GET", `/api/surveys/small/reports/${made.id}/html`, h.viewer);
      expect(res.status).toBe(200);
      return res.text();
    };
    const before = await page();
    expect(before).toContain("共回收 3 份问卷，其中 66.7% 认为<strong>管理体制不顺畅</strong>（2 人）。");
    expect(before).toContain("<h4>概况</h4>");
    expect(before).toContain("答题 3 人。");
    await respond(["管理体制不顺畅"]);
    const after = await page();
    expect(after).toContain("共回收 4 份问卷，其中 75.0% 认为<strong>管理体制不顺畅</strong>（3 人）。");
    expect(after).toContain("答题 4 人。");
  });

  it("shows raw HTML in the texts as text, and links only to http(s) addresses, under a CSP that runs no script", async () => {
    const hostile = {
      ...base,
      introduction:
        '<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n[bad](javascript:alert(3)) [worse](javascript:alert) [ok](https://example.org/a?b=1&c=2) [data](data:text/html,<b>x</b>) *<i>em</i>*',
      analyses: [{ ...frequencies, title: "<svg onload=alert(4)>", note: '- <iframe src="javascript:alert(5)">\n- `<b>code</b>`' }],
    };
    const made = (await (await call("POST", "/api/surveys/small/reports", h.analyst, hostile)).json()) as { id: number };
    const res = await call("GET", `/api/surveys/small/reports/${made.id}/html`, h.analyst);
    expect(res.status).toBe(200);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("sandbox");
    expect(csp).not.toContain("script-src");
    const html = await res.text();
    for (const raw of ["<script", "<img src=x", "<svg onload", "<iframe", 'href="javascript:', "<b>", "<i>", 'href="data:']) expect(html).not.toContain(raw);
    expect(html).toContain(" worse ");
    expect(html).toContain("&#60;script&#62;alert(1)&#60;/script&#62;");
    expect(html).toContain('<a href="https://example.org/a?b=1&#38;c=2" rel="noopener noreferrer">ok</a>');
    expect(html).toContain("<li><code>&#60;b&#62;code&#60;/b&#62;</code></li>");
    expect(html).toContain("<em>&#60;i&#62;em&#60;/i&#62;</em>");
  });

  it("says everything around the answers in the report's language: {responses} in English", async () => {
    const made = (await (
      await call("POST", "/api/surveys/small/reports", h.analyst, { ...base, lang: "en", introduction: "We received {responses}; {share:main_problems=经费不足} named funding." })
    ).json()) as {
      id: number;
    };
    const html = await (await call("GET", `/api/surveys/small/reports/${made.id}/html`, h.analyst)).text();
    expect(html).toContain('<html lang="en">');
    expect(html).toMatch(/We received \d+ questionnaires; \d+\.\d% named funding\./);
  });

  it("a report without analyses has no page yet: 422 naming analyses", async () => {
    const made = (await (await call("POST", "/api/surveys/small/reports", h.analyst, { title: "空", analyses: [] })).json()) as { id: number };
    const res = await call("GET", `/api/surveys/small/reports/${made.id}/html`, h.analyst);
    expect(res.status).toBe(422);
    expect(((await res.json()) as { errors: { question: string }[] }).errors[0].question).toBe("analyses");
  });

  it("answers the bundle as a zip of page, workbook, charts and definition; a viewer gets it too but no raw export", async () => {
    const made = (await (await call("POST", "/api/surveys/small/reports", h.analyst, base)).json()) as { id: number };
    const res = await call("GET", `/api/surveys/small/reports/${made.id}/bundle`, h.viewer);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const names = Object.keys(files).sort();
    expect(names).toEqual(["charts/01-main_problems.png", "charts/01-main_problems.svg", "charts/01-main_problems.vl.json", "definition.json", "report.html", "report.xlsx"]);
    expect([...files["charts/01-main_problems.png"].slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(strFromU8(files["report.html"])).toMatch(/共回收 \d+ 份问卷/);
    expect((await call("GET", "/api/surveys/small/export?format=csv", h.viewer)).status).toBe(403);
  });
});

describe("sharing a report", () => {
  it("makes a read-only address that signed-in members with viewer rights open, strangers do not, and revokes it", async () => {
    const made = (await (await call("POST", "/api/surveys/small/reports", h.analyst, base)).json()) as { id: number };
    const shared = await call("POST", `/api/surveys/small/reports/${made.id}/share`, h.analyst);
    expect(shared.status).toBe(200);
    const { token, path } = (await shared.json()) as { token: string; path: string };
    expect(path).toBe(`r/${token}`);
    // Sharing again keeps the address.
    expect(((await (await call("POST", `/api/surveys/small/reports/${made.id}/share`, h.owner)).json()) as { token: string }).token).toBe(token);
    expect(((await (await call("GET", `/api/surveys/small/reports/${made.id}`, h.viewer)).json()) as { shareToken: string }).shareToken).toBe(token);

    const page = await app.request(`/${path}`, { headers: { cookie: cookies.reader } });
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain("sandbox");
    expect(await page.text()).toContain("<h1>测试报告</h1>");
    expect((await app.request(`/${path}`, { headers: { cookie: cookies.outsider } })).status).toBe(404);
    const signedOut = await app.request(`/${path}`);
    expect(signedOut.status).toBe(303);
    expect(signedOut.headers.get("location")).toBe(`../login?next=${encodeURIComponent(path)}`);
    expect((await app.request("/r/not-a-token", { headers: { cookie: cookies.reader } })).status).toBe(404);

    expect((await call("DELETE", `/api/surveys/small/reports/${made.id}/share`, h.analyst)).status).toBe(204);
    expect((await app.request(`/${path}`, { headers: { cookie: cookies.reader } })).status).toBe(404);
  });
});

describe("a unit-scoped analyst", () => {
  it("sees the stored report over their unit's responses only, placeholders included", async () => {
    const link = (await (await call("POST", "/api/surveys/small/links", h.owner, { unit: "朝阳区" })).json()) as { code: string };
    const sent = await app.request("/api/surveys/small/responses", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ id: crypto.randomUUID(), link: link.code, data: answer(["经费不足"]) }),
    });
    expect(sent.status).toBe(201);
    const user = await createUser(database.db, { login: "unit-analyst", name: "unit-analyst", password: "correct horse battery" });
    const { token } = await createToken(database.db, "unit-analyst", user.id);
    const res = await call("PUT", "/api/surveys/small/members/unit-analyst", h.owner, { role: "analyst", unit: "朝阳区" });
    expect(res.status).toBe(200);
    const scoped = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    const made = (await (await call("POST", "/api/surveys/small/reports", h.owner, base)).json()) as { id: number };
    const mine = await (await call("GET", `/api/surveys/small/reports/${made.id}/html`, scoped)).text();
    expect(mine).toContain("共回收 1 份问卷，其中 0.0% 认为<strong>管理体制不顺畅</strong>（0 人）。");
    const all = await (await call("GET", `/api/surveys/small/reports/${made.id}/html`, h.owner)).text();
    expect(all).toContain("共回收 5 份问卷，其中 60.0% 认为<strong>管理体制不顺畅</strong>（3 人）。");
  });
});
