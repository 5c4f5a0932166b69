import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  calibratedRatioOfTotals,
  crosstab,
  numericSummary,
  postStratify,
  rake,
  ratioOfTotals,
  uncalibrated,
  weightedCrosstab,
  weightedFrequencies,
  weightedMultipleResponseCrosstab,
  type Calibration,
} from "../../analysis/index.js";
import { expectAllClose, expectClose } from "./close-to.js";

// Oracle: test/fixtures/oracle/survey.R (R survey 4.1.1), a synthetic data set shaped like
// the reference study: 1812 respondents, post-stratified to Baoji's organisation-type counts.
// Tolerance 1e-9 relative, except for raked designs: the weights come from iterative
// proportional fitting stopped at 1e-14 × Σw in R and 1e-10 relative here, so the weights
// agree to about 1e-11 and everything derived from them is compared at 1e-7.
const oracle = JSON.parse(readFileSync(new URL("../fixtures/oracle/survey.json", import.meta.url), "utf8"));
const W = oracle.weighting;
const RAKE_TOL = 1e-7;

function calibrationFor(name: string): Calibration {
  switch (name) {
    case "plain":
    case "plainFpc":
      return uncalibrated(oracle.cells.plain);
    case "poststratify":
    case "poststratifyFpc":
      return postStratify(oracle.cells.poststratify, oracle.population.orgType);
    case "rake":
      return rake(oracle.cells.rake, [oracle.population.orgType, oracle.population.level]);
    default:
      throw new Error(name);
  }
}

describe("weights against postStratify / rake", () => {
  for (const name of ["plain", "poststratify", "rake"]) {
    it(`${name}: cell weights`, () => {
      const cal = calibrationFor(name);
      expectAllClose(
        cal.cells.map((c) => c.weight),
        W[name].cellWeights,
        name === "rake" ? 1e-9 : 1e-12,
        0,
        "weights",
      );
    });
  }
  it("raking converges and meets both margins", () => {
    const cal = rake(oracle.cells.rake, [oracle.population.orgType, oracle.population.level]);
    expect(cal.converged).toBe(true);
    const total = cal.cells.reduce((s, c) => s + c.n * c.weight, 0);
    expectClose(total, 1608, 1e-12);
  });
});

for (const name of ["plain", "plainFpc", "poststratify", "poststratifyFpc", "rake"]) {
  const o = W[name];
  const tol = name === "rake" ? RAKE_TOL : 1e-9;
  describe(`${name}: svymean and svychisq`, () => {
    const calibration = calibrationFor(name);
    const populationSize = o.populationSize ?? undefined;

    it("single choice with missing answers (管理体制不顺畅, 4-category form)", () => {
      for (const [variable, labels] of [
        ["problem", oracle.labels.problem],
        ["form", oracle.labels.forms],
      ] as const) {
        const result = weightedFrequencies({ calibration, labels, counts: o[variable].counts, populationSize });
        // R sorts factor levels; map ours onto R's order.
        const order = [...labels].map((l, i) => ({ l, i })).sort((a, b) => (a.l < b.l ? -1 : a.l > b.l ? 1 : 0));
        order.forEach(({ i }, r) => {
          expectClose(result.casePercent[i], o[variable].mean[r], tol, 1e-15, `${variable} mean ${labels[i]}`);
          expectClose(result.se[i], o[variable].se[r], tol, 1e-15, `${variable} se ${labels[i]}`);
        });
      }
    });

    it("multi-select options: percent of cases per option", () => {
      const result = weightedFrequencies({
        calibration,
        labels: oracle.labels.options,
        counts: o.multiCounts,
        valid: o.multiValid,
        multiple: true,
        populationSize,
      });
      o.multi.forEach((m: { mean: number; se: number }, k: number) => {
        expectClose(result.casePercent[k], m.mean, tol, 1e-15, `option ${k} mean`);
        expectClose(result.se[k], m.se, tol, 1e-15, `option ${k} se`);
      });
    });

    for (const [key, rows, cols] of [
      ["problemByLevel", oracle.labels.problem, oracle.labels.levels],
      ["formByType", oracle.labels.forms, oracle.labels.types],
    ] as const) {
      it(`Rao–Scott ${key}`, () => {
        const t = o[key];
        const result = weightedCrosstab({ calibration, rowLabels: rows, columnLabels: cols, counts: t.counts, populationSize });
        const rs = result.tests!.raoScott;
        expectClose(rs.pearson, t.pearsonScaled, tol, 0, "X² on the rescaled table");
        expectClose(rs.p, t.chisqP, tol, 0, "Chisq p");
        expect(rs.df).toBe(t.df);
        expectClose(rs.F, t.F, tol, 0, "F");
        expectClose(rs.ndf, t.ndf, tol, 0, "ndf");
        expectClose(rs.ddf, t.ddf, tol, 0, "ddf");
        expectClose(rs.pF, t.pF, tol, 0, "pF");
        if (t.weightedTable) expectAllClose(result.weightedCounts, t.weightedTable, tol, 1e-12, "svytable");
      });
    }
  });
}

