import type { Calibration } from "../calibration.js";
import type { CrosstabResult } from "../crosstab.js";
import type { MultipleResponseCrosstabResult } from "../multiple-response-crosstab.js";
import type { WeightedCrosstabResult } from "../weighted-crosstab.js";
import type { WeightedMultipleResponseCrosstabResult } from "../weighted-multiple-response-crosstab.js";
import { type ChartCaption, chartCaption, weightingText } from "./caption.js";
import type { ChartMeta } from "./frame.js";
import { formatChiSquaredTest, formatPercent, formatRaoScottTest } from "./format.js";
import type { Language } from "../../i18n/language.js";
import { chartWords } from "./locale.js";

/** Any cross-tab result the chart builders draw. */
export type AnyCrosstabResult = CrosstabResult | WeightedCrosstabResult | MultipleResponseCrosstabResult | WeightedMultipleResponseCrosstabResult;

/** What the cross-tab charts need of a result, whatever its kind. */
export interface CrosstabView {
  rowLabels: string[];
  columnLabels: string[];
  /** Share of column j's respondents in row category i (multi-select: who ticked option i). */
  columnPercent: (number | null)[][];
  /** Share of row i in column j; null for multi-select (rows overlap). */
  rowPercent: (number | null)[][] | null;
  /** Unweighted respondents per column; null when only weighted bases are known. */
  columnBases: number[] | null;
  /** Overall share of each row category, for sorting. */
  rowShare: number[];
  multiple: boolean;
  /** Multi-select: whether each option differs between columns (Holm-adjusted p < .05). */
  significant: boolean[] | null;
  n: number | null;
  weightedN?: number;
  weighting?: Calibration["kind"];
  /** The formatted test; null when none could be made. */
  test: string | null;
  notes: string[];
}

/**
 * Reads a cross-tab result of any kind (unweighted or weighted, single or multi-select
 * rows) into what the charts draw, with its test formatted for the caption.
 *
 * @param result a `crosstab`, `weightedCrosstab`, `multipleResponseCrosstab` or `weightedMultipleResponseCrosstab` result
 * @param lang the chart's language
 * @returns the common view
 */
export function crosstabView(result: AnyCrosstabResult, lang: Language): CrosstabView {
  const words = chartWords(lang);
  const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);
  if ("multipleResponse" in result) {
    const weighted = "weightedBases" in result;
    const counts = weighted ? result.weightedCounts : result.counts;
    const bases = weighted ? result.weightedBases : result.bases;
    const pAdjusted = result.tests.map((t) => t.pHolm);
    const significant = pAdjusted.map((p) => p !== null && p < 0.05);
    return {
      rowLabels: result.optionLabels,
      columnLabels: result.columnLabels,
      columnPercent: result.columnPercent,
      rowPercent: null,
      columnBases: weighted ? null : result.bases,
      rowShare: counts.map((row) => (sum(bases) > 0 ? sum(row) / sum(bases) : 0)),
      multiple: true,
      significant,
      n: weighted ? null : sum(result.bases),
      ...(weighted ? { weightedN: sum(result.weightedBases), weighting: result.weighting } : {}),
      test: pAdjusted.every((p) => p === null) ? null : words.perOptionTests(significant.filter(Boolean).length, significant.length, weighted ? "Rao–Scott" : "χ²", "Holm"),
      notes: [words.multipleBase],
    };
  }
  if ("weightedCounts" in result) {
    const columnBases = result.columnLabels.map((_, j) => sum(result.counts.map((row) => row[j])));
    return {
      rowLabels: result.rowLabels,
      columnLabels: result.columnLabels,
      columnPercent: result.columnPercent,
      rowPercent: result.rowPercent,
      columnBases,
      rowShare: result.weightedCounts.map((row) => (result.weightedN > 0 ? sum(row) / result.weightedN : 0)),
      multiple: false,
      significant: null,
      n: result.n,
      weightedN: result.weightedN,
      weighting: result.weighting,
      test: result.tests ? formatRaoScottTest(result.tests.raoScott, lang) : null,
      notes: [],
    };
  }
  const notes: string[] = [];
  if (result.tests && result.smallExpected.cells > 0) {
    notes.push(words.smallExpected(result.smallExpected.cells, formatPercent(result.smallExpected.share)));
  }
  return {
    rowLabels: result.rowLabels,
    columnLabels: result.columnLabels,
    columnPercent: result.columnPercent,
    rowPercent: result.rowPercent,
    columnBases: result.columnTotals,
    rowShare: result.rowTotals.map((t) => (result.n > 0 ? t / result.n : 0)),
    multiple: false,
    significant: null,
    n: result.n,
    test: result.tests ? formatChiSquaredTest(result.tests, lang) : null,
    notes,
  };
}

/** The provenance caption of a cross-tab (base, filter, weighting, test), shared by its charts and its table. */
export function crosstabCaption(view: CrosstabView, meta: ChartMeta): ChartCaption {
  return chartCaption({
    lang: meta.lang,
    question: meta.title,
    n: view.n,
    ...(view.weightedN !== undefined ? { weightedN: view.weightedN } : {}),
    filter: meta.filter,
    weighting: weightingText(view.weighting, meta.lang, meta.weighting),
    test: view.test,
    notes: [...view.notes, ...(meta.notes ?? [])],
  });
}
