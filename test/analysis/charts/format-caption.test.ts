import { describe, expect, it } from "vitest";
import { crosstab } from "../../../analysis/index.js";
import {
  chartCaption,
  formatChiSquaredTest,
  formatP,
  formatPercent,
  formatRaoScottTest,
  formatStatistic,
  textWidthEm,
  truncateText,
  weightingText,
  wrapText,
  type ChartLang,
} from "../../../analysis/charts/index.js";

describe("APA formatting", () => {
  it("p-values: no leading zero, three decimals, < .001", () => {
    expect(formatP(0.0000446)).toBe("p < .001");
    expect(formatP(0.001)).toBe("p = .001");
    expect(formatP(0.0324)).toBe("p = .032");
    expect(formatP(0.5)).toBe("p = .500");
    expect(formatP(0.9996)).toBe("p > .999");
    expect(formatP(1)).toBe("p > .999");
  });
  it("never rounds a p below .05 up to .050", () => {
    expect(formatP(0.0496)).toBe("p = .049");
    expect(formatP(0.0504)).toBe("p = .050");
    expect(formatP(0.00996)).toBe("p = .009");
  });
  it("rejects what is not a probability", () => {
    expect(() => formatP(1.2)).toThrow(/formatP/);
    expect(() => formatP(Number.NaN)).toThrow(/formatP/);
  });
  it("statistics: two decimals below 10, one from 10", () => {
    expect(formatStatistic(42.517)).toBe("42.5");
    expect(formatStatistic(3.8415)).toBe("3.84");
    expect(formatPercent(0.52207)).toBe("52.2%");
  });
  it("χ² test as the issue spells it", () => {
    const tests = { pearson: { statistic: 42.51, df: 12, p: 2.1e-5 }, cramersV: 0.1531, fisher: null } as never;
    expect(formatChiSquaredTest(tests, "en")).toBe("χ²(12) = 42.5, p < .001, V = 0.15");
    expect(formatChiSquaredTest(tests, "zh-Hans")).toBe("χ²(12) = 42.5，p < .001，V = 0.15");
  });
  it("a 2×2 table adds Fisher's exact p", () => {
    const r = crosstab({
      rowLabels: ["是", "否"],
      columnLabels: ["市", "区"],
      counts: [
        [30, 10],
        [20, 40],
      ],
    });
    expect(formatChiSquaredTest(r.tests!, "en")).toMatch(/^χ²\(1\) = 16\.7, p < \.001, V = 0\.41, Fisher p < \.001$/);
  });
  it("Rao–Scott F with fractional degrees of freedom", () => {
    const rs = { F: 8.214, ndf: 3.6123, ddf: 6512.44, pF: 0.0321 } as never;
    expect(formatRaoScottTest(rs, "en")).toBe("Rao–Scott F(3.61, 6512.4) = 8.21, p = .032");
  });
});

describe("chartCaption", () => {
  const input = {
    question: "社会组织党建工作创新需要破解的主要问题",
    n: 1812,
    missing: 3,
    filter: "层级 ∈ {市, 区(县)}",
    test: "χ²(12) = 42.5，p < .001，V = 0.15",
    notes: ["数据来源：2023 年北京市调查"],
  };
  const expected: Record<ChartLang, string[]> = {
    "zh-Hans": ["有效样本 n = 1812（缺失 3）；筛选：层级 ∈ {市, 区(县)}；加权：事后分层加权", "检验：χ²(12) = 42.5，p < .001，V = 0.15", "数据来源：2023 年北京市调查"],
    "zh-Hant": ["有效樣本 n = 1812（缺失 3）；篩選：层级 ∈ {市, 区(县)}；加權：事後分層加權", "檢驗：χ²(12) = 42.5，p < .001，V = 0.15", "数据来源：2023 年北京市调查"],
    en: ["Base: n = 1,812 (missing 3); filter: 层级 ∈ {市, 区(县)}; weighting: post-stratified", "Test: χ²(12) = 42.5，p < .001，V = 0.15", "数据来源：2023 年北京市调查"],
  };
  for (const lang of ["zh-Hans", "zh-Hant", "en"] as const) {
    it(`states base, filter, weighting and test in ${lang}`, () => {
      const caption = chartCaption({ ...input, lang, weighting: weightingText("poststratify", lang) });
      expect(caption.lines).toEqual(expected[lang]);
      expect(caption.title).toBe(input.question);
      expect(caption.text.split("\n")).toEqual([input.question, ...expected[lang]]);
    });
  }
  it("says unweighted, no filter, and an untestable table", () => {
    expect(chartCaption({ lang: "zh-Hans", question: "q", n: 10, test: null }).lines).toEqual([
      "有效样本 n = 10；筛选：无（全部受访者）；未加权",
      "检验：无法检验（有效类别不足两个）",
    ]);
    expect(chartCaption({ lang: "en", question: "q", n: 10 }).lines).toEqual(["Base: n = 10; filter: none (all respondents); unweighted"]);
  });
  it("gives the weighted base beside n, or alone when n is unknown", () => {
    expect(chartCaption({ lang: "en", question: "q", n: 634, weightedN: 1608, weighting: "raked" }).lines[0]).toBe(
      "Base: n = 634 (weighted N = 1,608.0); filter: none (all respondents); weighting: raked",
    );
    expect(chartCaption({ lang: "zh-Hans", question: "q", n: null, weightedN: 1608.25 }).lines[0]).toMatch(/^有效样本 加权后 N = 1608\.3；/);
  });
  it("names the calibration when the caller gives no words", () => {
    expect(weightingText("rake", "zh-Hant")).toBe("多變量迭代加權（raking）");
    expect(weightingText("none", "en")).toBeNull();
    expect(weightingText(undefined, "en", "by org type")).toBe("by org type");
  });
});

describe("wrapping Chinese labels", () => {
  it("counts Han characters as one em and Latin letters as about half", () => {
    expect(textWidthEm("管理体制不顺畅")).toBe(7);
    expect(textWidthEm("abc")).toBeLessThan(2);
  });
  it("leaves a label that fits alone", () => {
    expect(wrapText("管理体制不顺畅", 10)).toEqual(["管理体制不顺畅"]);
  });
  it("breaks after a comma, never before closing punctuation", () => {
    expect(wrapText("多个管理部门，职责不明确", 8)).toEqual(["多个管理部门，", "职责不明确"]);
    for (const line of wrapText("党员数量少、流动性大、组织关系不在本单位", 6)) {
      expect(line).not.toMatch(/^[，、。；：）]/);
      expect(textWidthEm(line)).toBeLessThanOrEqual(6);
    }
  });
  it("balances lines", () => {
    const lines = wrapText("社会组织党建工作创新需要破解", 10);
    expect(lines).toHaveLength(2);
    expect(Math.abs(textWidthEm(lines[0]) - textWidthEm(lines[1]))).toBeLessThanOrEqual(2);
  });
  it("keeps Latin words whole", () => {
    const lines = wrapText("Private non-enterprise unit (social service agency)", 14);
    expect(lines.join(" ")).toBe("Private non-enterprise unit (social service agency)");
    for (const line of lines) expect(textWidthEm(line)).toBeLessThanOrEqual(14);
  });
  it("cuts what does not fit in the allowed lines with an ellipsis", () => {
    const lines = wrapText("掛靠或依託業務主管單位、樞紐型組織等的黨組織，以及其他各種各樣的形式", 8, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1].endsWith("…")).toBe(true);
    for (const line of lines) expect(textWidthEm(line)).toBeLessThanOrEqual(8);
    expect(truncateText("社会组织党建工作创新", 5)).toBe("社会组织…");
  });
});
