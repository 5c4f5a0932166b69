import { describe, expect, it } from "vitest";
import { compile, type TopLevelSpec } from "vega-lite";
import {
  crosstab,
  frequencies,
  multipleResponseCrosstab,
  numericSummary,
  numericSummaryByGroup,
  postStratify,
  ratioOfTotals,
  weightedCrosstab,
  weightedFrequencies,
} from "../../../analysis/index.js";
import {
  binCounts,
  boxPlotChart,
  BUNDLED_FONT_FAMILY,
  crosstabBars,
  crosstabStackedBars,
  frequencyChart,
  histogramChart,
  histogramEdges,
  ratioChart,
  residualHeatmap,
  textColorOn,
  textWidthEm,
  type ChartLang,
  type ChartMeta,
} from "../../../analysis/charts/index.js";

// Reference-study aggregates: 946 of 1812 chose 管理体制不顺畅 (52.2 %).
const PROBLEMS = ["管理体制不顺畅", "创新动力不足", "有效覆盖不高", "顶层设计不到位", "other"];
const mainProblems = frequencies({ labels: PROBLEMS, counts: [946, 670, 741, 609, 61], multiple: true, valid: 1812 });
const LEVELS = ["市", "区(县)", "街道(乡镇)", "社区(村)", "社会组织"];
const MULTI_DEPT = ["单一管理部门，职责明确", "多个管理部门，职责明确", "多个管理部门，职责不明确", "不清楚"];
const multiDept = crosstab({
  rowLabels: MULTI_DEPT,
  columnLabels: LEVELS,
  counts: [
    [14, 45, 67, 87, 139],
    [32, 96, 100, 149, 158],
    [38, 107, 155, 187, 231],
    [7, 24, 40, 30, 106],
  ],
});
const problemsByLevel = multipleResponseCrosstab({
  optionLabels: PROBLEMS,
  columnLabels: LEVELS,
  selected: [
    [55, 157, 193, 238, 303],
    [31, 105, 143, 179, 212],
    [28, 119, 154, 188, 252],
    [33, 106, 125, 178, 167],
    [4, 9, 10, 16, 22],
  ],
  bases: [91, 272, 362, 453, 634],
});
const meta = (lang: ChartLang = "zh-Hans", extra: Partial<ChartMeta> = {}): ChartMeta => ({
  lang,
  title: "社会组织党建工作创新需要破解的主要问题是什么？（最多选三项）",
  ...extra,
});
type Spec = TopLevelSpec & { data: { values: Record<string, unknown>[] }; usermeta: { caption: string[] }; title: { text: string[]; subtitle: string[] } };
const values = (spec: TopLevelSpec) => (spec as Spec).data.values;

/** vega-lite compiles the spec without a single warning. */
function expectCleanCompile(spec: TopLevelSpec): void {
  const warnings: string[] = [];
  const logger = {
    level: () => logger,
    warn: (...a: unknown[]) => (warnings.push(a.join(" ")), logger),
    info: () => logger,
    debug: () => logger,
    error: (...a: unknown[]) => {
      throw new Error(a.join(" "));
    },
  };
  compile(spec, { logger: logger as never });
  expect(warnings).toEqual([]);
}

