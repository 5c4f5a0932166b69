import type { FrequenciesResult, NumericSummary, RatioEstimate, WeightedFrequenciesResult } from "../../analysis/index.js";
import { chartCaption, crosstabCaption, crosstabView, displayText, frequencyCaption, weightingText, type AnyCrosstabResult, type ChartMeta } from "../../analysis/charts/index.js";
import { num, text, type HeaderCell, type ResultTable, type TableCell } from "./result-table.js";
import { tableWords } from "./table-words.js";

/**
 * A frequency table: per category the count (and weighted count), the percent of
 * respondents with its interval, for multi-select also the percent of responses; a
 * total row and the missing count; notes with base, filter, weighting.
 *
 * @param result a `frequencies` or `weightedFrequencies` result
 * @param meta question text, category labels, language, filter, weighting
 * @returns the table
 */
export function frequencyTable(result: FrequenciesResult | WeightedFrequenciesResult, meta: ChartMeta): ResultTable {
  const t = tableWords(meta.lang);
  const weighted = "weightedN" in result;
  const multiple = result.kind === "multiple";
  const level = result.ci.find((ci) => ci !== null)?.level ?? 0.95;
  const header: HeaderCell[] = [
    { text: t.category },
    { text: t.count },
    ...(weighted ? [{ text: t.weightedCount }] : []),
    { text: t.percent },
    { text: t.lower(level) },
    { text: t.upper(level) },
    ...(multiple ? [{ text: t.percentOfResponses }] : []),
  ];
  const rows: TableCell[][] = result.labels.map((value, k) => [
    text(displayText(value, meta.labels, meta.lang)),
    num(result.counts[k], "count"),
    ...(weighted ? [num(result.weightedCounts[k], "weighted")] : []),
    num(result.casePercent[k], "percent"),
    num(result.ci[k]?.lower, "percent"),
    num(result.ci[k]?.upper, "percent"),
    ...(multiple ? [num(result.responsePercent[k], "percent")] : []),
  ]);
  rows.push([
    text(t.total, true),
    num(result.n, "count", true),
    ...(weighted ? [num(result.weightedN, "weighted", true)] : []),
    num(multiple ? null : 1, "percent", true),
    num(null, "percent"),
    num(null, "percent"),
    ...(multiple ? [num(1, "percent", true)] : []),
  ]);
  if (result.missing > 0) rows.push([text(t.missing), num(result.missing, "count")]);
  return { name: meta.title, title: meta.title, header: [header], rows, notes: frequencyCaption(result, meta).lines };
}

/**
 * A cross-tab: row categories down, per column group its count (weighted count when
 * weighted) and column percentage, a total column and row; for an unweighted single
 * choice table also the adjusted residuals. Notes with base, filter, weighting, test.
 *
 * @param result any cross-tab result
 * @param meta row question text, row and column labels, column question's text, language
 * @returns the table
 */
export function crosstabTable(result: AnyCrosstabResult, meta: ChartMeta): ResultTable {
  const t = tableWords(meta.lang);
  const view = crosstabView(result, meta.lang);
  const weighted = view.weighting !== undefined;
  const counts: number[][] =
    "multipleResponse" in result ? ("weightedCounts" in result ? result.weightedCounts : result.counts) : "weightedCounts" in result ? result.weightedCounts : result.counts;
  const countFormat = weighted ? "weighted" : "count";
  const bases: number[] =
    "multipleResponse" in result ? ("weightedBases" in result ? result.weightedBases : result.bases) : view.columnLabels.map((_, j) => counts.reduce((s, row) => s + row[j], 0));
  const total = bases.reduce((s, v) => s + v, 0);
  const residuals = "adjustedResiduals" in result ? result.adjustedResiduals : null;
  const countWord = weighted ? t.weightedCount : t.count;
  const perColumn = residuals ? 3 : 2;
  const columnNames = [...view.columnLabels.map((v) => displayText(v, meta.columnLabels, meta.lang)), t.total];
  const header: HeaderCell[][] = [
    [{ text: meta.columnTitle ?? "" }, ...columnNames.map((name, j) => ({ text: name, span: j < view.columnLabels.length ? perColumn : 2 }))],
    [
      { text: t.category },
      ...view.columnLabels.flatMap(() => [{ text: countWord }, { text: t.columnPercent }, ...(residuals ? [{ text: t.residual }] : [])]),
      { text: countWord },
      { text: t.columnPercent },
    ],
  ];
  const rows: TableCell[][] = view.rowLabels.map((value, i) => {
    const rowTotal = counts[i].reduce((s, v) => s + v, 0);
    return [
      text(displayText(value, meta.labels, meta.lang)),
      ...view.columnLabels.flatMap((_, j) => [num(counts[i][j], countFormat), num(view.columnPercent[i][j], "percent"), ...(residuals ? [num(residuals[i][j], "decimal")] : [])]),
      num(rowTotal, countFormat),
      num(total > 0 ? rowTotal / total : null, "percent"),
    ];
  });
  rows.push([
    text(t.total, true),
    ...bases.flatMap((b) => [num(b, countFormat, true), num(view.multiple ? null : b > 0 ? 1 : null, "percent", true), ...(residuals ? [num(null, "decimal")] : [])]),
    num(total, countFormat, true),
    num(view.multiple ? null : total > 0 ? 1 : null, "percent", true),
  ]);
  const caption = crosstabCaption(view, meta);
  return { name: meta.title, title: meta.title, header, rows, notes: caption.lines };
}

