/**
 * The "reference study" reproduction: the 2023 Beijing study's published figures
 * come out of the HTTP analysis API when its 1,812 demo questionnaires are loaded
 * through the real submission path (shared/domain.md).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoData } from "../../src/services/demo.js";
import { DEMO_TIMEOUT, openAnalysisDatabase, REFERENCE } from "../services/analysis/setup.js";

let env: Awaited<ReturnType<typeof openAnalysisDatabase>>;

beforeAll(async () => {
  env = await openAnalysisDatabase({ demo: true });
}, DEMO_TIMEOUT);
afterAll(async () => env?.database.close());

describe("the reference study's published figures through the API", () => {
  it("52.2 % chose 管理体制不顺畅 among the main problems: 946 of 1,812 respondents (multi-select, base = cases)", async () => {
    const res = await env.post(REFERENCE, "frequencies", { question: "main_problems" });
    expect(res.status).toBe(200);
    const r = res.body;
    const k = r.categories.findIndex((c: { value: string }) => c.value === "管理体制不顺畅");
    expect(r.kind).toBe("multiple");
    expect(r.n).toBe(1812);
    expect(r.counts[k]).toBe(946);
    expect(r.casePercent[k].toFixed(3)).toBe("0.522");
    expect(r.missing).toBe(0);
    expect(r.notAsked).toBe(0);
    // Percent of responses is of ticks, a different base that sums to 1.
    expect(r.mentions).toBeGreaterThan(1812);
    expect(r.responsePercent.reduce((s: number, v: number) => s + v, 0)).toBeCloseTo(1, 12);
    expect(r.ci[k].lower).toBeLessThan(0.522);
    expect(r.ci[k].upper).toBeGreaterThan(0.522);
    expect(r.base.casePercent).toContain("n = 1812");
  });

  it("39.6 % said several managing departments with unclear duties: 718 of 1,812 (single choice)", async () => {
    const res = await env.post(REFERENCE, "frequencies", { question: "multi_dept" });
    expect(res.status).toBe(200);
    const k = res.body.categories.findIndex((c: { value: string }) => c.value === "多个管理部门，职责不明确");
    expect(res.body.counts[k]).toBe(718);
    expect(res.body.n).toBe(1812);
    expect(res.body.casePercent[k].toFixed(3)).toBe("0.396");
  });

  it("party members are 10.4 % of staff: a ratio of totals Σ member_count / Σ staff_count", async () => {
    const res = await env.post(REFERENCE, "ratio", { numerator: "member_count", denominator: "staff_count" });
    expect(res.status).toBe(200);
    expect(res.body.ratio).toBeCloseTo(0.104, 12);
    expect(res.body.numeratorTotal / res.body.denominatorTotal).toBeCloseTo(0.104, 12);
    expect(res.body.se).toBeGreaterThan(0);
    expect(res.body.ci.lower).toBeLessThan(0.104);
    expect(res.body.ci.upper).toBeGreaterThan(0.104);
    // Department respondents never see the headcount questions; they are counted, not dropped.
    expect(res.body.n + res.body.missing).toBe(1812);
  });

  it("counts the 1,178 department respondents as not asked, not missing, for organisation questions", async () => {
    const res = await env.post(REFERENCE, "frequencies", { question: "org_type" });
    expect(res.status).toBe(200);
    expect(res.body.n).toBe(634);
    expect(res.body.notAsked).toBe(1178);
    expect(res.body.missing).toBe(0);
  });

  it("labels the published categories in Traditional Chinese and English on request", async () => {
    const hant = await env.post(REFERENCE, "frequencies", { question: "main_problems", lang: "zh-Hant" });
    expect(hant.body.labels[0]).toBe("管理體制不夠順暢");
    expect(hant.body.question.title).toContain("社會組織黨建工作創新");
    const en = await env.post(REFERENCE, "frequencies", { question: "main_problems", lang: "en" });
    expect(en.body.labels[0]).toBe("The management system is not smooth");
    expect(en.body.counts[0]).toBe(946);
  });
});

describe("loading the demo data again", () => {
  it(
    "adds nothing: every response comes back as a repeat of its fixed id",
    async () => {
      const again = await loadDemoData(env.db, env.checkers);
      expect(again).toEqual([
        { survey: REFERENCE, created: 0, repeated: 1812 },
        { survey: "org-coverage-census", created: 0, repeated: 196 },
      ]);
      const res = await env.post(REFERENCE, "frequencies", { question: "level" });
      expect(res.body.n).toBe(1812);
    },
    DEMO_TIMEOUT,
  );
});
