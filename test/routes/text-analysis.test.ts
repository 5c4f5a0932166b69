/**
 * POST /api/surveys/{name}/analysis/text and GET/PUT …/text/dictionary on a hand-counted
 * fixture: seven respondents of the small survey, five of whom wrote a suggestion. The
 * counts below were made by reading the answers, not by the code under test:
 *   经费不足   respondents 1 and 3 (1 writes it three times: still one respondent) → 2 of 5
 *   党建指导员 respondents 2 and 4 (4 in Traditional characters)                   → 2 of 5
 *   三会一课   respondents 2 and 5 (5 in an English sentence)                     → 2 of 5
 *   培训       respondents 2 and 3                                               → 2 of 5
 *   training   respondent 5                                                      → 1 of 5
 * Respondents 6 and 7 wrote nothing (missing 2). The "other" texts of main_problems:
 * respondents 1 and 2 (活动场地 in both).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { AnswerCheckers } from "../../src/services/answer-checkers.js";
import small from "../fixtures/small-survey.json" with { type: "json" };
import { testApp } from "../helpers/app.js";
import { openTestDatabase, researcherHeaders } from "../helpers/database.js";
import { submitAll } from "../services/analysis/setup.js";

let database: Database;
let app: ReturnType<typeof testApp>;
let headers: Record<string, string>;

const ANSWERS = [
  { level: "市", main_problems: ["经费不足", "other"], "main_problems-Comment": "缺少活动场地", suggestions: "经费不足，经费不足，还是经费不足。" },
  { level: "市", main_problems: ["other"], "main_problems-Comment": "活动场地太小", suggestions: "加强党建指导员培训，落实三会一课。" },
  { level: "区(县)", main_problems: ["管理体制不顺畅"], suggestions: "希望多开展培训，经费不足" },
  { level: "区(县)", main_problems: ["创新动力不足"], suggestions: "黨建指導員要常來" },
  { level: "社会组织", staff_count: 8, main_problems: ["有效覆盖不高"], suggestions: "More training on 三会一课" },
  { level: "社会组织", staff_count: 3, main_problems: ["有效覆盖不高"] },
  { level: "社会组织", staff_count: 5, main_problems: ["顶层设计不到位"] },
];

async function post(body: unknown, lang = "zh-Hans") {
  const res = await app.request(`/api/surveys/small/analysis/text?lang=${lang}`, { method: "POST", headers, body: JSON.stringify(body) });
  const type = res.headers.get("content-type") ?? "";
  return { status: res.status, type, body: type.includes("json") ? ((await res.json()) as any) : new Uint8Array(await res.arrayBuffer()), headers: res.headers };
}
const find = (list: any[], word: string) => list.find((w) => w.word === word);

beforeAll(async () => {
  database = await openTestDatabase();
  app = testApp(database);
  headers = await researcherHeaders(database);
  const created = await app.request("/api/surveys", { method: "POST", headers, body: JSON.stringify({ name: "small", json: small }) });
  expect(created.status).toBe(201);
  await submitAll(database.db, new AnswerCheckers(), "small", ANSWERS);
}, 60_000);
afterAll(async () => database?.close());

describe("keyword table", () => {
  it("counts respondents per word, not tokens, with their share of those who answered", async () => {
    const res = await post({ question: "suggestions" });
    expect(res.status).toBe(200);
    const r = res.body;
    expect(r.n).toBe(5);
    expect(r.missing).toBe(2);
    expect(r.notAsked).toBe(0);
    const expected: [string, number][] = [
      ["经费不足", 2],
      ["党建指导员", 2],
      ["三会一课", 2],
      ["培训", 2],
      ["training", 1],
    ];
    for (const [word, n] of expected) {
      expect(find(r.words, word), word).toMatchObject({ respondents: n, share: n / 5 });
    }
    // Ordered by respondents: the four words of two respondents come before any of one.
    expect(r.words.slice(0, 4).map((w: any) => w.respondents)).toEqual([2, 2, 2, 2]);
    expect(r.base).toContain("5");
  });

  it("gives example answers as written: Traditional stays Traditional, punctuation and all", async () => {
    const r = (await post({ question: "suggestions" })).body;
    expect(find(r.words, "党建指导员").examples.sort()).toEqual(["加强党建指导员培训，落实三会一课。", "黨建指導員要常來"].sort());
    expect(find(r.words, "经费不足").examples).toContain("经费不足，经费不足，还是经费不足。");
    expect((await post({ question: "suggestions", examples: 1 })).body.words[0].examples).toHaveLength(1);
  });

  it("lists two-word phrases by respondents too", async () => {
    const r = (await post({ question: "suggestions" })).body;
    expect(find(r.phrases, "党建指导员培训")).toMatchObject({ respondents: 1, share: 0.2 });
  });

  it("says the words in Traditional characters for a zh-Hant caller, counted as one word", async () => {
    const r = (await post({ question: "suggestions" }, "zh-Hant")).body;
    expect(find(r.words, "党建指导员")).toMatchObject({ display: "黨建指導員", respondents: 2 });
  });

  it("reads the 'other, please specify' texts of a choice question, by its name or as {name}-Comment", async () => {
    for (const question of ["main_problems", "main_problems-Comment"]) {
      const r = (await post({ question })).body;
      expect(r.n, question).toBe(2);
      expect(r.missing, question).toBe(5);
      expect(r.question.keys).toEqual(["main_problems-Comment"]);
    }
  });

  it("applies a filter and weights shares by post-stratification", async () => {
    const filtered = (await post({ question: "suggestions", filter: { question: "level", in: ["市"] } })).body;
    expect(filtered.n).toBe(2);
    expect(find(filtered.words, "经费不足").respondents).toBe(1);
    // Weights: 市 10/2 = 5 each, 区(县) 20/2 = 10 each, 社会组织 70/3 each; answered: 5+5+10+10+70/3.
    const weighted = (await post({ question: "suggestions", weight: { poststratify: { question: "level", population: { 市: 10, "区(县)": 20, 社会组织: 70 } } } })).body;
    expect(weighted.weighted).toBe(true);
    expect(weighted.weightedN).toBeCloseTo(30 + 70 / 3, 9);
    expect(find(weighted.words, "经费不足").share).toBeCloseTo(15 / (30 + 70 / 3), 12);
    expect(find(weighted.words, "经费不足").respondents).toBe(2);
  });

  it("with by: one entry per group with its answerers, keywords tested only past the minimum count", async () => {
    const r = (await post({ question: "suggestions", by: "level" })).body;
    expect(r.groups.map((g: any) => [g.value, g.n])).toEqual([
      ["市", 2],
      ["区(县)", 2],
      ["街道(乡镇)", 0],
      ["社区(村)", 0],
      ["社会组织", 1],
    ]);
    // No word is used by five respondents here: nothing is tested, so no group has keywords.
    expect(r.groups.every((g: any) => g.keywords.length === 0)).toBe(true);
    expect(r.keynessMethod).toContain("Holm");
  });

  it("keeps a term whole only while the dictionary has it", async () => {
    const put = async (terms: string[]) => app.request("/api/surveys/small/text/dictionary", { method: "PUT", headers, body: JSON.stringify({ terms }) });
    expect((await put(["经费不足"])).status).toBe(200);
    const without = (await post({ question: "suggestions" })).body;
    expect(find(without.words, "党建指导员")).toBeUndefined();
    expect(find(without.words, "指导员")).toMatchObject({ respondents: 2 });
    expect((await put(["三会一课", "党建指导员"])).status).toBe(200);
    expect(find((await post({ question: "suggestions" })).body.words, "党建指导员").respondents).toBe(2);
  });
});

describe("keyword charts and tables", () => {
  it("vega-lite bars of the top words, shares as data; a cloud of placed words that do not overlap", async () => {
    const bars = (await post({ question: "suggestions", format: "vega-lite" })).body;
    expect(bars.data.values.find((d: any) => d.word === "经费不足")).toMatchObject({ respondents: 2, share: 0.4 });
    const cloud = (await post({ question: "suggestions", format: "vega-lite", chart: "cloud" })).body;
    const words = cloud.data.values as { word: string; x: number; y: number; size: number }[];
    expect(words.map((w) => w.word)).toContain("党建指导员");
    expect(Math.max(...words.map((w) => w.size))).toBe(46);
  });

  it("renders PNG (bars and cloud) and SVG with the Chinese words as text", async () => {
    for (const chart of ["bars", "cloud"]) {
      const png = await post({ question: "suggestions", format: "png", chart, width: 600 });
      expect(png.status).toBe(200);
      expect(png.type).toBe("image/png");
      expect([...(png.body as Uint8Array).slice(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
    }
    const svg = await post({ question: "suggestions", format: "svg", chart: "cloud" });
    expect(new TextDecoder().decode(svg.body as Uint8Array)).toContain("党建指导员");
  });

  it("CSV: words, phrases and their example answers", async () => {
    const csv = new TextDecoder().decode((await post({ question: "suggestions", format: "csv" })).body as Uint8Array);
    expect(csv).toContain("经费不足,2,40.0%");
    expect(csv).toContain("黨建指導員要常來");
  });
});

describe("keyword table errors", () => {
  it("422 naming question for a question without open text, in the caller's language", async () => {
    for (const question of ["level", "staff_count"]) {
      const res = await post({ question });
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([expect.objectContaining({ question: "question", code: "not_open_text" })]);
      expect(res.body.detail).toContain("没有开放回答");
    }
    expect((await post({ question: "level" }, "en")).body.detail).toContain("has no open answers");
  });

  it("422 for an unknown question, a multi-select grouping, a bad top, PNG options without png", async () => {
    expect((await post({ question: "nope" })).body.errors[0].question).toBe("question");
    expect((await post({ question: "suggestions", by: "main_problems" })).body.errors[0].question).toBe("by");
    expect((await post({ question: "suggestions", top: 0 })).status).toBe(422);
    const png = await post({ question: "suggestions", scale: 2 });
    expect(png.status).toBe(422);
    expect(png.body.errors[0].question).toBe("scale");
  });

  it("404 for a survey that does not exist", async () => {
    const res = await app.request("/api/surveys/nope/analysis/text", { method: "POST", headers, body: JSON.stringify({ question: "suggestions" }) });
    expect(res.status).toBe(404);
  });
});

describe("dictionary", () => {
  it("starts from the shipped domain terms, then keeps what is saved, once per normal form", async () => {
    const fresh = await openTestDatabase();
    try {
      const freshApp = testApp(fresh);
      const h = await researcherHeaders(fresh);
      await freshApp.request("/api/surveys", { method: "POST", headers: h, body: JSON.stringify({ name: "small", json: small }) });
      const seeded = (await (await freshApp.request("/api/surveys/small/text/dictionary", { headers: h })).json()) as any;
      expect(seeded.stored).toBe(false);
      expect(seeded.terms).toEqual(expect.arrayContaining(["三会一课", "党建指导员", "枢纽型社会组织", "两新组织", "联合党组织"]));
      const saved = await freshApp.request("/api/surveys/small/text/dictionary", {
        method: "PUT",
        headers: h,
        body: JSON.stringify({ terms: [" 三会一课 ", "三會一課", "Hub", "hub"] }),
      });
      expect(saved.status).toBe(200);
      const body = (await saved.json()) as any;
      expect(body).toMatchObject({ terms: ["三会一课", "Hub"], stored: true, updatedBy: "test-admin" });
    } finally {
      await fresh.close();
    }
  });

  it("422 naming the bad term, nothing stored", async () => {
    const before = (await (await app.request("/api/surveys/small/text/dictionary", { headers })).json()) as any;
    const res = await app.request("/api/surveys/small/text/dictionary?lang=en", {
      method: "PUT",
      headers,
      body: JSON.stringify({ terms: ["三会一课", "   ", "a\nb", "x".repeat(41)] }),
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as any;
    expect(body.errors.map((e: any) => e.question)).toEqual(["terms.1", "terms.2", "terms.3"]);
    expect(body.errors[0].message).toContain("at least one character");
    const after = (await (await app.request("/api/surveys/small/text/dictionary", { headers })).json()) as any;
    expect(after.terms).toEqual(before.terms);
  });
});