/**
 * A ratio of totals by group: n, numerator and denominator totals, ratio, standard
 * error and interval per group and overall.
 *
 * @param result a `ratioOfTotals` or `calibratedRatioOfTotals` result
 * @param meta title, group labels, language, filter, weighting
 * @param options `percent` (default true) prints ratios as percentages
 * @returns the table
 */
export function ratioTable(result: { overall: RatioEstimate; groups: RatioEstimate[] }, meta: ChartMeta, options: { percent?: boolean } = {}): ResultTable {
  const t = tableWords(meta.lang);
  const format = (options.percent ?? true) ? "percent" : "ratio";
  const level = result.overall.ci?.level ?? 0.95;
  const row = (label: string, r: RatioEstimate, bold = false): TableCell[] => [
    text(label, bold),
    num(r.n, "count", bold),
    num(r.numeratorTotal, "decimal", bold),
    num(r.denominatorTotal, "decimal", bold),
    num(r.ratio, format, bold),
    num(r.se, "ratio", bold),
    num(r.ci?.lower, format, bold),
    num(r.ci?.upper, format, bold),
  ];
  const header = [t.group, t.n, t.numerator, t.denominator, t.ratio, t.se, t.lower(level), t.upper(level)].map((h) => ({ text: h }));
  const rows = result.groups.map((g, k) => row(displayText(g.label ?? String(k + 1), meta.labels, meta.lang), g));
  rows.push(row(t.total, result.overall, true));
  const caption = chartCaption({
    lang: meta.lang,
    question: meta.title,
    n: result.overall.n,
    filter: meta.filter,
    weighting: weightingText(undefined, meta.lang, meta.weighting),
    notes: meta.notes ?? [],
  });
  return { name: meta.title, title: meta.title, header: [header], rows, notes: caption.lines };
}

/**
 * Summaries of a numeric question by group: n, missing, mean, SD, minimum, quartiles,
 * maximum.
 *
 * @param groups `numericSummaryByGroup` output (or one summary with a label)
 * @param meta question text, group labels, language, filter
 * @returns the table
 */
export function numericTable(groups: (NumericSummary & { label: string })[], meta: ChartMeta): ResultTable {
  const t = tableWords(meta.lang);
  const header = [t.group, t.n, t.missing, t.mean, t.sd, t.min, t.q1, t.median, t.q3, t.max].map((h) => ({ text: h }));
  const rows = groups.map((g) => [
    text(displayText(g.label, meta.labels, meta.lang)),
    num(g.n, "count"),
    num(g.missing, "count"),
    ...[g.mean, g.sd, g.min, g.q1, g.median, g.q3, g.max].map((v) => num(v, "decimal")),
  ]);
  const caption = chartCaption({
    lang: meta.lang,
    question: meta.title,
    n: groups.reduce((s, g) => s + g.n, 0),
    missing: groups.reduce((s, g) => s + g.missing, 0),
    filter: meta.filter,
    weighting: weightingText(undefined, meta.lang, meta.weighting),
    notes: meta.notes ?? [],
  });
  return { name: meta.title, title: meta.title, header: [header], rows, notes: caption.lines };
}