describe("frequencyChart", () => {
  const spec = frequencyChart(mainProblems, meta("zh-Hans", { labels: { 管理体制不顺畅: "管理体制不够顺畅" } }));
  it("sorts by share, largest first, with 'other' last", () => {
    expect(values(spec).map((d) => d.value)).toEqual(["管理体制不顺畅", "有效覆盖不高", "创新动力不足", "顶层设计不到位", "other"]);
    expect(values(spec)[4].label).toBe("其他");
    expect(values(spec)[0].label).toBe("管理体制不够顺畅");
  });
  it("carries the percentage and its Wilson interval per bar", () => {
    const first = values(spec)[0];
    expect(first.share).toBeCloseTo(946 / 1812, 12);
    expect(first.lower).toBeCloseTo(mainProblems.ci[0]!.lower, 12);
    expect(first.upper).toBeCloseTo(mainProblems.ci[0]!.upper, 12);
    expect(first.text).toBe("52.2%");
    expect(first.count).toBe(946);
  });
  it("draws bars, error bars and value labels on a percentage axis that leaves room for the labels", () => {
    const layer = (spec as unknown as { layer: { mark: { type: string }; encoding: Record<string, { field?: string; scale?: { domain: number[] } }> }[] }).layer;
    expect(layer.map((l) => l.mark.type)).toEqual(["bar", "errorbar", "text"]);
    expect(layer[1].encoding.x.field).toBe("lower");
    expect(layer[1].encoding.x2.field).toBe("upper");
    expect(layer[0].encoding.x.scale!.domain[1]).toBeGreaterThan(mainProblems.ci[0]!.upper);
    expectCleanCompile(spec);
  });
  it("puts the question in the title and the provenance below, in the bundled font", () => {
    const s = spec as Spec;
    expect(s.title.text.join("")).toBe(meta().title);
    expect(s.usermeta.caption).toEqual(["有效样本 n = 1812；筛选：无（全部受访者）；未加权", "误差线为 95% 置信区间（Wilson）", "多选题：百分比以作答人数为基数，合计可超过 100%"]);
    expect(s.title.subtitle).toEqual(s.usermeta.caption);
    expect((s.config as { font: string }).font.startsWith(`"${BUNDLED_FONT_FAMILY}"`)).toBe(true);
    expect(s.description).toContain("有效样本 n = 1812");
  });
  it("wraps long labels to at most three lines that fit the label column", () => {
    const long = frequencies({ labels: ["掛靠或依託業務主管單位、樞紐型組織等的黨組織，以及其他各種各樣的形式", "否"], counts: [3, 4] });
    const label = String(values(frequencyChart(long, meta("zh-Hant")))[1].label);
    const lines = label.split("\n");
    expect(lines.length).toBeLessThanOrEqual(3);
    for (const line of lines) expect(textWidthEm(line)).toBeLessThanOrEqual(10);
    expect(lines[lines.length - 1].endsWith("…")).toBe(true);
  });
  it("keeps questionnaire order on request", () => {
    expect(values(frequencyChart(mainProblems, meta(), { sort: "input" })).map((d) => d.value)).toEqual(PROBLEMS);
  });
  it("draws a weighted table with design-based intervals and says how it is weighted", () => {
    const calibration = postStratify(
      [
        { key: ["社会团体"], n: 3 },
        { key: ["基金会"], n: 2 },
      ],
      { 社会团体: 793, 基金会: 6 },
    );
    const weighted = weightedFrequencies({
      calibration,
      labels: ["是", "否"],
      counts: [
        [2, 1],
        [0, 2],
      ],
    });
    const s = frequencyChart(weighted, meta("en")) as Spec;
    expect(values(s)[0]).toMatchObject({ value: "是", weightedCount: 2 * calibration.cells[0].weight });
    for (const d of values(s)) {
      expect(d.lower as number).toBeGreaterThanOrEqual(0);
      expect(d.upper as number).toBeLessThanOrEqual(1);
    }
    expect(s.usermeta.caption[0]).toBe("Base: n = 5 (weighted N = 799.0); filter: none (all respondents); weighting: post-stratified");
    expect(s.usermeta.caption[1]).toBe("Error bars: 95% confidence interval (design-based Wald)");
    expectCleanCompile(s);
  });
});

describe("crosstabBars", () => {
  it("groups the column percentages of each row category, bases in the legend, χ² in the caption", () => {
    const spec = crosstabBars(multiDept, meta("zh-Hans", { columnTitle: "层级" }));
    const data = values(spec);
    expect(data).toHaveLength(4 * 5);
    expect(data[0]).toMatchObject({ row: MULTI_DEPT[0], column: "市", columnLabel: "市（n = 91）" });
    expect(data[0].share).toBeCloseTo(14 / 91, 12);
    const test = multiDept.tests!;
    expect((spec as Spec).usermeta.caption[1]).toBe(`检验：χ²(12) = ${test.pearson.statistic.toFixed(1)}，p < .001，V = ${test.cramersV.toFixed(2)}`);
    expectCleanCompile(spec);
  });
  it("multi-select: percent of each group's respondents, sorted by share, significant options starred", () => {
    const spec = crosstabBars(problemsByLevel, meta("en", { columnTitle: "Level" }));
    const data = values(spec);
    expect(data[0].row).toBe("管理体制不顺畅");
    expect(data[data.length - 1].row).toBe("other");
    expect(data[0].share).toBeCloseTo(55 / 91, 12);
    problemsByLevel.tests.forEach((t) => {
      const label = String(data.find((d) => d.row === t.option)!.rowLabel);
      expect(label.endsWith(" *")).toBe(t.pHolm !== null && t.pHolm < 0.05);
    });
    expect((spec as Spec).usermeta.caption.join("\n")).toMatch(/Test: χ² test per option \(Holm-adjusted\): \d of 5 with p < \.05 \(marked \*\)/);
    expect(() => crosstabBars(problemsByLevel, meta(), { percent: "row" })).toThrow(/crosstabBars/);
    expectCleanCompile(spec);
  });
  it("weighted tables report the Rao–Scott test", () => {
    const calibration = postStratify(
      [
        { key: ["a"], n: 60 },
        { key: ["b"], n: 40 },
      ],
      { a: 500, b: 500 },
    );
    const w = weightedCrosstab({
      calibration,
      rowLabels: ["是", "否"],
      columnLabels: ["北京", "南京"],
      counts: [
        [
          [20, 10],
          [15, 15],
        ],
        [
          [10, 5],
          [5, 20],
        ],
      ],
    });
    const spec = crosstabBars(w, meta("zh-Hant")) as Spec;
    expect(spec.usermeta.caption[1]).toMatch(/^檢驗：Rao–Scott F\(1\.00, 99\.0\) = \d+\.\d+，p [<=] \.\d{3}$/);
    expect(spec.usermeta.caption[0]).toContain("加權：事後分層加權");
    expectCleanCompile(spec);
  });
});

