import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { frequencies } from "../../analysis/index.js";
import { BUNDLED_FONT_FAMILY, frequencyChart } from "../../analysis/charts/index.js";
import { chartFonts, compileChart, PRINT_WIDTH_PX, readFontMetrics, renderPng, renderSvg, svgToPng } from "../../src/render/index.js";
import { requireFile } from "../helpers/machine.js";
import { decodePng, difference, inkCount } from "./decode-png.js";

const LABELS = ["管理体制不顺畅", "创新动力不足", "有效覆盖不高", "顶层设计不到位"];
const chart = frequencyChart(frequencies({ labels: LABELS, counts: [946, 670, 741, 609], multiple: true, valid: 1812 }), {
  lang: "zh-Hans",
  title: "社会组织党建工作创新需要破解的主要问题",
});
const svg = await renderSvg(chart);
const LATIN_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
const SYSTEM_CJK = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

/** The same SVG with every category label's text replaced. */
function replaceLabels(markup: string, by: (label: string) => string): string {
  let out = markup;
  for (const label of LABELS) out = out.split(`>${label}<`).join(`>${by(label)}<`);
  return out;
}

describe("fonts", () => {
  it("come from the npm package, not from the machine", () => {
    const fonts = chartFonts();
    expect(fonts.source).toBe("npm");
    expect(fonts.family).toBe(BUNDLED_FONT_FAMILY);
    expect(fonts.files[0]).toMatch(/@embedpdf\/fonts-sc\/fonts\/NotoSansHans-Regular\.otf$/);
  });
  it("measure Han characters as one em and cover Simplified and Traditional", () => {
    const metrics = readFontMetrics(readFileSync(chartFonts().files[0]));
    expect(metrics.width("管理体制", 12)).toBeCloseTo(48, 5);
    for (const ch of "党组织黨組織樞紐χ²") expect(metrics.has(ch), ch).toBe(true);
    expect(metrics.width("abc", 12)).toBeLessThan(0.7 * 3 * 12);
  });
});

describe("renderSvg", () => {
  it("keeps the Chinese labels as text in the bundled font", () => {
    for (const label of LABELS) expect(svg).toContain(`>${label}<`);
    expect(svg).toContain(`font-family="&quot;${BUNDLED_FONT_FAMILY}&quot;`);
    expect(svg).toContain("有效样本 n = 1812");
  });
  it("compiles every chart without vega-lite warnings", () => {
    expect(compileChart(chart).warnings).toEqual([]);
  });
  it("refuses charts that load data from elsewhere", async () => {
    const remote = { ...chart, data: { url: "http://127.0.0.1:9/data.json" } } as typeof chart;
    await expect(renderSvg(remote)).rejects.toThrow();
  });
});

describe("PNG", () => {
  const png = svgToPng(svg);
  const pixels = decodePng(png);
  // The bars start right of the label column: find the first column with the bar colour.
  const barLeft = (() => {
    for (let x = 0; x < pixels.width; x++) {
      for (let y = 0; y < pixels.height * 0.5; y++) {
        const i = (y * pixels.width + x) * 4;
        if (pixels.data[i] === 0x3b && pixels.data[i + 1] === 0x6e && pixels.data[i + 2] === 0xa8) return x;
      }
    }
    return pixels.width;
  })();
  // The label column: left of the bars, above the axis and the caption.
  const plotTop = { x0: 0, y0: 0, x1: barLeft, y1: Math.floor(pixels.height * 0.6) };

  it("is 16 cm wide at 300 dpi by default, and says so", () => {
    expect(pixels.width).toBe(PRINT_WIDTH_PX);
    expect(PRINT_WIDTH_PX).toBe(1890);
    const at = png.indexOf(Buffer.from("pHYs"));
    expect(at).toBeGreaterThan(0);
    expect(png.readUInt32BE(at + 4)).toBe(11811);
    expect(barLeft).toBeGreaterThan(200);
    expect(barLeft).toBeLessThan(pixels.width / 2);
  });

  it("scales by a factor when asked", () => {
    const width = Number(/width="(\d+(\.\d+)?)"/.exec(svg)![1]);
    expect(decodePng(svgToPng(svg, { scale: 2 })).width).toBe(Math.round(width * 2));
  });

  it("draws the Chinese labels: removing them clears ink from the label column only", () => {
    const blank = decodePng(svgToPng(replaceLabels(svg, () => "")));
    const diff = difference(pixels, blank);
    // Four labels of six or seven Han characters at 12 px × 3.15: thousands of pixels.
    expect(diff.count).toBeGreaterThan(4000);
    expect(diff.maxX).toBeLessThan(barLeft);
    expect(inkCount(pixels, plotTop)).toBeGreaterThan(inkCount(blank, plotTop) + 2000);
  });

  it("draws glyphs, not boxes: other characters of the same count look different", () => {
    const other = decodePng(svgToPng(replaceLabels(svg, (label) => "甲乙丙丁戊己庚壬".slice(0, [...label].length))));
    const diff = difference(pixels, other, plotTop);
    expect(diff.count).toBeGreaterThan(3000);
  });

  it("differs from a rendering with a font that lacks CJK", () => {
    requireFile(LATIN_FONT, "fonts-dejavu-core");
    const latin = decodePng(svgToPng(svg, { fontFiles: [LATIN_FONT], fontFamily: "DejaVu Sans" }));
    expect(difference(pixels, latin, plotTop).count).toBeGreaterThan(3000);
  });

  it("falls back to Debian's Noto CJK for characters the bundled font lacks", async () => {
    requireFile(SYSTEM_CJK, "fonts-noto-cjk");
    const rare = "𠮷野家";
    expect(readFontMetrics(readFileSync(chartFonts().files[0])).has("𠮷")).toBe(false);
    const spec = frequencyChart(frequencies({ labels: [rare, "否"], counts: [3, 4] }), { lang: "zh-Hans", title: "t" });
    const rareSvg = await renderSvg(spec);
    const withGlyph = decodePng(svgToPng(rareSvg));
    const without = decodePng(svgToPng(rareSvg.split(`>${rare}<`).join(">　野家<")));
    expect(difference(withGlyph, without).count).toBeGreaterThan(200);
  });

  it("renders a vega-lite spec straight to PNG", async () => {
    const direct = await renderPng(chart, { width: 800 });
    expect(decodePng(direct).width).toBe(800);
  });
});
