/**
 * Collection links: made, listed, closed and opened again by researchers; their QR codes and
 * the printable sheet of cards; submissions through a link record its unit, and an unknown
 * or closed link is a 422 naming `link` with nothing stored.
 */
import { count, eq } from "drizzle-orm";
import jsqr from "jsqr";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { responses, surveys } from "../../src/db/schema/index.js";
import small from "../fixtures/small-survey.json" with { type: "json" };
import { testApp } from "../helpers/app.js";
import { openTestDatabase, researcherHeaders } from "../helpers/database.js";
import { decodePng } from "../render/decode-png.js";

let database: Database;
let app: ReturnType<typeof testApp>;
let auth: Record<string, string>;

beforeAll(async () => {
  database = await openTestDatabase();
  app = testApp(database);
  auth = await researcherHeaders(database);
});
afterAll(async () => database.close());

const ORIGIN = "http://survey.example.cn";
const good = { level: "社会组织", staff_count: 12, main_problems: ["管理体制不顺畅", "创新动力不足"] };

interface LinkBody {
  code: string;
  url: string;
  unit: string;
  label: string | null;
  expected: number | null;
  closedAt: string | null;
  responses?: number;
}
interface Problem {
  status: number;
  detail: string;
  errors?: { question: string; code?: string; message: string }[];
}

const publish = (name: string) => app.request("/api/surveys", { method: "POST", headers: auth, body: JSON.stringify({ name, json: small }) });
const makeLink = (name: string, body: unknown, lang?: string) =>
  app.request(`${ORIGIN}/api/surveys/${name}/links`, { method: "POST", headers: { ...auth, ...(lang ? { "accept-language": lang } : {}) }, body: JSON.stringify(body) });
const newLink = async (name: string, body: unknown) => {
  const res = await makeLink(name, body);
  expect(res.status).toBe(201);
  return (await res.json()) as LinkBody;
};
const submit = (name: string, body: Record<string, unknown>) =>
  app.request(`/api/surveys/${name}/responses`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
const stored = async (name: string) => {
  const [row] = await database.db.select({ n: count() }).from(responses).innerJoin(surveys, eq(surveys.id, responses.surveyId)).where(eq(surveys.name, name));
  return row.n;
};
const unitOf = async (id: string) => (await database.db.select({ unit: responses.unit }).from(responses).where(eq(responses.id, id)))[0]?.unit;

describe("making and listing links", () => {
  it("makes a link per unit with a short random code and the respondent page's url", async () => {
    expect((await publish("links-make")).status).toBe(201);
    const link = await newLink("links-make", { unit: "  朝阳区 ", label: "区委组织部", expected: 120 });
    expect(link).toMatchObject({ unit: "朝阳区", label: "区委组织部", expected: 120, closedAt: null });
    expect(link.code).toMatch(/^[a-z2-9]{10}$/);
    expect(link.url).toBe(`${ORIGIN}/s/links-make?c=${link.code}`);
    const other = await newLink("links-make", { unit: "海淀区" });
    expect(other).toMatchObject({ unit: "海淀区", label: null, expected: null });
    expect(other.code).not.toBe(link.code);

    const list = await app.request(`${ORIGIN}/api/surveys/links-make/links`, { headers: auth });
    expect(list.status).toBe(200);
    const { links } = (await list.json()) as { links: LinkBody[] };
    expect(links.map((l) => [l.unit, l.responses])).toEqual([
      ["海淀区", 0],
      ["朝阳区", 0],
    ]);
  });

  it("needs a researcher token and a survey that exists", async () => {
    await publish("links-auth");
    const res = await app.request("/api/surveys/links-auth/links", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ unit: "甲" }) });
    expect(res.status).toBe(401);
    expect((await app.request("/api/surveys/links-auth/links")).status).toBe(401);
    expect((await makeLink("no-such-survey", { unit: "甲" })).status).toBe(404);
    expect((await app.request("/api/surveys/links-auth/links/abcdefghij/qr.png", { headers: auth })).status).toBe(404);
  });

  it.each([
    ["an empty unit", { unit: "   " }, "unit"],
    ["a unit over 100 characters", { unit: "区".repeat(101) }, "unit"],
    ["a NUL in the unit", { unit: "朝阳\u0000区" }, "unit"],
    ["a lone surrogate in the unit", { unit: "朝阳\uD83D区" }, "unit"],
    ["a lone low surrogate in the label", { unit: "朝阳区", label: "\uDE00" }, "label"],
    ["a negative expected count", { unit: "朝阳区", expected: -1 }, "expected"],
  ])("refuses %s with a 422 naming the field", async (_what, body, field) => {
    await publish("links-refuse");
    const res = await makeLink("links-refuse", body, "en");
    expect(res.status).toBe(422);
    const problem = (await res.json()) as Problem;
    expect(problem.errors?.map((e) => e.question)).toEqual([field]);
  });

  it("keeps any other Unicode as typed: emoji, Traditional characters, a 100-character unit", async () => {
    await publish("links-unicode");
    expect((await newLink("links-unicode", { unit: "臺北市😀" })).unit).toBe("臺北市😀");
    expect((await newLink("links-unicode", { unit: "😀".repeat(100) })).unit).toBe("😀".repeat(100));
  });

  it("closes a link and opens it again", async () => {
    await publish("links-close");
    const link = await newLink("links-close", { unit: "东城区" });
    const close = await app.request(`${ORIGIN}/api/surveys/links-close/links/${link.code}`, { method: "PATCH", headers: auth, body: JSON.stringify({ closed: true }) });
    expect(close.status).toBe(200);
    const closed = (await close.json()) as LinkBody;
    expect(closed.closedAt).toEqual(expect.any(String));
    expect(closed.url).toBe(link.url);
    const reopen = await app.request(`/api/surveys/links-close/links/${link.code}`, { method: "PATCH", headers: auth, body: JSON.stringify({ closed: false }) });
    expect(((await reopen.json()) as LinkBody).closedAt).toBeNull();
    const missing = await app.request("/api/surveys/links-close/links/zzzzzzzzzz", { method: "PATCH", headers: auth, body: JSON.stringify({ closed: true }) });
    expect(missing.status).toBe(404);
  });
});

