import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  betaQuantile,
  chiSquaredUpperTail,
  columnProportions,
  crosstab,
  fUpperTail,
  frequencies,
  multipleResponseCrosstab,
  normalCdf,
  normalQuantile,
  proportionInterval,
  type ProportionIntervalMethod,
} from "../../analysis/index.js";
import { expectAllClose, expectClose } from "./close-to.js";

// Oracle: test/fixtures/oracle/scipy_oracle.py (scipy 1.17). Tolerance 1e-9 relative
// everywhere (closed forms and our own special functions are good to ~1e-12).
const oracle = JSON.parse(readFileSync(new URL("../fixtures/oracle/scipy.json", import.meta.url), "utf8"));
const METHODS: ProportionIntervalMethod[] = ["wilson", "clopper-pearson", "agresti-coull"];

describe("distributions against scipy.stats", () => {
  it("chi-squared upper tail", () => {
    for (const c of oracle.distributions.chiSquaredUpperTail) expectClose(chiSquaredUpperTail(c.x, c.df), c.p, 1e-9, 1e-14, `chi2 ${c.x},${c.df}`);
  });
  it("F upper tail with fractional df", () => {
    for (const c of oracle.distributions.fUpperTail) expectClose(fUpperTail(c.f, c.d1, c.d2), c.p, 1e-9, 1e-14, `F ${c.f}`);
  });
  it("normal quantile and distribution function", () => {
    for (const c of oracle.distributions.normalQuantile) expectClose(normalQuantile(c.p), c.z, 1e-9, 1e-14, `ppf ${c.p}`);
    for (const c of oracle.distributions.normalCdf) expectClose(normalCdf(c.z), c.p, 1e-9, 1e-14, `cdf ${c.z}`);
  });
  it("beta quantile", () => {
    for (const c of oracle.distributions.betaQuantile) expectClose(betaQuantile(c.p, c.a, c.b), c.x, 1e-9, 1e-14, `beta ${c.p}`);
  });
});

describe("proportionInterval against scipy binomtest(...).proportion_ci", () => {
  it("Wilson, Clopper–Pearson, Agresti–Coull including 0 % and 100 %", () => {
    for (const c of oracle.intervals) {
      for (const method of METHODS) {
        const ci = proportionInterval(c.x, c.n, { method, level: c.level });
        expect(ci.method).toBe(method);
        expectAllClose([ci.lower, ci.upper], c[method], 1e-9, 1e-14, `${method} ${c.x}/${c.n}`);
      }
    }
  });
  it("finite population correction (Wilson by root finding, CP by scipy beta.ppf)", () => {
    for (const c of oracle.fpcIntervals) {
      for (const method of METHODS) {
        const ci = proportionInterval(c.x, c.n, { method, level: c.level, populationSize: c.populationSize });
        expect(ci.method).toBe(`${method}+fpc`);
        expectAllClose([ci.lower, ci.upper], c[method], 1e-9, 1e-14, `${method}+fpc ${c.x}/${c.n} of ${c.populationSize}`);
      }
    }
  });
  it("a census collapses to the point estimate; N < n is refused", () => {
    expect(proportionInterval(3, 10, { populationSize: 10 })).toMatchObject({ lower: 0.3, upper: 0.3 });
    expect(() => proportionInterval(3, 10, { populationSize: 9 })).toThrow(/proportionInterval/);
    expect(() => proportionInterval(11, 10)).toThrow(/proportionInterval/);
  });
});

describe("frequencies", () => {
  it("single choice: case percent = response percent, intervals from scipy", () => {
    const c = oracle.intervals.find((i: { x: number; n: number }) => i.x === 946 && i.n === 1812);
    const result = frequencies({ labels: ["管理体制不顺畅", "其他"], counts: [946, 866], missing: 12, notAsked: 3 });
    expect(result).toMatchObject({ kind: "single", n: 1812, missing: 12, notAsked: 3, mentions: 1812 });
    expectClose(result.casePercent[0], 946 / 1812);
    expectClose(result.responsePercent[0], 946 / 1812);
    expectAllClose([result.ci[0]!.lower, result.ci[0]!.upper], c.wilson);
  });
  it("multi-select: both bases, named", () => {
    const result = frequencies({
      labels: ["创新动力不足", "管理体制不够顺畅", "顶层设计不到位"],
      counts: [717, 946, 20],
      valid: 1600,
      multiple: true,
      ci: { method: "clopper-pearson" },
    });
    expect(result.kind).toBe("multiple");
    expect(result.mentions).toBe(1683);
    expectClose(result.casePercent[1], 946 / 1600);
    expectClose(result.responsePercent[1], 946 / 1683);
    const c = oracle.intervals.find((i: { x: number; n: number }) => i.x === 717 && i.n === 1812);
    const same = frequencies({ labels: ["a", "b"], counts: [717, 1095], valid: 1812, multiple: true, ci: { method: "clopper-pearson" } });
    expectAllClose([same.ci[0]!.lower, same.ci[0]!.upper], c["clopper-pearson"]);
    expect(result.base.casePercent).toMatch(/respondents/);
    expect(result.base.responsePercent).toMatch(/answers/);
  });
  it("refuses bad input", () => {
    expect(() => frequencies({ labels: ["a"], counts: [1, 2] })).toThrow(/frequencies/);
    expect(() => frequencies({ labels: ["a"], counts: [-1] })).toThrow(/frequencies/);
    expect(() => frequencies({ labels: ["a", "b"], counts: [1, 2], multiple: true })).toThrow(/frequencies/);
    expect(() => frequencies({ labels: ["a", "b"], counts: [1, 2], valid: 4 })).toThrow(/frequencies/);
  });
});

