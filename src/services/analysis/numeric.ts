import { phrase, say } from "../../../i18n/phrase.js";
import { sql, type SQL } from "drizzle-orm";
import { histogramEdges, type HistogramBin } from "../../../analysis/charts/index.js";
import { type MeanInterval, meanInterval, numericSummary, type NumericSummary } from "../../../analysis/index.js";
import type { Db } from "../../db/client.js";
import { responses } from "../../db/schema/index.js";
import { AppError, fieldError } from "../../errors.js";
import { AnswerDecoder } from "./answer-decoder.js";
import { choiceColumns, decodeChoice, groupCounts } from "./cell-counts.js";
import { buildDesign, numericAnswer, notAskedFlag, type Design } from "./design.js";
import { groupingQuestion } from "./unit.js";
import { compute, requireKind, requireNumeric } from "./guard.js";
import type { NumericQuery } from "./requests.js";
import { describeQuestion, findQuestion, loadCatalog, type AnalysisQuestion } from "./analysis-question.js";

/**
 * n, mean, standard deviation, quartiles (type 7 = percentile_cont) and extremes of a
 * number question, overall and per category of `by`; respondents without a number are
 * counted as missing or not asked. Quartiles cannot be pooled from groups, so the
 * overall figures come from their own aggregate query (no GROUP BY). With
 * `chart: "histogram"` the result also carries histogram bins: edges chosen from the
 * overall summary (`histogramEdges`), counted in SQL with width_bucket.
 */
export async function numericAnalysis(db: Db, surveyName: string, request: NumericQuery) {
  const catalog = await loadCatalog(db, surveyName);
  const question = findQuestion(catalog, request.question, request.lang, "question");
  requireNumeric(question, "question");
  const by = request.by === undefined ? null : await groupingQuestion(db, catalog, request.by, request.lang, request.scope, "by");
  if (by) requireKind(by, "by", ["single"], phrase("roles.numericGrouping"));
  if (by && request.chart === "histogram") {
    throw new AppError("unprocessable", phrase("analysis.histogramGroups"), [fieldError("chart", "histogram_groups", phrase("analysis.histogramGroupsField"))]);
  }
  const design = buildDesign(catalog, request);
  const published = [...catalog.versions].sort((a, b) => a - b);
  const aggregates = summaryAggregates(published);
  const inputs = { x: numericAnswer(question), hidden: notAskedFlag(question), v: sql`${responses.version}` };
  const [[all], grouped] = await Promise.all([
    groupCounts(db, design, {}, { inputs, aggregates }),
    by ? groupCounts(db, design, choiceColumns(by, "by"), { inputs, aggregates }) : Promise.resolve([]),
  ]);

  const versions = published.map((version, i) => ({ version, responses: Number(all[`v${i}`]) })).filter((v) => v.responses > 0);
  const decoder = by ? new AnswerDecoder(by) : null;
  const byGaps = { missing: 0, notAsked: 0 };
  const perCategory = new Map<number, Record<string, unknown>>();
  for (const row of grouped) {
    const answer = decodeChoice(decoder!, row, "by");
    if (answer.status === "answered") perCategory.set(answer.categories[0], row);
    else byGaps[answer.status] += Number(row.n);
  }
  const overall = compute(phrase("computations.numericSummary"), () => summarize(all));
  const histogram = request.chart === "histogram" && overall.n > 0 ? await countBins(db, design, question, overall, all.whole === true) : null;
  return {
    analysis: "numeric" as const,
    survey: catalog.name,
    lang: request.lang,
    question: describeQuestion(question),
    by: by ? describeQuestion(by) : null,
    versions,
    filter: design.filters,
    includePartial: design.includePartial,
    ...overall,
    groups: (decoder?.categories ?? []).map((c, k) => {
      const row = perCategory.get(k);
      const summary = row ? compute(phrase("computations.numericSummary"), () => summarize(row)) : { ...numericSummary([]), notAsked: 0, se: null, ci: null };
      return { value: c.value, label: c.label, ...summary };
    }),
    ...(by ? { byMissing: byGaps } : {}),
    ...(request.chart === "histogram" ? { histogram } : {}),
    base: say(request.lang, phrase("bases.numeric", { name: question.name })),
  };
}

/** count, mean, sd, extremes and quartiles of x, the gaps, and rows per published version. */
function summaryAggregates(versions: number[]): Record<string, SQL> {
  return {
    valid: sql`count(x)::int`,
    mean: sql`avg(x)::float8`,
    sd: sql`stddev_samp(x)::float8`,
    lo: sql`min(x)::float8`,
    hi: sql`max(x)::float8`,
    q1: sql`percentile_cont(0.25) within group (order by x)::float8`,
    q2: sql`percentile_cont(0.5) within group (order by x)::float8`,
    q3: sql`percentile_cont(0.75) within group (order by x)::float8`,
    not_asked: sql`(count(*) filter (where x is null and hidden))::int`,
    whole: sql`bool_and(x = trunc(x))`,
    ...Object.fromEntries(versions.map((version, i) => [`v${i}`, sql`(count(*) filter (where v = ${version}))::int`])),
  };
}

/** Histogram bins over the overall summary's edges: one GROUP BY width_bucket(x, edges). */
async function countBins(db: Db, design: Design, question: AnalysisQuestion, summary: NumericSummary, integer: boolean) {
  const { edges, openEnd } = compute(phrase("computations.histogram"), () => histogramEdges(summary, { integer }));
  const x = numericAnswer(question);
  const thresholds = sql`array[${sql.join(
    edges.map((e) => sql`${e}::float8`),
    sql`, `,
  )}]`;
  const rows = await groupCounts(db, design, { bucket: sql`width_bucket(${x}, ${thresholds})` }, { where: sql`${x} is not null` });
  const last = edges.length - 1;
  const bins: HistogramBin[] = edges.slice(0, last).map((start, k) => ({ start, end: edges[k + 1], count: 0 }));
  if (openEnd) bins.push({ start: edges[last], end: edges[last] + (edges[last] - edges[last - 1]), count: 0 });
  // width_bucket: k ≥ 1 when edges[k-1] ≤ x < edges[k] (1-based), edges.length at or past the last edge.
  for (const row of rows) bins[Math.min(Math.max(Number(row.bucket) - 1, 0), bins.length - 1)].count += Number(row.n);
  return { edges, openEnd, integer, bins };
}

/** A summary with the mean's standard error and 95 % Student-t interval (null where n < 2). */
type SummaryWithInterval = NumericSummary & { notAsked: number; se: number | null; ci: MeanInterval["ci"] | null };

function summarize(row: Record<string, unknown>): SummaryWithInterval {
  const n = Number(row.valid);
  const notAsked = Number(row.not_asked);
  const missing = Number(row.n) - n - notAsked;
  if (n === 0) return { ...numericSummary([], missing), notAsked, se: null, ci: null };
  const summary = {
    ...numericSummary(
      {
        n,
        mean: Number(row.mean),
        sd: row.sd === null ? null : Number(row.sd),
        min: Number(row.lo),
        max: Number(row.hi),
        quartiles: [Number(row.q1), Number(row.q2), Number(row.q3)],
      },
      missing,
    ),
    notAsked,
  };
  const interval = summary.mean === null ? null : meanInterval(summary.mean, summary.sd, summary.n);
  return { ...summary, se: interval?.se ?? null, ci: interval?.ci ?? null };
}