describe("ratio of totals against svyratio / svyby(svyratio)", () => {
  for (const name of ["unweighted", "weighted", "weightedFpc"]) {
    it(name, () => {
      const o = oracle.ratios[name];
      const result = ratioOfTotals({
        groups: o.groups,
        designSize: o.designSize,
        populationSize: o.populationSize ?? undefined,
      });
      expectClose(result.overall.ratio, o.overall.ratio, 1e-12, 0, "ratio");
      expectClose(result.overall.se, o.overall.se, 1e-9, 0, "se");
      expectClose(result.overall.ci!.lower, o.overall.lower, 1e-9, 0, "lower");
      expectClose(result.overall.ci!.upper, o.overall.upper, 1e-9, 0, "upper");
      o.byGroup.forEach((g: { label: string; ratio: number; se: number }, i: number) => {
        expect(result.groups[i].label).toBe(g.label);
        expectClose(result.groups[i].ratio, g.ratio, 1e-12, 0, `${g.label} ratio`);
        expectClose(result.groups[i].se, g.se, 1e-9, 0, `${g.label} se`);
      });
    });
  }
});

describe("numericSummary against R quantile(type = 7), mean, sd", () => {
  it("plain arrays", () => {
    for (const o of oracle.numeric) {
      const values: number[] = Array.isArray(o.values) ? o.values : [o.values];
      const s = numericSummary(values);
      expect(s.n).toBe(o.n);
      expectClose(s.mean, o.mean, 1e-12);
      if (o.sd === null) expect(s.sd).toBeNull();
      else expectClose(s.sd, o.sd, 1e-12);
      expectAllClose([s.min, s.q1, s.median, s.q3, s.max], o.quantiles, 1e-12);
    }
  });
});

describe("ratio of totals on calibrated designs against svyratio / svyby after postStratify / rake", () => {
  for (const name of ["plain", "poststratify", "rake"]) {
    it(name, () => {
      const o = oracle.calibratedRatios[name];
      const tol = name === "rake" ? RAKE_TOL : 1e-9;
      const result = calibratedRatioOfTotals({ calibration: calibrationFor(name), groups: o.groups });
      expectClose(result.overall.ratio, o.overall.ratio, tol, 0, "ratio");
      expectClose(result.overall.se, o.overall.se, tol, 0, "se");
      o.byGroup.forEach((g: { label: string; ratio: number; se: number }, i: number) => {
        expect(result.groups[i].label).toBe(g.label);
        expectClose(result.groups[i].ratio, g.ratio, tol, 0, `${g.label} ratio`);
        expectClose(result.groups[i].se, g.se, tol, 0, `${g.label} se`);
      });
    });
  }
});

describe("adjusted residuals against R chisq.test()$stdres", () => {
  for (const t of oracle.chisqStdres) {
    it(t.name, () => {
      const result = crosstab({
        rowLabels: t.counts.map((_: unknown, i: number) => `r${i}`),
        columnLabels: t.counts[0].map((_: unknown, j: number) => `c${j}`),
        counts: t.counts,
      });
      expectAllClose(result.adjustedResiduals, t.adjustedResiduals, 1e-9, 1e-14, "stdres");
      expectClose(result.tests!.pearson.statistic, t.statistic, 1e-9, 0, "X²");
      expectClose(result.tests!.pearson.p, t.p, 1e-9, 0, "p");
    });
  }
});

describe("weighted multi-select × level: per-option svychisq with Holm", () => {
  for (const name of ["plain", "poststratify", "rake"]) {
    it(name, () => {
      const o = W[name].multiByLevel;
      const tol = name === "rake" ? RAKE_TOL : 1e-9;
      const result = weightedMultipleResponseCrosstab({
        calibration: calibrationFor(name),
        optionLabels: oracle.labels.options,
        columnLabels: oracle.labels.levels,
        selected: o.selected,
        bases: o.bases,
      });
      expect(result.multipleResponse).toBe(true);
      result.tests.forEach((t, k) => {
        expectClose(t.raoScott!.F, o.tests[k].F, tol, 0, "F");
        expectClose(t.raoScott!.ndf, o.tests[k].ndf, tol, 0, "ndf");
        expectClose(t.raoScott!.ddf, o.tests[k].ddf, tol, 0, "ddf");
        expectClose(t.raoScott!.pF, o.tests[k].pF, tol, 0, "pF");
        expectClose(t.raoScott!.p, o.tests[k].chisqP, tol, 0, "Chisq p");
        expectClose(t.pHolm, o.pHolm[k], tol, 0, "Holm");
      });
    });
  }
});
