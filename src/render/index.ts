export { renderSvg, renderPng, svgToPng, compileChart, PRINT_WIDTH_PX, type PngOptions, type CompiledChart } from "./render-chart.js";
export { chartFonts, FONT_PACKAGE, type ChartFonts } from "./chart-fonts.js";
export { readFontMetrics, type FontMetrics } from "./font-metrics.js";
export { setPngDensity } from "./png-density.js";