describe("crosstabStackedBars", () => {
  const spec = crosstabStackedBars(multiDept, meta("zh-Hans", { columnTitle: "层级" }));
  it("stacks each group's distribution to 100 %, overall bar first", () => {
    const data = values(spec);
    const groups = [...new Set(data.map((d) => d.groupLabel))];
    expect(groups[0]).toBe("总体\nn = 1812");
    expect(groups[1]).toBe("市\nn = 91");
    for (const g of groups) {
      const segments = data.filter((d) => d.groupLabel === g);
      expect(segments.reduce((s, d) => s + (d.share as number), 0)).toBeCloseTo(1, 12);
      expect(segments[segments.length - 1].end).toBeCloseTo(1, 12);
      segments.forEach((d, k) => k > 0 && expect(d.start).toBeCloseTo(segments[k - 1].end as number, 12));
    }
    expectCleanCompile(spec);
  });
  it("prints percentages only in wide enough segments, in a colour that reads on the fill", () => {
    for (const d of values(spec)) expect(d.text === "").toBe((d.share as number) < 0.06);
    expect(textColorOn("#0072b2")).toBe("#ffffff");
    expect(textColorOn("#f0e442")).toBe("#000000");
  });
});

describe("residualHeatmap", () => {
  it("colours the adjusted residuals and marks cells beyond ±1.96", () => {
    const spec = residualHeatmap(multiDept, meta("en"));
    const data = values(spec);
    expect(data).toHaveLength(20);
    data.forEach((d, k) => {
      const r = multiDept.adjustedResiduals[Math.floor(k / 5)][k % 5]!;
      expect(d.residual).toBeCloseTo(r, 12);
      expect(d.significant).toBe(Math.abs(r) > 1.959964);
      expect(String(d.text).endsWith("*")).toBe(d.significant);
    });
    expect((spec as Spec).usermeta.caption.join("\n")).toContain("* |adjusted residual| > 1.96 (p < .05)");
    expectCleanCompile(spec);
  });
  it("Bonferroni raises the critical value", () => {
    const spec = residualHeatmap(multiDept, meta("zh-Hans"), { adjust: "bonferroni" });
    expect((spec as Spec).usermeta.caption.join("\n")).toContain("|调整残差| > 3.02");
  });
});

describe("ratioChart", () => {
  const result = ratioOfTotals({
    groups: [
      { label: "社会团体", n: 287, sumWX: 6000, sumWY: 560, sumW2X2: 900000, sumW2Y2: 9000, sumW2XY: 80000 },
      { label: "基金会", n: 20, sumWX: 150, sumWY: 18, sumW2X2: 2500, sumW2Y2: 40, sumW2XY: 280 },
      { label: "空", n: 0, sumWX: 0, sumWY: 0, sumW2X2: 0, sumW2Y2: 0, sumW2XY: 0 },
    ],
  });
  const spec = ratioChart(result, meta("zh-Hans", { title: "党员数占从业人员数的比例" }), { valueTitle: "党员数 / 从业人员数" });
  it("one dot and interval per group, largest first; groups without a denominator left out", () => {
    const data = values(spec);
    expect(data.map((d) => d.group)).toEqual(["基金会", "社会团体"]);
    expect(data[0].ratio).toBeCloseTo(18 / 150, 12);
    expect(data[0].lower).toBeCloseTo(result.groups[1].ci!.lower, 12);
    expect(data[1].label).toBe("社会团体\nn = 287");
    expect(data[0].text).toBe("12.0%");
  });
  it("states the overall ratio and its interval", () => {
    const overall = result.overall;
    expect((spec as Spec).usermeta.caption[1]).toBe(
      `总体 ${(overall.ratio! * 100).toFixed(1)}%（${(overall.ci!.lower * 100).toFixed(1)}%–${(overall.ci!.upper * 100).toFixed(1)}%）`,
    );
    expectCleanCompile(spec);
  });
});

