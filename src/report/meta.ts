import { chartWords, type ChartMeta } from "../../analysis/charts/index.js";
import { own } from "../lib/own.js";
import type { NumericSummary, RatioEstimate } from "../../analysis/index.js";
import type { crosstabAnalysis } from "../services/analysis/crosstab.js";
import type { frequencyAnalysis } from "../services/analysis/frequencies.js";
import type { numericAnalysis } from "../services/analysis/numeric.js";
import type { ratioAnalysis } from "../services/analysis/ratio.js";
import type { PresentContext } from "./context.js";
import { reportWords } from "./words.js";
import { words as catalogueWords } from "../../i18n/words.js";
import type { Language } from "../../i18n/language.js";

/** What a unit filter is called in a caption: the export's word for the collection unit. */
const unitTitle = (lang: Language) => catalogueWords(lang).export.unit;

export type FrequencyOutput = Awaited<ReturnType<typeof frequencyAnalysis>>;
export type CrosstabOutput = Awaited<ReturnType<typeof crosstabAnalysis>>;
export type RatioOutput = Awaited<ReturnType<typeof ratioAnalysis>>;
export type NumericOutput = Awaited<ReturnType<typeof numericAnalysis>>;
/** Whatever an analysis service returns; `analysis` tells which. */
export type AnalysisOutput = FrequencyOutput | CrosstabOutput | RatioOutput | NumericOutput;

/** Display choices a report definition can make; the API uses the defaults. */
export interface DisplayOptions {
  /** The chart's and table's title; default the question's text. */
  title?: string;
  /** The value axis of ratio, histogram and box-plot charts. */
  valueTitle?: string;
  /** The legend title of a cross-tab; default the column question's text. */
  columnTitle?: string;
  /** Further caption lines. */
  notes?: string[];
}

/** Key of the whole-sample entry among group keys (no category value looks like it). */
export const OVERALL_KEY = "\u0000overall";

/** A category value as the key charts and tables look labels up by. */
export function categoryKey(value: unknown): string {
  return String(value);
}

/**
 * The ChartMeta shared by every kind of result: language, title, filter and weighting
 * in words, and the data source, all in the chart's language.
 *
 * @param result any analysis result
 * @param ctx questionnaire texts
 * @param display the caller's display choices
 * @returns the meta without category labels
 */
export function baseMeta(result: AnalysisOutput, ctx: PresentContext, display: DisplayOptions): ChartMeta {
  const words = reportWords(ctx.lang);
  const filters = result.filter.map((f) => words.filterItem("question" in f ? ctx.questionTitle(f.question) : unitTitle(ctx.lang), f.labels));
  if (result.includePartial) filters.push(words.partialIncluded);
  const versions = result.versions.map((v) => v.version);
  const question = questionText(result);
  const title = display.title ?? defaultTitle(result, ctx);
  // A title of the caller's own: the caption keeps the question's wording.
  const wording = question && title !== question ? [words.wording(question)] : [];
  return {
    lang: ctx.lang,
    title,
    ...(filters.length > 0 ? { filter: filters.join(words.filterJoin) } : {}),
    ...("weight" in result && result.weight ? { weighting: weightingWords(result.weight, ctx) } : {}),
    notes: [...wording, ...(display.notes ?? []), ...(versions.length > 0 ? [words.source(ctx.surveyTitle, versions)] : [])],
  };
}

/** The wording of the question a result is about (the row of a cross-tab); none for a ratio. */
function questionText(result: AnalysisOutput): string | null {
  switch (result.analysis) {
    case "frequencies":
    case "numeric":
      return result.question.title;
    case "crosstab":
      return result.row.title;
    case "ratio":
      return null;
  }
}

/** The weighting of a result in words: method, question and population counts. */
export function weightingWords(weight: NonNullable<FrequencyOutput["weight"]>, ctx: PresentContext): string {
  const words = reportWords(ctx.lang);
  if (weight.kind === "rake") return words.raked(weight.questions.map(ctx.questionTitle));
  const question = weight.questions[0];
  const population = Object.entries(weight.population[0])
    .map(([value, count]) => words.populationItem(ctx.choiceLabel(question, value), count))
    .join(words.listJoin);
  return words.poststratified(ctx.questionTitle(question), population);
}

