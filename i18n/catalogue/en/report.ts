/** Words of reports: captions around the charts and the methods section. */
import type { ReportWords } from "../sections/report.js";

export const report: ReportWords = {
  filterItem: (q, answers) => `${q}: ${answers.join(", ")}`,
  filterJoin: " and ",
  partialIncluded: "partial responses included",
  poststratified: (q, population) => `post-stratified by “${q}” (population: ${population})`,
  raked: (qs) => `raked to the margins of ${qs.map((q) => `“${q}”`).join(", ")}`,
  populationItem: (label, count) => `${label} ${count.toLocaleString("en-US")}`,
  listJoin: ", ",
  colon: ": ",
  stop: ".",
  gap: " ",
  source: (survey, versions) => `Source: questionnaire “${survey}”, version ${versions.join(", ")}`,
  wording: (q) => `Question: ${q}`,
  overall: "Overall",
  figure: (n) => `Figure ${n}`,
  table: (n) => `Table ${n}`,
  contents: "Contents",
  methods: "Methods and data",
  generated: (date) => `Generated from the survey data by the party-building survey platform (${date}).`,
  files: "Chart files",
  note: "Note",
  sampleHeading: "Sample",
  sample: (survey, name, versions, complete) =>
    `This report analyses the ${complete.toLocaleString("en-US")} completed questionnaires of “${survey}” (${name}, version ${versions.join(", ")}).`,
  partialLeftOut: (partial) => `${partial.toLocaleString("en-US")} unfinished questionnaires are left out.`,
  partialUsed: (partial) => `Some analyses include ${partial.toLocaleString("en-US")} unfinished questionnaires, as asked.`,
  basesHeading: "Bases of the figures",
  basesIntro:
    "Percentages are of the respondents who answered the question; those who left it blank are counted as missing, those never asked it (skip logic) are not in the base.",
  weightsHeading: "Weighting",
  poststratifyMethod:
    "Post-stratification: each cell's weight is its population count divided by its sample count, so that the weighted sample has the known population's composition; standard errors are design-based and account for the post-stratification.",
  rakeMethod: "Raking: weights are adjusted to each variable's population margin in turn until they converge; standard errors are design-based.",
  weightCells: { cell: "Cell", sample: "Sample", population: "Population", weight: "Weight" },
  excludedFromWeighting: (rows) => `${rows} respondents without an answer to the weighting question are left out of the weighted analysis.`,
  testsHeading: "Tests and intervals",
  tests: {
    wilson: "95% confidence intervals of percentages in frequency tables are Wilson score intervals.",
    clopperPearson: "Some intervals are Clopper–Pearson exact intervals.",
    agrestiCoull: "Some intervals are Agresti–Coull intervals.",
    designWald: "Intervals of weighted percentages are design-based Wald intervals (estimate ± z × standard error).",
    multipleBase: "Percentages of multi-select questions are of respondents (cases) and can add up to more than 100%.",
    pearson: "Cross-tabs of two single-choice questions are tested with Pearson's χ² test of independence, with the likelihood-ratio (G²) test and Cramér's V as effect size.",
    fisher: "2×2 tables also report Fisher's exact test.",
    smallExpected: "Where many cells have an expected count below 5 the χ² approximation may be poor; the caption states how many.",
    columnProportions:
      "Subscript letters after column percentages come from pairwise z-tests of column proportions (Bonferroni-adjusted, α = .05): two columns of a row that share no letter differ significantly.",
    residuals:
      "In the heat map, an adjusted (Haberman) residual beyond ±1.96 marks a cell whose count differs significantly from what independence predicts (p < .05).",
    perOption:
      "A multi-select question by a grouping question gets no overall χ² (one respondent can sit in several rows); each option is tested as ticked / not ticked × group with Pearson's χ², Holm-adjusted for multiple comparisons; significant options are marked * in the chart.",
    perOptionWeighted: "Weighted multi-select cross-tabs test each option with the Rao–Scott correction, Holm-adjusted.",
    raoScott:
      "Weighted cross-tabs are never tested with a plain χ² on weighted counts: they use the Rao–Scott second-order corrected F test (as svychisq in R's survey package).",
    ratio:
      "Ratios (such as party members ÷ staff) are ratios of totals Σy ÷ Σx, not averages of each organisation's ratio; standard errors by linearization (Taylor series), intervals by the normal approximation.",
    quartiles: "Quartiles follow definition 7 (R's default, PostgreSQL's percentile_cont).",
    histogram: "Histogram bin widths follow the Freedman–Diaconis rule; far outliers go to one open last bin.",
    apa: "p-values are reported in APA style.",
  },
  software:
    "All statistics are aggregated in the database and computed by the platform's analysis library, whose formulas are checked against R's survey package and SciPy.",
  subscriptNote:
    "Subscript letters after column percentages: two columns of a row that share no letter differ significantly (z-test of column proportions, Bonferroni-adjusted).",
  summary: (complete, figures) => `${complete.toLocaleString("en-US")} completed questionnaires · ${figures} figures`,
};
