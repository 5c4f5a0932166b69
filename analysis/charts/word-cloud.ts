import type { TopLevelSpec } from "vega-lite";
import { chartCaption } from "./caption.js";
import { frameChart, type ChartMeta } from "./frame.js";
import type { KeywordChartText, KeywordDatum } from "./keyword-bars.js";
import { CATEGORY_COLORS, DEFAULT_CHART_WIDTH } from "./theme.js";
import { textWidthEm } from "./wrap-text.js";

/** A placed word: its centre in plot pixels and its font size. */
export interface CloudWord {
  word: string;
  respondents: number;
  share: number;
  x: number;
  y: number;
  size: number;
  color: string;
}

const MIN_SIZE = 12;
const MAX_SIZE = 46;

/**
 * Lays words out as a cloud: font size by respondents (linear between 12 and 46 px), the
 * most used word in the middle, each next one on an Archimedean spiral out from the centre
 * until its box overlaps none placed before (Wordle's method, as d3-cloud and vega's
 * wordcloud transform; that transform needs a canvas to measure glyphs, which the server
 * has not, so boxes come from the chart font's advance widths). Deterministic: no random
 * start, no rotation. A word that finds no room inside the plot is left out.
 *
 * @param words most used first
 * @param width plot width in pixels
 * @param height plot height in pixels
 * @returns the words that were placed
 * @example layoutWordCloud([{ word: "经费", respondents: 9, share: 0.3 }], 400, 200)[0] // => { word: "经费", x: 200, y: 100, size: 46, … }
 */
export function layoutWordCloud(words: KeywordDatum[], width: number, height: number): CloudWord[] {
  if (!(width > 0 && height > 0)) throw new Error(`layoutWordCloud: width and height must be positive, got ${width}×${height}`);
  const counts = words.map((w) => w.respondents);
  const lo = Math.min(...counts);
  const hi = Math.max(...counts);
  const placed: { box: [number, number, number, number]; word: CloudWord }[] = [];
  const overlaps = (b: [number, number, number, number]) => placed.some(({ box: p }) => b[0] < p[2] && b[2] > p[0] && b[1] < p[3] && b[3] > p[1]);
  words.forEach((w, i) => {
    const size = hi === lo ? MAX_SIZE : MIN_SIZE + ((MAX_SIZE - MIN_SIZE) * (w.respondents - lo)) / (hi - lo);
    const halfW = (textWidthEm(w.word) * size) / 2 + 2;
    const halfH = (size * 1.15) / 2;
    // The spiral is stretched to the plot's aspect, so a wide plot fills left and right.
    const aspect = width / height;
    for (let t = 0; t < 2000; t++) {
      const angle = t * 0.35;
      const radius = 1.6 * angle;
      const x = width / 2 + radius * Math.cos(angle) * Math.sqrt(aspect);
      const y = height / 2 + (radius * Math.sin(angle)) / Math.sqrt(aspect);
      const box: [number, number, number, number] = [x - halfW, y - halfH, x + halfW, y + halfH];
      if (box[0] < 0 || box[1] < 0 || box[2] > width || box[3] > height) continue;
      if (overlaps(box)) continue;
      placed.push({ box, word: { word: w.word, respondents: w.respondents, share: w.share, x, y, size, color: CATEGORY_COLORS[i % 6] } });
      return;
    }
  });
  return placed.map((p) => p.word);
}

/**
 * A word cloud of the most used words of open answers (font size by respondents), with
 * the same caption as the keyword bars. A cloud shows what answers talk about, not how
 * much: the bars carry the shares.
 *
 * @param words most used first
 * @param meta question text, language, filter, weighting, notes
 * @param text base words (the axis title is not drawn)
 * @returns a vega-lite spec of positioned text marks
 * @throws {Error} when no word could be placed
 */
export function wordCloud(words: KeywordDatum[], meta: ChartMeta, text: KeywordChartText): TopLevelSpec {
  const width = (meta.width ?? DEFAULT_CHART_WIDTH) - 40;
  const height = Math.round(width * 0.55);
  const placed = layoutWordCloud(words, width, height);
  if (placed.length === 0) throw new Error("wordCloud: no words to draw (no answer has a content word)");
  const caption = chartCaption({
    lang: meta.lang,
    question: meta.title,
    n: text.n,
    weightedN: text.weightedN,
    filter: meta.filter,
    weighting: meta.weighting,
    notes: [text.base, ...(meta.notes ?? [])],
  });
  return frameChart(meta, caption, {
    data: { values: placed },
    height,
    mark: { type: "text", align: "center", baseline: "middle" },
    encoding: {
      x: { field: "x", type: "quantitative", scale: { domain: [0, width], nice: false, zero: false }, axis: null },
      y: { field: "y", type: "quantitative", scale: { domain: [0, height], nice: false, zero: false, reverse: true }, axis: null },
      size: { field: "size", type: "quantitative", scale: null, legend: null },
      color: { field: "color", type: "nominal", scale: null, legend: null },
      text: { field: "word" },
    },
    config: { ...(frameChart(meta, caption, {}) as unknown as { config: Record<string, unknown> }).config, view: { stroke: null } },
  });
}