function defaultTitle(result: AnalysisOutput, ctx: PresentContext): string {
  switch (result.analysis) {
    case "frequencies":
    case "numeric":
      return result.question.title;
    case "crosstab": {
      const option = result.rowOption === null ? null : result.rowCategories[0]?.label;
      return option ? `${result.row.title}（${option}）` : result.row.title;
    }
    case "ratio":
      return ratioTitle(result, ctx);
  }
}

/** "numerator ÷ denominator" in the questionnaire's words. */
export function ratioTitle(result: RatioOutput, ctx: PresentContext): string {
  const unitless = (name: string) =>
    ctx
      .questionTitle(name)
      .replace(/[（(][^（）()]*[）)]$/, "")
      .trim();
  return `${unitless(result.numerator.name)} / ${unitless(result.denominator.name)}`;
}

/** A frequency result keyed by category value, with the value → text map. */
export function keyedFrequencies(result: FrequencyOutput, ctx: PresentContext) {
  const keys = result.categories.map((c) => categoryKey(c.value));
  return { result: { ...result, labels: keys }, labels: labelMap(keys, result.categories, own(ctx.labels, result.question.name)) };
}

/** A cross-tab result keyed by row and column category values, with both value → text maps. */
export function keyedCrosstab(result: CrosstabOutput, ctx: PresentContext) {
  const rowKeys = result.rowCategories.map((c) => categoryKey(c.value));
  const columnKeys = result.columnCategories.map((c) => categoryKey(c.value));
  const keyed = "multipleResponse" in result ? { ...result, optionLabels: rowKeys, columnLabels: columnKeys } : { ...result, rowLabels: rowKeys, columnLabels: columnKeys };
  return {
    result: keyed as typeof result,
    labels: labelMap(rowKeys, result.rowCategories, own(ctx.labels, result.row.name)),
    columnLabels: labelMap(columnKeys, result.columnCategories, own(ctx.labels, result.column.name)),
  };
}

/** A ratio result as `{ overall, groups }` keyed by group value (the whole sample as one group when there is no `by`). */
export function keyedRatio(result: RatioOutput, ctx: PresentContext) {
  const overall: RatioEstimate = {
    n: result.n,
    ratio: result.ratio,
    se: result.se,
    ci: result.ci,
    numeratorTotal: result.numeratorTotal,
    denominatorTotal: result.denominatorTotal,
  };
  const groups: RatioEstimate[] = result.groups.map((g) => ({ ...g, label: categoryKey(g.value) }));
  const labels = {
    ...labelMap(
      groups.map((g) => g.label!),
      result.groups,
      own(ctx.labels, result.by?.name ?? ""),
    ),
    [OVERALL_KEY]: chartWords(ctx.lang).overall,
  };
  return { overall, groups, labels };
}

/** A numeric result as labelled summaries: its groups, or the whole sample alone when there is no `by`. */
export function keyedNumeric(result: NumericOutput, ctx: PresentContext) {
  const summary = numericSummaryOf(result);
  const groups = result.groups.map((g) => ({ ...numericSummaryOf(g), label: categoryKey(g.value) }));
  const labels = {
    ...labelMap(
      groups.map((g) => g.label),
      result.groups,
      own(ctx.labels, result.by?.name ?? ""),
    ),
    [OVERALL_KEY]: chartWords(ctx.lang).overall,
  };
  return { summary, groups, overall: { ...summary, label: OVERALL_KEY }, labels };
}

/** The NumericSummary fields of a result or group. */
export function numericSummaryOf(s: NumericSummary): NumericSummary {
  const { n, missing, mean, sd, min, q1, median, q3, max, quantileDefinition } = s;
  return { n, missing, mean, sd, min, q1, median, q3, max, quantileDefinition };
}

function labelMap(keys: string[], categories: { label: string }[], short: Record<string, string> = {}): Record<string, string> {
  return Object.fromEntries(keys.map((k, i) => [k, own<string>(short, k) ?? categories[i].label]));
}
