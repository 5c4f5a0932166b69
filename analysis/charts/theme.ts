import type { Language } from "../../i18n/language.js";

/**
 * The family name of the CJK font the platform bundles (Noto Sans CJK SC, shipped as
 * "Noto Sans S Chinese" by the npm package @embedpdf/fonts-sc). It covers Simplified
 * and Traditional characters; the renderer loads it explicitly.
 */
export const BUNDLED_FONT_FAMILY = "Noto Sans S Chinese";

/**
 * Font stack of every chart: the bundled font first (what the server renders with),
 * then what a reader's system has when the SVG is opened elsewhere.
 *
 * @param lang the chart's language: Traditional Chinese prefers TC system fonts
 * @returns a CSS font-family list
 * @example
 * chartFontFamily("zh-Hans").startsWith('"Noto Sans S Chinese"'); // => true
 */
export function chartFontFamily(lang: Language): string {
  const system =
    lang === "zh-Hant" ? ["Noto Sans CJK TC", "Noto Sans TC", "Microsoft JhengHei", "PingFang TC"] : ["Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC"];
  return [BUNDLED_FONT_FAMILY, ...system, "sans-serif"].map((f) => (f === "sans-serif" ? f : `"${f}"`)).join(", ");
}

/** Width of a chart in CSS pixels: a 16 cm text column at 96 dpi. */
export const DEFAULT_CHART_WIDTH = 600;

/** Sizes in CSS pixels (at 600 px for 16 cm, 12 px prints at about 9 pt). */
export const SIZES = {
  label: 12,
  title: 13.5,
  caption: 11,
  value: 11,
  lineHeight: 15,
  /** Height of one bar when it stands alone. */
  bar: 20,
  /** Height of one bar in a group of bars. */
  groupedBar: 11,
} as const;

/** Colour of single-series bars and dots: a dark blue that prints well in grey. */
export const BAR_COLOR = "#3b6ea8";
/** Colour of interval whiskers and reference lines. */
export const INK = "#222222";
/** Colour of secondary text (captions, value labels). */
export const MUTED = "#444444";

/**
 * Categorical palette (Okabe & Ito 2008, colour-blind safe), reordered so that
 * neighbours differ in lightness too; yellow comes last as it is weak on white.
 */
export const CATEGORY_COLORS = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#999999", "#f0e442", "#000000"];

/**
 * Sequential blues for ordered categories (light to dark), enough contrast to tell
 * neighbouring segments apart in a stacked bar.
 *
 * @param count number of categories
 * @returns hex colours, lightest first
 * @example
 * orderedColors(3).length; // => 3
 */
export function orderedColors(count: number): string[] {
  const light = [198, 219, 239];
  const dark = [8, 48, 107];
  return Array.from({ length: count }, (_, k) => {
    const t = count === 1 ? 1 : 0.15 + (0.85 * k) / (count - 1);
    return `#${light
      .map((l, c) =>
        Math.round(l + (dark[c] - l) * t)
          .toString(16)
          .padStart(2, "0"),
      )
      .join("")}`;
  });
}

/**
 * Black or white, whichever reads better on a background colour (WCAG relative
 * luminance).
 *
 * @param hex background "#rrggbb"
 * @returns "#000000" or "#ffffff"
 * @example
 * textColorOn("#08306b"); // => "#ffffff"
 */
export function textColorOn(hex: string): string {
  const channel = (k: number) => {
    const v = parseInt(hex.slice(1 + 2 * k, 3 + 2 * k), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  return 1.05 / (luminance + 0.05) > (luminance + 0.05) / 0.05 ? "#ffffff" : "#000000";
}

/**
 * The vega-lite `config` every chart shares: the font stack, sizes, no chart border,
 * light grid lines.
 *
 * @param lang the chart's language
 * @returns a vega-lite config object
 * @example
 * chartConfig("en").font; // => '"Noto Sans S Chinese", "Noto Sans CJK SC", …'
 */
export function chartConfig(lang: Language): Record<string, unknown> {
  return {
    font: chartFontFamily(lang),
    background: "#ffffff",
    view: { stroke: null },
    padding: 8,
    axis: {
      labelFontSize: SIZES.label,
      titleFontSize: SIZES.label,
      titleFontWeight: "normal",
      labelColor: INK,
      titleColor: INK,
      domainColor: "#888888",
      tickColor: "#888888",
      gridColor: "#e4e4e4",
      labelLimit: 0,
      labelLineHeight: SIZES.lineHeight,
    },
    legend: {
      labelFontSize: SIZES.label,
      titleFontSize: SIZES.label,
      titleFontWeight: "normal",
      labelColor: INK,
      titleColor: INK,
      labelLimit: 0,
      symbolType: "square",
      symbolSize: 120,
    },
    title: {
      fontSize: SIZES.title,
      fontWeight: "bold",
      color: INK,
      subtitleFontSize: SIZES.caption,
      subtitleColor: MUTED,
      subtitleLineHeight: SIZES.caption + 4,
      lineHeight: SIZES.title + 5,
      subtitlePadding: 6,
      anchor: "start",
      frame: "bounds",
      orient: "bottom",
      offset: 14,
      limit: 0,
    },
    text: { fontSize: SIZES.value, color: INK },
  };
}
