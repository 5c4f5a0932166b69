/** Words of charts and their captions. */
import type { ChartWords } from "../sections/chart.js";

export const chart: ChartWords = {
  comma: ", ",
  semicolon: "; ",
  colon: ": ",
  open: " (",
  close: ")",
  base: "Base",
  missing: "missing",
  weightedBase: "weighted",
  filter: "Filter",
  noFilter: "none (all respondents)",
  weighting: "Weighting",
  unweighted: "unweighted",
  poststratified: "post-stratified",
  raked: "raked",
  test: "Test",
  noTest: "not testable (fewer than two categories with answers)",
  errorBars: (level, method) => `Error bars: ${pct(level)} confidence interval (${method})`,
  designBased: "design-based Wald",
  multipleBase: "Multi-select: percentages of respondents who answered; they can add up to more than 100%",
  percentOfRespondents: "Percent of respondents",
  percentOfGroup: "Percent of the group's respondents",
  count: "Count",
  mean: "mean",
  median: "median",
  sd: "SD",
  overall: "Overall",
  residual: "Adjusted residual",
  residualNote: (critical, alpha) => `* |adjusted residual| > ${critical} (p < ${alpha}); red: more than expected, blue: fewer than expected`,
  perOptionTests: (k, total, test, method) => `${test} test per option (${method}-adjusted): ${k} of ${total} with p < .05 (marked *)`,
  ratio: "Ratio",
  symlog: "Horizontal axis: log scale (0 included)",
  openBinNote: (from) => `Last bin: ${from} or more`,
  summary: (mean, median, sd) => `mean ${mean}, median ${median}, SD ${sd}`,
  smallExpected: (cells, share) => `${cells} cells (${share}) with expected count below 5`,
  boxNote: "Box: interquartile range; line: median; orange ◆: mean; whiskers: minimum to maximum",
  openBin: " or more",
  intervalNote: (level) => `Lines: ${pct(level)} confidence interval`,
  noData: "No data",
  other: "Other",
};

function pct(level: number): string {
  return `${Math.round(level * 1000) / 10}%`;
}
