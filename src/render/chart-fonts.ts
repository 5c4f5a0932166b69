import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { BUNDLED_FONT_FAMILY } from "../../analysis/charts/index.js";
import { readFontMetrics, type FontMetrics } from "./font-metrics.js";

/** The fonts charts are drawn with, found once per process. */
export interface ChartFonts {
  /** Font files handed to resvg: the bundled font's regular and bold faces. */
  files: string[];
  /** Debian's Noto CJK when present, handed to resvg only for text the primary font lacks (rare characters). */
  fallbackFiles: string[];
  /** Family resvg falls back to for text whose family it does not know. */
  family: string;
  /** Where the primary font came from. */
  source: "npm" | "system";
  /** Advance widths of the primary regular and bold faces, for vega's label layout. */
  regular: FontMetrics;
  bold: FontMetrics;
}

/** The npm package that ships the CJK font (Noto Sans CJK SC as OTF, SIL OFL). */
const FONT_PACKAGE = "@embedpdf/fonts-sc";

/** Debian's fonts-noto-cjk, used as a fallback for characters (or the whole font) the package lacks. */
const SYSTEM_FONTS = {
  regular: "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
  bold: "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
  family: "Noto Sans CJK SC",
};

let cached: ChartFonts | undefined;

/**
 * Finds the CJK fonts: the OTF files of the npm package @embedpdf/fonts-sc (installed
 * by `npm ci`, so no system package is needed), plus Debian's fonts-noto-cjk when the
 * machine has it. resvg draws nothing from WOFF files, hence an OTF package rather than
 * @fontsource. The result is cached.
 *
 * @returns the font files and their metrics
 * @throws {Error} when neither the package nor the system fonts are there
 */
export function chartFonts(): ChartFonts {
  if (cached) return cached;
  const packaged = packagedFonts();
  const system = existsSync(SYSTEM_FONTS.regular) ? SYSTEM_FONTS : null;
  if (packaged) {
    cached = {
      files: [...new Set([packaged.regular, packaged.bold])],
      fallbackFiles: system ? [system.regular, ...(existsSync(system.bold) ? [system.bold] : [])] : [],
      family: BUNDLED_FONT_FAMILY,
      source: "npm",
      regular: readFontMetrics(readFileSync(packaged.regular)),
      bold: readFontMetrics(readFileSync(packaged.bold)),
    };
  } else if (system) {
    const bold = existsSync(system.bold) ? system.bold : system.regular;
    cached = {
      files: [...new Set([system.regular, bold])],
      fallbackFiles: [],
      family: system.family,
      source: "system",
      regular: readFontMetrics(readFileSync(system.regular)),
      bold: readFontMetrics(readFileSync(bold)),
    };
  } else {
    throw new Error(`chartFonts: no CJK font: run npm ci (package ${FONT_PACKAGE}) or install Debian's fonts-noto-cjk`);
  }
  return cached;
}

function packagedFonts(): { regular: string; bold: string } | null {
  let entry: string;
  try {
    entry = createRequire(import.meta.url).resolve(FONT_PACKAGE);
  } catch {
    return null;
  }
  // The package's entry is dist/index.cjs; the fonts sit in fonts/ beside dist/.
  const fonts = join(dirname(dirname(entry)), "fonts");
  const regular = join(fonts, "NotoSansHans-Regular.otf");
  const bold = join(fonts, "NotoSansHans-Bold.otf");
  if (!existsSync(regular)) return null;
  return { regular, bold: existsSync(bold) ? bold : regular };
}
