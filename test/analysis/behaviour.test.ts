import { describe, expect, it } from "vitest";
import {
  adjustPValues,
  betaQuantile,
  calibratedRatioOfTotals,
  chiSquaredUpperTail,
  columnProportions,
  compactLetterDisplay,
  crosstab,
  designCovariance,
  fisherExact,
  fUpperTail,
  logGamma,
  multipleResponseCrosstab,
  normalQuantile,
  numericSummary,
  numericSummaryByGroup,
  postStratify,
  proportionInterval,
  quantileSorted,
  rake,
  ratioOfTotals,
  regularizedBeta,
  regularizedGamma,
  uncalibrated,
  weightedCrosstab,
  weightedFrequencies,
} from "../../analysis/index.js";
import { expectClose } from "./close-to.js";

describe("compact letter display (APA subscripts)", () => {
  it("no difference: one letter; all different: one letter each", () => {
    expect(compactLetterDisplay(3, [])).toEqual(["a", "a", "a"]);
    expect(
      compactLetterDisplay(3, [
        [0, 1],
        [0, 2],
        [1, 2],
      ]),
    ).toEqual(["a", "b", "c"]);
  });
  it("overlapping groups (worked by hand)", () => {
    // 0≠2, 0≠3, 1≠3 → groups {0,1}, {1,2}, {2,3}
    expect(
      compactLetterDisplay(4, [
        [0, 2],
        [0, 3],
        [1, 3],
      ]),
    ).toEqual(["a", "ab", "bc", "c"]);
  });
  it("every pair shares a letter exactly when not significant", () => {
    const differ: [number, number][] = [
      [0, 4],
      [1, 4],
      [2, 3],
      [0, 3],
    ];
    const letters = compactLetterDisplay(5, differ);
    for (let i = 0; i < 5; i++) {
      for (let j = i + 1; j < 5; j++) {
        const share = [...letters[i]!].some((l) => letters[j]!.includes(l));
        const significant = differ.some(([a, b]) => (a === i && b === j) || (a === j && b === i));
        expect(share, `${i},${j}`).toBe(!significant);
      }
    }
  });
  it("excluded items get null", () => {
    expect(compactLetterDisplay(3, [[0, 2]], [true, false, true])).toEqual(["a", null, "b"]);
  });
});

describe("columnProportions (SPSS style)", () => {
  it("letters and 'greater than' keys", () => {
    const result = columnProportions([
      [30, 10, 29],
      [20, 40, 21],
    ]);
    expect(result.keys).toEqual(["A", "B", "C"]);
    expect(result.rows[0].subscripts).toEqual(["a", "b", "a"]);
    expect(result.rows[0].greaterThan).toEqual([["B"], [], ["B"]]);
    expect(result.rows[1].greaterThan).toEqual([[], ["A", "C"], []]);
  });
  it("0 % and 100 % columns are not compared", () => {
    const result = columnProportions([
      [10, 0, 5],
      [5, 7, 5],
    ]);
    expect(result.rows[0].tested).toEqual([true, false, true]);
    expect(result.rows[0].subscripts[1]).toBeNull();
    expect(result.rows[0].comparisons).toHaveLength(1);
  });
  it("no Bonferroni on request", () => {
    const result = columnProportions(
      [
        [30, 10, 29],
        [20, 40, 21],
      ],
      { adjust: "none" },
    );
    for (const c of result.rows[0].comparisons) expect(c.pAdjusted).toBe(c.p);
  });
});