describe("crosstab against scipy chi2_contingency / fisher_exact / association", () => {
  for (const c of oracle.crosstabs) {
    it(c.name, () => {
      const result = crosstab({ rowLabels: c.rowLabels, columnLabels: c.columnLabels, counts: c.counts });
      expectAllClose(result.expected, c.expected, 1e-12, 1e-14, "expected");
      expectAllClose(result.adjustedResiduals, c.adjustedResiduals, 1e-9, 1e-14, "adjustedResiduals");
      expect(result.smallExpected.cells).toBe(c.smallExpected.cells);
      expectClose(result.smallExpected.share, c.smallExpected.share);
      expectClose(result.smallExpected.minExpected, c.smallExpected.minExpected);
      if (c.tests === null) {
        expect(result.tests).toBeNull();
        return;
      }
      const t = result.tests!;
      for (const key of ["pearson", "likelihoodRatio"] as const) {
        expectClose(t[key].statistic, c.tests[key].statistic, 1e-9, 1e-14, `${key}.statistic`);
        expect(t[key].df).toBe(c.tests[key].df);
        expectClose(t[key].p, c.tests[key].p, 1e-9, 1e-14, `${key}.p`);
      }
      expectClose(t.cramersV, c.tests.cramersV, 1e-9, 1e-14, "cramersV");
      expectClose(t.contingencyCoefficient, c.tests.contingencyCoefficient, 1e-9, 1e-14, "C");
      if (c.tests.yates) {
        expectClose(t.yates!.statistic, c.tests.yates.statistic, 1e-9, 1e-14, "yates");
        expectClose(t.yates!.p, c.tests.yates.p, 1e-9, 1e-14, "yates.p");
        expectClose(t.fisher!.p, c.tests.fisher.p, 1e-9, 1e-14, "fisher.p");
        expectClose(t.fisher!.pLess, c.tests.fisher.pLess, 1e-9, 1e-14, "fisher.pLess");
        expectClose(t.fisher!.pGreater, c.tests.fisher.pGreater, 1e-9, 1e-14, "fisher.pGreater");
        expectClose(t.phi, c.tests.phi, 1e-9, 1e-14, "phi");
      } else {
        expect(t.yates).toBeNull();
        expect(t.fisher).toBeNull();
      }
    });
  }

  it("drops and reports empty rows and columns", () => {
    const c = oracle.crosstabs.find((x: { name: string }) => x.name.startsWith("sparse"));
    const result = crosstab(c);
    expect(result.droppedRows).toEqual(["联合建立"]);
    expect(result.droppedColumns).toEqual(["基金会"]);
    expect(result.tests!.pearson.df).toBe(4);
    expect(result.rowPercent[1]).toEqual([null, null, null, null]);
    expect(result.columnPercent[0][2]).toBeNull();
  });

  it("percentages are fractions of the right base", () => {
    const result = crosstab({
      rowLabels: ["a", "b"],
      columnLabels: ["x", "y"],
      counts: [
        [10, 0],
        [5, 7],
      ],
    });
    expect(result.rowPercent).toEqual([
      [1, 0],
      [5 / 12, 7 / 12],
    ]);
    expect(result.columnPercent).toEqual([
      [10 / 15, 0],
      [5 / 15, 1],
    ]);
    expect(result.totalPercent[1][1]).toBe(7 / 22);
  });

  it("refuses a matrix that does not fit the labels", () => {
    expect(() => crosstab({ rowLabels: ["a"], columnLabels: ["x", "y"], counts: [[1]] })).toThrow(/crosstab/);
    expect(() => crosstab({ rowLabels: ["a"], columnLabels: ["x"], counts: [[1.5]] })).toThrow(/crosstab/);
  });
});

describe("column proportions (SPSS BPROP) against pooled z-tests computed in python", () => {
  for (const c of oracle.columnProportions) {
    it(c.name, () => {
      const result = columnProportions(c.counts);
      result.rows.forEach((row, i) => {
        expect(row.tested).toEqual(c.rows[i].tested);
        expect(row.comparisons.length).toBe(c.rows[i].comparisons.length);
        row.comparisons.forEach((comparison, k) => {
          const o = c.rows[i].comparisons[k];
          expect(comparison.columns).toEqual(o.columns);
          expectClose(comparison.z, o.z, 1e-9, 1e-14, "z");
          expectClose(comparison.p, o.p, 1e-9, 1e-14, "p");
          expectClose(comparison.pAdjusted, o.pAdjusted, 1e-9, 1e-14, "pAdjusted");
        });
      });
    });
  }
});

describe("multi-select by single choice", () => {
  it("per-option 2×k tests with Holm and Bonferroni, flagged", () => {
    const o = oracle.multipleResponse;
    const result = multipleResponseCrosstab(o);
    expect(result.multipleResponse).toBe(true);
    result.tests.forEach((t, k) => {
      expectClose(t.pearson!.statistic, o.tests[k].statistic, 1e-9, 1e-14, "statistic");
      expect(t.pearson!.df).toBe(o.tests[k].df);
      expectClose(t.pearson!.p, o.tests[k].p, 1e-9, 1e-14, "p");
      expectClose(t.pHolm, o.pHolm[k], 1e-9, 1e-14, "holm");
      expectClose(t.pBonferroni, o.pBonferroni[k], 1e-9, 1e-14, "bonferroni");
    });
    expectClose(result.columnPercent[2][0], 98 / 156);
  });
});