describe("histogram and box plot", () => {
  const staff = [1, 2, 2, 3, 3, 3, 4, 5, 5, 6, 7, 8, 8, 9, 10, 12, 12, 15, 18, 20, 25, 30, 45, 80, 150, 420];
  const summary = numericSummary(staff, 4);
  it("chooses whole-number bins with an open tail and counts every value once", () => {
    const edges = histogramEdges(summary, { integer: true });
    expect(edges.openEnd).toBe(true);
    const widths = edges.edges.slice(1).map((e, k) => e - edges.edges[k]);
    expect(new Set(widths).size).toBe(1);
    expect(Number.isInteger(widths[0])).toBe(true);
    expect(edges.edges.length).toBeLessThanOrEqual(26);
    const bins = binCounts(staff, edges);
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(staff.length);
    expect(bins[bins.length - 1].count).toBe(staff.filter((v) => v >= edges.edges[edges.edges.length - 1]).length);
  });
  it("closed bins when there is no long tail", () => {
    const small = numericSummary([1, 2, 2, 3, 3, 3, 4, 4, 5]);
    expect(histogramEdges(small, { integer: true })).toEqual({ edges: [0, 2, 4, 6], openEnd: false });
    expect(() => binCounts([7], histogramEdges(small, { integer: true }))).toThrow(/binCounts/);
  });
  it("histogram marks median and mean and names the open bin", () => {
    const edges = histogramEdges(summary, { integer: true });
    const spec = histogramChart(binCounts(staff, edges), summary, meta("zh-Hans", { title: "本组织现有从业人员数（人）" }), {
      openEnd: true,
      valueTitle: "从业人员数（人）",
    });
    const caption = (spec as Spec).usermeta.caption;
    expect(caption[0]).toBe("有效样本 n = 26（缺失 4）；筛选：无（全部受访者）；未加权");
    expect(caption[1]).toMatch(/^均值 \d+\.\d，中位数 \d+(\.\d)?，标准差 \d+\.\d$/);
    expect(caption[2]).toMatch(/^最后一组为 \d+ 及以上$/);
    expectCleanCompile(spec);
  });
  it("box plot from summaries, with a log scale for skewed counts", () => {
    const groups = numericSummaryByGroup([
      { label: "社会团体", data: staff },
      { label: "基金会", data: [3, 5, 9] },
      { label: "空", data: [] },
    ]);
    const spec = boxPlotChart(groups, meta("en", { title: "Staff" }), { scale: "symlog" });
    expect(values(spec).map((d) => d.group)).toEqual(["社会团体", "基金会"]);
    expect(values(spec)[0]).toMatchObject({ min: 1, max: 420, median: summary.median });
    expect((spec as Spec).usermeta.caption).toContain("Horizontal axis: log scale (0 included)");
    expectCleanCompile(spec);
  });
});

describe("degenerate input", () => {
  it("no answers: empty bars without intervals, still a valid chart", () => {
    const spec = frequencyChart(frequencies({ labels: ["是", "否"], counts: [0, 0], missing: 5 }), meta());
    expect(values(spec).every((d) => d.lower === null && d.share === 0)).toBe(true);
    expect((spec as Spec).usermeta.caption[0]).toBe("有效样本 n = 0（缺失 5）；筛选：无（全部受访者）；未加权");
    expectCleanCompile(spec);
  });
  it("one column: the caption says the table cannot be tested", () => {
    const one = crosstab({ rowLabels: ["是", "否"], columnLabels: ["市"], counts: [[3], [4]] });
    for (const spec of [crosstabBars(one, meta()), crosstabStackedBars(one, meta()), residualHeatmap(one, meta())]) {
      expect((spec as Spec).usermeta.caption).toContain("检验：无法检验（有效类别不足两个）");
      expectCleanCompile(spec);
    }
  });
  it("ratios without a denominator anywhere: no dots, no overall line", () => {
    const none = ratioOfTotals({ groups: [{ label: "a", n: 2, sumWX: 0, sumWY: 0, sumW2X2: 0, sumW2Y2: 0, sumW2XY: 0 }] });
    const spec = ratioChart(none, meta("en"));
    expect(values(spec)).toEqual([]);
    expectCleanCompile(spec);
  });
});