describe("edge cases", () => {
  it("Fisher: empty row gives p = 1", () => {
    expect(
      fisherExact([
        [0, 0],
        [3, 4],
      ]).p,
    ).toBe(1);
  });
  it("crosstab of an empty table has no tests", () => {
    const result = crosstab({
      rowLabels: ["a", "b"],
      columnLabels: ["x", "y"],
      counts: [
        [0, 0],
        [0, 0],
      ],
    });
    expect(result.tests).toBeNull();
    expect(result.smallExpected.minExpected).toBeNull();
  });
  it("multi-select option ticked by nobody has no test and no adjusted p", () => {
    const result = multipleResponseCrosstab({
      optionLabels: ["a", "b"],
      columnLabels: ["x", "y"],
      selected: [
        [0, 0],
        [3, 9],
      ],
      bases: [10, 12],
    });
    expect(result.tests[0].pearson).toBeNull();
    expect(result.tests[0].pHolm).toBeNull();
    expect(result.tests[1].pHolm).toBe(result.tests[1].pearson!.p);
  });
  it("weighted crosstab: a single non-empty row has no test; empty rows are reported", () => {
    const calibration = uncalibrated([{ key: ["all"], n: 30 }]);
    const result = weightedCrosstab({
      calibration,
      rowLabels: ["a", "b"],
      columnLabels: ["x", "y"],
      counts: [
        [
          [10, 12],
          [0, 0],
        ],
      ],
    });
    expect(result.tests).toBeNull();
    expect(result.droppedRows).toEqual(["b"]);
    expect(result.totalPercentSe[1][0]).toBeNull();
  });
  it("weighted frequencies: a 0 % category has se 0", () => {
    const calibration = postStratify(
      [
        { key: ["x"], n: 5 },
        { key: ["y"], n: 5 },
      ],
      { x: 10, y: 30 },
    );
    const result = weightedFrequencies({
      calibration,
      labels: ["a", "b"],
      counts: [
        [5, 0],
        [5, 0],
      ],
    });
    expect(result.casePercent).toEqual([1, 0]);
    expect(result.se[1]).toBe(0);
  });
  it("numeric summaries from SQL aggregates, and by group", () => {
    const s = numericSummary({ n: 4, sum: 10, sumOfSquares: 30, min: 1, max: 4, quartiles: [1.75, 2.5, 3.25] });
    expectClose(s.mean, 2.5);
    expectClose(s.sd, Math.sqrt(5 / 3));
    const groups = numericSummaryByGroup([
      { label: "甲", data: [1, 2, 3, 4] },
      { label: "乙", data: [], missing: 2 },
    ]);
    expect(groups[0].q1).toBe(1.75);
    expect(groups[1]).toMatchObject({ label: "乙", n: 0, missing: 2, mean: null });
  });
  it("calibrated ratio on an uncalibrated design equals ratioOfTotals", () => {
    const cells = [
      { key: ["a"], n: 5, baseWeight: 2 },
      { key: ["b"], n: 4, baseWeight: 3 },
    ];
    const calibration = uncalibrated(cells);
    const a = { cell: 0, n: 4, sumX: 40, sumY: 5, sumX2: 450, sumY2: 9, sumXY: 60 };
    const b = { cell: 1, n: 4, sumX: 22, sumY: 2, sumX2: 140, sumY2: 2, sumXY: 14 };
    const one = calibratedRatioOfTotals({ calibration, groups: [{ cells: [a, b] }] }).overall;
    const two = ratioOfTotals({
      groups: [{ n: 8, sumWX: 2 * 40 + 3 * 22, sumWY: 2 * 5 + 3 * 2, sumW2X2: 4 * 450 + 9 * 140, sumW2Y2: 4 * 9 + 9 * 2, sumW2XY: 4 * 60 + 9 * 14 }],
      designSize: 9,
    }).overall;
    expectClose(one.ratio, two.ratio!, 1e-14);
    expectClose(one.se, two.se!, 1e-12);
  });
});

describe("every function refuses bad input and names itself", () => {
  const cases: [string, () => unknown][] = [
    ["logGamma", () => logGamma(0)],
    ["regularizedGamma", () => regularizedGamma(-1, 1)],
    ["regularizedBeta", () => regularizedBeta(2, 1, 1)],
    ["chiSquaredUpperTail", () => chiSquaredUpperTail(1, 0)],
    ["fUpperTail", () => fUpperTail(1, 0, 1)],
    ["normalQuantile", () => normalQuantile(1)],
    ["betaQuantile", () => betaQuantile(0.5, 0, 1)],
    ["proportionInterval", () => proportionInterval(1, 2, { level: 95 })],
    ["fisherExact", () => fisherExact([[1, 2, 3]])],
    ["adjustPValues", () => adjustPValues([1.2], "holm")],
    ["compactLetterDisplay", () => compactLetterDisplay(2, [[0, 5]])],
    ["columnProportions", () => columnProportions([[1, 2], [3]])],
    ["crosstab", () => crosstab({ rowLabels: ["a"], columnLabels: ["x"], counts: [[-1]] })],
    ["multipleResponseCrosstab", () => multipleResponseCrosstab({ optionLabels: ["a"], columnLabels: ["x"], selected: [[5]], bases: [3] })],
    ["quantileSorted", () => quantileSorted([], 0.5)],
    ["numericSummary", () => numericSummary([1, Number.NaN])],
    [
      "numericSummaryByGroup",
      () =>
        numericSummaryByGroup([
          { label: "a", data: [1] },
          { label: "a", data: [2] },
        ]),
    ],
    ["ratioOfTotals", () => ratioOfTotals({ groups: [{ n: 5, sumWX: 1, sumWY: 1, sumW2X2: 1, sumW2Y2: 1, sumW2XY: 1 }], designSize: 3 })],
    ["uncalibrated", () => uncalibrated([{ key: ["a"], n: -1 }])],
    ["postStratify", () => postStratify([{ key: ["社会团体"], n: 3 }], { 基金会: 6 })],
    ["rake", () => rake([{ key: ["a", "x"], n: 3 }], [{ a: 3 }, { y: 3 }])],
    ["designCovariance", () => designCovariance(uncalibrated([{ key: ["a"], n: 1 }]), [{ cell: 0, count: 2, y: [1] }], 1)],
    ["weightedFrequencies", () => weightedFrequencies({ calibration: uncalibrated([{ key: ["a"], n: 1 }]), labels: ["x"], counts: [] })],
    ["weightedCrosstab", () => weightedCrosstab({ calibration: uncalibrated([{ key: ["a"], n: 1 }]), rowLabels: ["x"], columnLabels: ["y"], counts: [] })],
    ["calibratedRatioOfTotals", () => calibratedRatioOfTotals({ calibration: uncalibrated([{ key: ["a"], n: 1 }]), groups: [] })],
  ];
  for (const [name, call] of cases) {
    it(name, () => expect(call).toThrow(new RegExp(`^${name}:`)));
  }
});
