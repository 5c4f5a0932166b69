import type { TopLevelSpec } from "vega-lite";
import type { ChartCaption } from "./caption.js";
import type { Language } from "../../i18n/language.js";
import { chartWords } from "./locale.js";
import { chartConfig, DEFAULT_CHART_WIDTH, SIZES } from "./theme.js";
import { textWidthEm, wrapText } from "./wrap-text.js";

/** Display metadata every chart builder takes besides the analysis result. */
export interface ChartMeta {
  lang: Language;
  /** The question text: the chart's title. */
  title: string;
  /** Display text per category value (of the row question in a cross-tab); other values print as they are. */
  labels?: Record<string, string>;
  /** Cross-tabs: the column question's (short) text, the legend's title. */
  columnTitle?: string;
  /** Cross-tabs: display text per column category value. */
  columnLabels?: Record<string, string>;
  /** The filter in words, in the chart's language; omitted: all respondents. */
  filter?: string;
  /** The weighting in words; omitted: named after the result's calibration kind. */
  weighting?: string;
  /** Further caption lines, e.g. the data source. */
  notes?: string[];
  /** Overall width in CSS pixels; default 600 (a 16 cm column at 96 dpi). */
  width?: number;
}

/** The expression that turns a "\n"-joined axis label into lines. */
export const LINES_EXPR = "split(datum.label, '\\n')";

/**
 * A category's display text: its label, SurveyJS's "other" item in words, or the value.
 *
 * @param value the category value
 * @param labels display texts by value
 * @param lang the chart's language
 * @returns the text to print
 * @example
 * displayText("other", {}, "zh-Hans"); // => "其他"
 */
export function displayText(value: string, labels: Record<string, string> | undefined, lang: Language): string {
  // Own labels only: a value such as "toString" must not find the function every object inherits.
  const label = labels && Object.hasOwn(labels, value) ? labels[value] : undefined;
  return label ?? (value === "other" ? chartWords(lang).other : value);
}

/**
 * A category's display text, wrapped for an axis: at most `maxLines` lines joined by
 * "\n" (split again by `LINES_EXPR`).
 *
 * @param text the display text
 * @param maxEm widest line in em
 * @param maxLines most lines
 * @returns the wrapped label
 * @example
 * axisLabel("多个管理部门，职责不明确", 8, 2); // => "多个管理部门，\n职责不明确"
 */
export function axisLabel(text: string, maxEm: number, maxLines: number): string {
  return wrapText(text, maxEm, maxLines).join("\n");
}

/** Widest line of axis labels in em, for the label column width. */
export function labelColumnEm(labels: string[]): number {
  return Math.max(0, ...labels.flatMap((l) => l.split("\n").map(textWidthEm)));
}

/** Most lines of any label. */
export function maxLineCount(labels: string[]): number {
  return Math.max(1, ...labels.map((l) => l.split("\n").length));
}

/** Widest axis label line in em per language (Latin text needs more em for the same words). */
export function labelMaxEm(lang: Language): number {
  return lang === "en" ? 16 : 10;
}

/**
 * Makes the top-level spec: schema, shared config, width fitted to the page column,
 * the question as title and the provenance caption below the chart (Chinese figure
 * captions sit under the figure), the caption also in `description` and `usermeta`.
 *
 * @param meta display metadata
 * @param caption the chart's caption
 * @param body the view: data, mark or layer, encodings
 * @returns a vega-lite spec
 */
export function frameChart(meta: ChartMeta, caption: ChartCaption, body: Record<string, unknown>): TopLevelSpec {
  const width = meta.width ?? DEFAULT_CHART_WIDTH;
  const usable = width - 20;
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    description: caption.text,
    usermeta: { caption: caption.lines, title: caption.title, lang: meta.lang },
    config: chartConfig(meta.lang),
    width,
    autosize: { type: "fit-x", contains: "padding" },
    title: {
      text: wrapText(caption.title, usable / SIZES.title),
      subtitle: caption.lines.flatMap((line) => wrapText(line, usable / SIZES.caption)),
    },
    ...body,
  } as unknown as TopLevelSpec;
}

