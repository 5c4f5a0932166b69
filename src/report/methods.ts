import type { AnalysisOutput } from "./meta.js";
import { own } from "../lib/own.js";
import { weightingWords } from "./meta.js";
import type { Report, ReportItem } from "./run.js";
import { reportWords, type TestName } from "./words.js";

/** A small table of the methods section (weighting cells). */
export interface MethodsTable {
  header: string[];
  rows: (string | number)[][];
}

/** One part of the methods section: a heading, paragraphs, tables. */
export interface MethodsBlock {
  heading: string;
  paragraphs: string[];
  /** Lines of a list under the paragraphs. */
  list?: string[];
  tables?: MethodsTable[];
}

/** Every statistic named in the methods section, in the order they are explained. */
const TEST_ORDER: TestName[] = [
  "multipleBase",
  "wilson",
  "clopperPearson",
  "agrestiCoull",
  "designWald",
  "pearson",
  "fisher",
  "smallExpected",
  "columnProportions",
  "residuals",
  "perOption",
  "perOptionWeighted",
  "raoScott",
  "ratio",
  "quartiles",
  "histogram",
  "apa",
];

/**
 * The methods section of a report, written from what was run: the sample, each
 * figure's base (its caption's first line), each weighting with its population counts
 * and cell weights, and the tests and intervals the figures use — only those.
 *
 * @param report a computed report
 * @returns the blocks in order
 */
export function methodsSection(report: Report): MethodsBlock[] {
  const { ctx, sample, items } = report;
  const words = reportWords(ctx.lang);
  const blocks: MethodsBlock[] = [];

  const partialUsed = items.some((i) => i.result.includePartial);
  blocks.push({
    heading: words.sampleHeading,
    paragraphs: [
      words.sample(ctx.surveyTitle, ctx.survey, sample.versions.length > 0 ? sample.versions : [1], sample.complete) +
        (sample.partial > 0 ? (partialUsed ? words.partialUsed(sample.partial) : words.partialLeftOut(sample.partial)) : ""),
    ],
  });

  blocks.push({
    heading: words.basesHeading,
    paragraphs: [words.basesIntro],
    list: items.map((i) => `${words.figure(i.number)}${words.gap}${i.entry.title}${words.colon}${i.caption[0] ?? ""}`),
  });

  const weighted = weightings(items);
  if (weighted.length > 0) {
    blocks.push({
      heading: words.weightsHeading,
      paragraphs: weighted.flatMap(({ weight, figures, excluded }) => [
        `${figures.map(words.figure).join(words.listJoin)}${words.colon}${weightingWords(weight, ctx)}${words.stop}`,
        weight.kind === "poststratify" ? words.poststratifyMethod : words.rakeMethod,
        ...(excluded > 0 ? [words.excludedFromWeighting(excluded)] : []),
      ]),
      tables: weighted.map(({ weight }) => weightTable(weight, report)),
    });
  }

  const used = new Set(items.flatMap(testsOf));
  if (used.size > 0) used.add("apa");
  blocks.push({
    heading: words.testsHeading,
    paragraphs: [...TEST_ORDER.filter((t) => used.has(t)).map((t) => words.tests[t]), words.software],
  });
  return blocks;
}

type Weight = NonNullable<Extract<AnalysisOutput, { weight: unknown }>["weight"]>;

/** The distinct weightings of a report and the figures that use each. */
function weightings(items: ReportItem[]) {
  const found = new Map<string, { weight: Weight; figures: number[]; excluded: number }>();
  for (const item of items) {
    const weight = "weight" in item.result ? item.result.weight : null;
    if (!weight) continue;
    const key = JSON.stringify([weight.kind, weight.questions, weight.population]);
    const entry = found.get(key) ?? { weight, figures: [], excluded: 0 };
    entry.figures.push(item.number);
    entry.excluded = Math.max(entry.excluded, weight.excluded.rows);
    found.set(key, entry);
  }
  return [...found.values()];
}

/** Cells of a weighting: sample count, population count (post-stratification) and weight. */
function weightTable(weight: Weight, report: Report): MethodsTable {
  const words = reportWords(report.ctx.lang);
  const label = (key: string[]) => key.map((v, i) => report.ctx.choiceLabel(weight.questions[i], v)).join(" × ");
  const post = weight.kind === "poststratify";
  return {
    header: [words.weightCells.cell, words.weightCells.sample, ...(post ? [words.weightCells.population] : []), words.weightCells.weight],
    rows: weight.cells.map((c) => [label(c.key), c.n, ...(post ? [own<number>(weight.population[0], c.key[0]) ?? ""] : []), Number(c.weight.toFixed(3))]),
  };
}

/**
 * The tests and intervals a report item shows.
 *
 * @param item a computed analysis
 * @returns the names of its statistics
 */
export function testsOf(item: ReportItem): TestName[] {
  const r = item.result;
  switch (r.analysis) {
    case "frequencies": {
      const method = r.ci.find((ci) => ci !== null)?.method ?? "";
      const interval: TestName[] = method.startsWith("wald")
        ? ["designWald"]
        : method === "clopper-pearson"
          ? ["clopperPearson"]
          : method === "agresti-coull"
            ? ["agrestiCoull"]
            : method === "wilson"
              ? ["wilson"]
              : [];
      return [...interval, ...(r.kind === "multiple" ? (["multipleBase"] as const) : [])];
    }
    case "crosstab": {
      if ("multipleResponse" in r) return ["multipleBase", "weightedBases" in r ? "perOptionWeighted" : "perOption"];
      if (r.weighted) return r.tests ? ["raoScott"] : [];
      if (!("adjustedResiduals" in r)) return [];
      const tests: TestName[] = r.tests ? ["pearson", "columnProportions"] : [];
      if (r.tests?.fisher) tests.push("fisher");
      if (r.tests && r.smallExpected.cells > 0) tests.push("smallExpected");
      if (item.chart === "heatmap") tests.push("residuals");
      return tests;
    }
    case "ratio":
      return ["ratio"];
    case "numeric":
      return item.chart === "histogram" ? ["quartiles", "histogram"] : ["quartiles"];
  }
}
