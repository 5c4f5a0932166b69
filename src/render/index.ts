export { renderSvg, renderPng, svgToPng, compileChart, PRINT_WIDTH_PX, type PngOptions, type CompiledChart } from "./render-chart.js";
export { chartFonts, type ChartFonts } from "./chart-fonts.js";
export { readFontMetrics, type FontMetrics } from "./font-metrics.js";