/**
 * Tick values of a percentage axis from 0 to `max` (at most 1): steps of 5, 10, 20 or
 * 25 points, so that there are about five to seven ticks.
 *
 * @param max the end of the scale's domain
 * @returns tick values as fractions
 * @example
 * percentTicks(0.6); // => [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6]
 */
export function percentTicks(max: number): number[] {
  const top = Math.min(1, max);
  const step = [0.05, 0.1, 0.2, 0.25].find((s) => top / s <= 7) ?? 0.25;
  const ticks: number[] = [];
  for (let k = 0; k * step <= top + 1e-9; k++) ticks.push(Math.round(k * step * 100) / 100);
  return ticks;
}

/**
 * The end of a percentage scale that leaves room right of the longest bar (or
 * interval) for its value label: `reservePx` of an estimated `plotPx` wide plot.
 *
 * @param maxValue largest value drawn (a fraction)
 * @param plotPx estimated plot width in pixels
 * @param reservePx room for the label in pixels
 * @returns the domain end
 */
export function domainWithRoom(maxValue: number, plotPx: number, reservePx: number): number {
  const fraction = Math.min(0.5, reservePx / Math.max(plotPx, 1));
  return Math.max(maxValue, 0.01) / (1 - fraction);
}

/**
 * Axis properties for a band axis whose labels may have several lines: the lines are
 * split by `LINES_EXPR`, and a vertical axis moves each label up by half its extra
 * lines, since vega centres only a label's first line on the band.
 *
 * @param vertical whether the axis is the y axis (labels beside the bands)
 * @param extra further axis properties
 * @returns a vega-lite axis definition
 */
export function bandAxis(vertical: boolean, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const extraLines = "(length(split(datum.label, '\\n')) - 1)";
  // A left axis centres a label's first line on the band; a top axis hangs the lines
  // below the baseline, into the plot. Shift both back.
  const top = extra.orient === "top";
  const dy = vertical ? `-${extraLines} * ${SIZES.lineHeight / 2}` : top ? `-${extraLines} * ${SIZES.lineHeight}` : null;
  return {
    title: null,
    ticks: false,
    domain: false,
    labelPadding: 8,
    labelExpr: LINES_EXPR,
    ...(dy ? { encoding: { labels: { dy: { value: { expr: dy } } } } } : {}),
    ...extra,
  };
}

/**
 * A legend laid out in rows across the chart (vega lays a horizontal legend out in one
 * line otherwise, running off the page): as many columns as the widest entry allows.
 *
 * @param labels the legend's labels
 * @param width the chart's width in pixels
 * @param title the legend's title, or null
 * @returns a vega-lite legend definition
 */
export function rowLegend(labels: string[], width: number, title: string | null): Record<string, unknown> {
  const entryPx = Math.max(...labels.map((l) => textWidthEm(l)), 1) * SIZES.label + 30;
  const titlePx = title ? textWidthEm(title) * SIZES.label + 10 : 0;
  const columns = Math.max(1, Math.min(labels.length, Math.floor((width - 20 - titlePx) / entryPx)));
  return {
    title,
    orient: "top",
    direction: "horizontal",
    columns,
    columnPadding: 14,
    rowPadding: 6,
    titleOrient: "left",
    titleAnchor: "start",
    titleBaseline: "top",
    titlePadding: 10,
    padding: 2,
  };
}

/** A label followed by its base, "市（n = 90）" or "City (n = 90)". */
export function withBase(label: string, n: number | null, lang: Language): string {
  if (n === null) return label;
  return lang === "en" ? `${label} (n = ${n.toLocaleString("en-US")})` : `${label}（n = ${n}）`;
}
