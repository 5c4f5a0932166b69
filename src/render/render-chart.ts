import { Resvg } from "@resvg/resvg-js";
import * as vega from "vega";
import { parse, View, type Loader, type Spec as VegaSpec } from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { chartFonts } from "./chart-fonts.js";
import { setPngDensity } from "./png-density.js";

/** 16 cm (an A4 text column) at 300 dpi: the default PNG width. */
export const PRINT_WIDTH_PX = Math.round((16 / 2.54) * 300);

/** A vega-lite spec compiled to vega, with what the compiler warned about. */
export interface CompiledChart {
  vega: VegaSpec;
  warnings: string[];
}

/**
 * Compiles a vega-lite spec to a vega spec, collecting the compiler's warnings instead
 * of printing them.
 *
 * @param spec a vega-lite spec
 * @returns the vega spec and the warnings
 * @throws {Error} when vega-lite rejects the spec
 */
export function compileChart(spec: TopLevelSpec): CompiledChart {
  const warnings: string[] = [];
  const collect = (...args: unknown[]) => {
    warnings.push(args.map(String).join(" "));
    return logger;
  };
  const logger = {
    level: () => logger,
    error: (...args: unknown[]) => {
      throw new Error(`compileChart: ${args.map(String).join(" ")}`);
    },
    warn: collect,
    info: () => logger,
    debug: () => logger,
  };
  const { spec: vega } = compile(spec, { logger: logger as never });
  return { vega, warnings };
}

/**
 * Renders a vega-lite spec to an SVG string on the server: vega's headless View
 * (renderer "none") with the chart fonts' real advance widths, so labels are laid out
 * as resvg will draw them. Data must be inline: the loader refuses URLs and files.
 *
 * @param spec a vega-lite spec (the chart builders' output)
 * @returns the SVG markup
 * @throws {Error} when the spec does not compile or loads external data
 */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  useFontMetrics();
  // vega logs a failed load (as a warning) or a failed expression and draws on with
  // what it has: collect those and fail instead of returning a chart with missing data.
  const errors: string[] = [];
  const collect = (...args: unknown[]) => {
    errors.push(args.map(String).join(" "));
    return logger;
  };
  const logger = {
    level: () => logger,
    error: collect,
    warn: (...args: unknown[]) => (String(args[0]).startsWith("Loading failed") ? collect(...args) : logger),
    info: () => logger,
    debug: () => logger,
  };
  const view = new View(parse(compileChart(spec).vega), { renderer: "none", loader: NO_LOADER, logger: logger as never });
  try {
    const svg = await view.toSVG();
    if (errors.length > 0) throw new Error(`renderSvg: ${errors.join("; ")}`);
    return svg;
  } finally {
    view.finalize();
  }
}

/** Options of {@link svgToPng}. */
export interface PngOptions {
  /** Width of the PNG in pixels; default 1890 (16 cm at 300 dpi). */
  width?: number;
  /** Instead of a width: pixels per SVG pixel (2 = twice the SVG's size). */
  scale?: number;
  /** Resolution stored in the PNG (Word inserts it at width / dpi inches); default 300, or 96·scale with `scale`. */
  dpi?: number;
  /** Other font files than the bundled CJK font (e.g. to prove what a font without CJK draws). */
  fontFiles?: string[];
  /** The family to fall back on with `fontFiles`. */
  fontFamily?: string;
}

/**
 * Rasterises an SVG with resvg, drawing text with the bundled CJK font (loaded from
 * its file; system fonts are not scanned). The PNG records its resolution, so a
 * 1890-pixel chart goes into a Word document 16 cm wide.
 *
 * @param svg SVG markup
 * @param options width or scale, resolution
 * @returns PNG bytes
 * @throws {Error} on an invalid width or scale
 */
export function svgToPng(svg: string, options: PngOptions = {}): Buffer {
  const fonts = options.fontFiles ? { files: options.fontFiles, family: options.fontFamily ?? "" } : fontsFor(svg);
  if (options.width !== undefined && !(options.width > 0)) throw new Error(`svgToPng: width must be positive, got ${options.width}`);
  if (options.scale !== undefined && !(options.scale > 0)) throw new Error(`svgToPng: scale must be positive, got ${options.scale}`);
  const fitTo = options.scale !== undefined ? ({ mode: "zoom", value: options.scale } as const) : ({ mode: "width", value: Math.round(options.width ?? PRINT_WIDTH_PX) } as const);
  const resvg = new Resvg(svg, {
    fitTo,
    background: "#ffffff",
    font: {
      loadSystemFonts: false,
      fontFiles: fonts.files,
      defaultFontFamily: fonts.family,
      sansSerifFamily: fonts.family,
    },
  });
  const png = resvg.render().asPng();
  const dpi = options.dpi ?? (options.scale !== undefined ? 96 * options.scale : 300);
  return setPngDensity(png, dpi);
}

/**
 * The bundled font, plus Debian's Noto CJK only when the SVG has a character the
 * bundled font lacks: each font file costs resvg parsing time on every render.
 */
function fontsFor(svg: string): { files: string[]; family: string } {
  const fonts = chartFonts();
  if (fonts.fallbackFiles.length === 0) return fonts;
  for (const ch of svg) {
    if (ch.charCodeAt(0) > 0x7f && !fonts.regular.has(ch)) return { files: [...fonts.files, ...fonts.fallbackFiles], family: fonts.family };
  }
  return fonts;
}

/**
 * Renders a vega-lite spec to PNG: `renderSvg`, then `svgToPng`.
 *
 * @param spec a vega-lite spec
 * @param options width or scale, resolution
 * @returns PNG bytes
 */
export async function renderPng(spec: TopLevelSpec, options: PngOptions = {}): Promise<Buffer> {
  return svgToPng(await renderSvg(spec), options);
}

/** A vega loader that loads nothing: charts carry their data inline. */
const NO_LOADER = {
  load: async (uri: string) => {
    throw new Error(`renderSvg: charts must carry their data inline, not load ${uri}`);
  },
  sanitize: async (uri: string) => {
    throw new Error(`renderSvg: charts must carry their data inline, not load ${uri}`);
  },
  http: async () => {
    throw new Error("renderSvg: no network access");
  },
  file: async () => {
    throw new Error("renderSvg: no file access");
  },
} as unknown as Loader;

let metricsInstalled = false;

interface TextItem {
  fontSize?: number;
  fontWeight?: string | number;
}

/**
 * Replaces vega's width estimate (0.8 em per character, whatever the script) with the
 * bundled font's advance widths. vega supports a user-defined `textMetrics.width`;
 * truncation to `limit` is left to vega, which calls this on every candidate.
 */
function useFontMetrics(): void {
  if (metricsInstalled) return;
  const fonts = chartFonts();
  // vega exports textMetrics at run time but not in its typings.
  const { textMetrics } = vega as unknown as { textMetrics: { width: (item: TextItem, text: unknown) => number } };
  textMetrics.width = (item, text) => {
    const line = text == null ? "" : String(text).trim();
    const size = item.fontSize != null ? +item.fontSize || 0 : 11;
    const bold = item.fontWeight === "bold" || Number(item.fontWeight) >= 600;
    return (bold ? fonts.bold : fonts.regular).width(line, size);
  };
  metricsInstalled = true;
}