describe("QR codes and cards", () => {
  it("gives the link's QR code as a PNG that decodes to its url", async () => {
    await publish("links-qr");
    const link = await newLink("links-qr", { unit: "西城区" });
    const res = await app.request(`${ORIGIN}/api/surveys/links-qr/links/${link.code}/qr.png`, { headers: auth });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const image = decodePng(bytes);
    const code = jsqr.default(new Uint8ClampedArray(image.data), image.width, image.height);
    expect(code?.data).toBe(link.url);
  });

  it("gives it as SVG", async () => {
    await publish("links-svg");
    const link = await newLink("links-svg", { unit: "西城区" });
    const res = await app.request(`/api/surveys/links-svg/links/${link.code}/qr.svg`, { headers: auth });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("image/svg+xml");
    const text = await res.text();
    expect(text).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(text).toContain("<path");
    expect(text).not.toMatch(/<script/i);
  });

  it("prints a sheet of cards for the open links, with every typed text escaped and no script", async () => {
    await publish("links-cards");
    const evil = "<img src=x onerror=alert(1)>";
    await newLink("links-cards", { unit: evil, label: `"><script>alert(2)</script>`, expected: 30 });
    await newLink("links-cards", { unit: "朝阳区" });
    const gone = await newLink("links-cards", { unit: "已关闭的单位" });
    await app.request(`/api/surveys/links-cards/links/${gone.code}`, { method: "PATCH", headers: auth, body: JSON.stringify({ closed: true }) });

    const res = await app.request(`${ORIGIN}/api/surveys/links-cards/links/cards`, { headers: auth });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).not.toContain("<img");
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("&#60;img src=x onerror=alert(1)&#62;");
    expect(html).toContain("朝阳区");
    expect(html).not.toContain("已关闭的单位");
    expect(html.match(/<section class="card">/g)).toHaveLength(2);
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain("<title>收集链接：小型测试问卷</title>");
    expect(html).toContain("应收答卷：30 份");
    expect(html).toContain(`${ORIGIN}/s/links-cards?c=`);
  });

  it("speaks the request's language", async () => {
    await publish("links-cards-lang");
    await newLink("links-cards-lang", { unit: "臺北市" });
    const hant = await (await app.request("/api/surveys/links-cards-lang/links/cards?lang=zh-Hant", { headers: auth })).text();
    expect(hant).toContain('<html lang="zh-TW">');
    expect(hant).toContain("<title>收集連結：小型測試問卷</title>");
    expect(hant).toContain("掃描");
    const en = await (await app.request("/api/surveys/links-cards-lang/links/cards", { headers: { ...auth, "accept-language": "en" } })).text();
    expect(en).toContain("<title>Collection links: Small test questionnaire</title>");
  });
});

