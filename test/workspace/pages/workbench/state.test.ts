import { describe, expect, it } from "vitest";
import { chartOf, chartsFor, isComplete, queryOf, requestOf, stateFromQuery, type WorkbenchState } from "../../../../src/workspace/pages/workbench/state.js";

const weighted: WorkbenchState = {
  kind: "crosstab",
  row: "multi_dept",
  column: "level",
  chart: "stacked",
  filters: [{ question: "level", in: ["市", "区(县)"] }],
  units: ["朝阳区"],
  weight: { mode: "poststratify", margins: [{ question: "org_type", population: { 社会团体: 793, 基金会: 6 } }] },
};

describe("the workbench's state", () => {
  it("survives its query string", () => {
    expect(stateFromQuery(queryOf(weighted))).toEqual(weighted);
    expect(stateFromQuery(queryOf({ kind: "frequencies", question: "main_problems", ci: "clopper-pearson", filters: [], units: [] }))).toEqual({
      kind: "frequencies",
      question: "main_problems",
      ci: "clopper-pearson",
      filters: [],
      units: [],
    });
  });

  it("ignores what a query string says wrong", () => {
    expect(stateFromQuery("kind=nonsense&ci=bad&chart=heatmap&filter=%7Bnot-json&weight=3")).toEqual({ kind: "frequencies", filters: [], units: [] });
  });

  it("makes the analysis call's body: filters with the units, the weight, groups by unit", () => {
    expect(requestOf(weighted)).toEqual({
      row: "multi_dept",
      column: "level",
      filter: [{ question: "level", in: ["市", "区(县)"] }, { unit: ["朝阳区"] }],
      weight: { poststratify: { question: "org_type", population: { 社会团体: 793, 基金会: 6 } } },
    });
    expect(requestOf({ kind: "ratio", numerator: "member_count", denominator: "staff_count", by: "@unit", filters: [], units: [] })).toEqual({
      numerator: "member_count",
      denominator: "staff_count",
      by: { unit: true },
    });
    const raked = { ...weighted, weight: { mode: "rake" as const, margins: [...weighted.weight!.margins, { question: "level", population: { 市: 1 } }] } };
    expect(requestOf(raked).weight).toEqual({ rake: raked.weight.margins });
    // A numeric summary is never weighted.
    expect(requestOf({ ...weighted, kind: "numeric", question: "staff_count" }).weight).toBeUndefined();
  });

  it("knows when it is complete and which charts fit", () => {
    expect(isComplete({ kind: "crosstab", row: "a", filters: [], units: [] })).toBe(false);
    expect(isComplete(weighted)).toBe(true);
    expect(chartsFor(weighted)).toEqual(["bars", "stacked"]);
    expect(chartOf({ ...weighted, chart: "heatmap" })).toBe("bars");
    expect(chartsFor({ kind: "numeric", question: "x", by: "level", filters: [], units: [] })).toEqual(["boxplot"]);
  });
});
