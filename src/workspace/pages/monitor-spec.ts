import type { Monitor } from "../types.js";

/** The words the chart needs. */
export interface ChartWords {
  date: string;
  count: string;
  state: string;
  complete: string;
  partial: string;
}

/** A CJK-capable font list for the chart's text (the page's own fonts; nothing is fetched). */
export const CHART_FONT = '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif';

/** The width of one day when the days fit. */
const STEP = 36;

/**
 * Arrivals per day as a vega-lite spec: a bar per day of the survey's time zone, complete and
 * partial stacked. Days are ordinal (the server already cut them in the survey's zone), so the
 * browser's own zone moves no bar; the date title names the survey's zone.
 * A few days get a bar of a fixed width; many share the available width.
 */
export function arrivalsSpec(days: Monitor["days"], w: ChartWords, width: number): Record<string, unknown> {
  const values = days.flatMap((d) => [
    { date: d.date, state: w.complete, count: d.complete, order: 0 },
    { date: d.date, state: w.partial, count: d.partial, order: 1 },
  ]);
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    ...(days.length * STEP < width ? { width: { step: STEP } } : { width: Math.max(200, width), autosize: { type: "fit-x", contains: "padding" } }),
    height: 220,
    data: { values },
    mark: { type: "bar", tooltip: false },
    encoding: {
      x: { field: "date", type: "ordinal", title: w.date, axis: { labelAngle: -45 } },
      y: { field: "count", type: "quantitative", title: w.count, stack: "zero", axis: { tickMinStep: 1, format: "d" } },
      color: {
        field: "state",
        type: "nominal",
        title: w.state,
        scale: { domain: [w.complete, w.partial], range: ["#b4001e", "#f2a7a7"] },
        legend: { orient: "top" },
      },
      order: { field: "order", type: "quantitative" },
    },
    config: { font: CHART_FONT, view: { stroke: null }, axis: { labelFontSize: 12, titleFontSize: 12 }, legend: { labelFontSize: 12, titleFontSize: 12 } },
  };
}