describe("submitting through a link", () => {
  it("records the link's unit on the response and counts it for the link", async () => {
    await publish("links-submit");
    const link = await newLink("links-submit", { unit: "朝阳区" });
    const id = crypto.randomUUID();
    const res = await submit("links-submit", { id, data: good, link: link.code });
    expect(res.status).toBe(201);
    expect(await unitOf(id)).toBe("朝阳区");
    const plain = crypto.randomUUID();
    expect((await submit("links-submit", { id: plain, data: good })).status).toBe(201);
    expect(await unitOf(plain)).toBeNull();

    // The same id and body again is a repeat; the same id through no link or another link is a conflict.
    expect((await submit("links-submit", { id, data: good, link: link.code })).status).toBe(200);
    const other = await newLink("links-submit", { unit: "海淀区" });
    expect((await submit("links-submit", { id, data: good, link: other.code })).status).toBe(409);
    expect((await submit("links-submit", { id, data: good })).status).toBe(409);
    expect(await unitOf(id)).toBe("朝阳区");

    const { links } = (await (await app.request("/api/surveys/links-submit/links", { headers: auth })).json()) as { links: LinkBody[] };
    expect(links.map((l) => [l.unit, l.responses])).toEqual([
      ["海淀区", 0],
      ["朝阳区", 1],
    ]);
    const page = (await (await app.request("/api/surveys/links-submit/responses", { headers: auth })).json()) as { items: { id: string; unit: string | null }[] };
    expect(page.items.find((r) => r.id === id)?.unit).toBe("朝阳区");
  });

  it("refuses an unknown link with a 422 naming link, and stores nothing", async () => {
    await publish("links-unknown");
    const res = await submit("links-unknown", { id: crypto.randomUUID(), data: good, link: "nosuchcode" });
    expect(res.status).toBe(422);
    const problem = (await res.json()) as Problem;
    expect(problem.errors).toEqual([{ question: "link", code: "unknown_link", message: "本问卷没有这个收集链接" }]);
    // Another survey's link is unknown here too.
    await publish("links-elsewhere");
    const elsewhere = await newLink("links-elsewhere", { unit: "朝阳区" });
    expect((await submit("links-unknown", { id: crypto.randomUUID(), data: good, link: elsewhere.code })).status).toBe(422);
    expect(await stored("links-unknown")).toBe(0);
  });

  it("refuses a closed link with a 422 naming link, stores nothing, and keeps an earlier retry a repeat", async () => {
    await publish("links-closed");
    const link = await newLink("links-closed", { unit: "朝阳区" });
    const early = crypto.randomUUID();
    expect((await submit("links-closed", { id: early, data: good, link: link.code })).status).toBe(201);
    await app.request(`/api/surveys/links-closed/links/${link.code}`, { method: "PATCH", headers: auth, body: JSON.stringify({ closed: true }) });

    const res = await app.request("/api/surveys/links-closed/responses", {
      method: "POST",
      headers: { "content-type": "application/json", "accept-language": "en" },
      body: JSON.stringify({ id: crypto.randomUUID(), data: good, link: link.code }),
    });
    expect(res.status).toBe(422);
    const problem = (await res.json()) as Problem;
    expect(problem.errors).toEqual([{ question: "link", code: "closed_link", message: "this collection link is closed" }]);
    expect(problem.detail).toContain(link.code);
    expect((await submit("links-closed", { id: early, data: good, link: link.code })).status).toBe(200);
    expect(await stored("links-closed")).toBe(1);
  });
});

