/**
 * The jobs a worker thread runs, by name: pure functions of plain data (structured-cloneable in
 * and out), so the same code runs in a worker or, without a pool, in the caller's thread.
 */
import type { TopLevelSpec } from "vega-lite";
import { renderSvg, svgToPng, type PngOptions } from "../render/index.js";
import { checkRows, type CheckRowsInput } from "../services/import/check-rows.js";

/** Draws a chart: vega-lite spec → SVG → PNG. */
async function renderChart(input: { spec: TopLevelSpec; png?: PngOptions }): Promise<{ svg: string; png: Uint8Array }> {
  const svg = await renderSvg(input.spec);
  return { svg, png: svgToPng(svg, input.png ?? {}) };
}

export const tasks = {
  renderChart,
  checkRows: async (input: CheckRowsInput) => checkRows(input),
};

export type JobName = keyof typeof tasks;
export type JobInput<N extends JobName> = Parameters<(typeof tasks)[N]>[0];
export type JobOutput<N extends JobName> = Awaited<ReturnType<(typeof tasks)[N]>>;