describe("the unit in analysis and exports", () => {
  const post = (name: string, kind: string, body: unknown) => app.request(`/api/surveys/${name}/analysis/${kind}`, { method: "POST", headers: auth, body: JSON.stringify(body) });
  let seeded = false;
  const seed = async () => {
    if (seeded) return;
    seeded = true;
    await publish("links-analysis");
    const chaoyang = await newLink("links-analysis", { unit: "朝阳区" });
    const haidian = await newLink("links-analysis", { unit: "海淀区" });
    const answers = [
      [chaoyang.code, { ...good, level: "市" }],
      [chaoyang.code, { ...good, level: "市" }],
      [chaoyang.code, { ...good, staff_count: 30 }],
      [haidian.code, { ...good, staff_count: 50 }],
      [undefined, { ...good, level: "市" }],
    ] as const;
    for (const [link, data] of answers) {
      const res = await submit("links-analysis", { id: crypto.randomUUID(), data, ...(link ? { link } : {}) });
      expect(res.status).toBe(201);
    }
  };

  it("counts only the filtered unit's responses in a frequency, and names the filter", async () => {
    await seed();
    const res = await post("links-analysis", "frequencies", { question: "level", filter: { unit: ["朝阳区"] } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { n: number; filter: unknown[]; categories: { value: string; count: number }[] };
    expect(body.n).toBe(3);
    expect(body.filter).toEqual([{ unit: ["朝阳区"], labels: ["朝阳区"] }]);
    const all = (await (await post("links-analysis", "frequencies", { question: "level" })).json()) as { n: number };
    expect(all.n).toBe(5);
    // With a question filter too: both must hold.
    const both = (await (
      await post("links-analysis", "frequencies", { question: "level", filter: [{ unit: ["朝阳区", "海淀区"] }, { question: "level", in: ["市"] }] })
    ).json()) as {
      n: number;
    };
    expect(both.n).toBe(2);
  });

  it("groups a numeric summary by unit; responses without a unit are missing", async () => {
    await seed();
    const res = await post("links-analysis", "numeric", { question: "staff_count", by: { unit: true } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { by: { name: string }; groups: { value: string; n: number; mean: number | null }[] };
    expect(body.by.name).toBe("unit");
    expect(body.groups.map((g) => [g.value, g.n, g.mean])).toEqual([
      ["朝阳区", 1, 30],
      ["海淀区", 1, 50],
    ]);
    const ratio = await post("links-analysis", "ratio", { numerator: "staff_count", denominator: "staff_count", by: { unit: true } });
    expect(ratio.status).toBe(200);
    const groups = ((await ratio.json()) as { groups: { value: string; ratio: number }[] }).groups;
    expect(groups.map((g) => [g.value, g.ratio])).toEqual([
      ["朝阳区", 1],
      ["海淀区", 1],
    ]);
  });

  it("cross-tabulates a question by unit, as a table and as a chart", async () => {
    await seed();
    const res = await post("links-analysis", "crosstab", { row: "level", column: { unit: true } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { column: { name: string }; columnLabels: string[]; rowCategories: { value: string }[]; counts: number[][] };
    expect(body.column.name).toBe("unit");
    expect(body.columnLabels).toEqual(["朝阳区", "海淀区"]);
    const byLevel = Object.fromEntries(body.rowCategories.map((c, i) => [c.value, body.counts[i]]));
    expect(byLevel["市"]).toEqual([2, 0]);
    expect(byLevel["社会组织"]).toEqual([1, 1]);
    const svg = await post("links-analysis", "crosstab", { row: "level", column: { unit: true }, format: "svg" });
    expect(svg.status).toBe(200);
    expect(await svg.text()).toContain("海淀区");
  });

  it("refuses an empty unit filter with a 422", async () => {
    await seed();
    expect((await post("links-analysis", "frequencies", { question: "level", filter: { unit: [] } })).status).toBe(422);
  });

  it("puts a unit column after the meta columns of the CSV export", async () => {
    await seed();
    const res = await app.request("/api/surveys/links-analysis/export?format=csv&labels=values", { headers: auth });
    expect(res.status).toBe(200);
    const lines = (await res.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r?\n/);
    const header = lines[0].split(",");
    expect(header.slice(0, 6)).toEqual(["response_id", "version", "complete", "created_at", "completed_at", "unit"]);
    const units = lines.slice(1).map((line) => line.split(",")[5]);
    expect(units.sort()).toEqual(["", "朝阳区", "朝阳区", "朝阳区", "海淀区"]);
    const codebook = (await (await app.request("/api/surveys/links-analysis/export/codebook?labels=zh-Hant", { headers: auth })).json()) as {
      variables: { variable: string; label: string }[];
    };
    expect(codebook.variables.find((v) => v.variable === "unit")?.label).toBe("收集單位");
  });
});
