import type { TopLevelSpec } from "vega-lite";
import { phrase, say } from "../../i18n/phrase.js";
import { keywordBars, wordCloud, type ChartMeta, type KeywordDatum } from "../../analysis/charts/index.js";
import { AppError } from "../errors.js";
import type { AnalysisFormat } from "../services/analysis/requests.js";
import type { keywordAnalysis } from "../services/text/keywords.js";
import type { TextChart } from "../services/text/keyword-request.js";
import { writeCsv, writeXlsx, type ResultTable, type TableCell } from "../tables/index.js";
import type { PresentContext } from "./context.js";
import { weightingWords } from "./meta.js";
import { reportWords } from "./words.js";
import type { WrittenResult } from "./present.js";

/** What the keyword service returns. */
export type KeywordOutput = Awaited<ReturnType<typeof keywordAnalysis>>;

const CONTENT_TYPES: Record<Exclude<AnalysisFormat, "json">, string> = {
  "vega-lite": "application/json; charset=utf-8",
  svg: "image/svg+xml; charset=utf-8",
  png: "image/png",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
};

/** The caption's filter, weighting and source in the result's language. */
function metaOf(result: KeywordOutput, ctx: PresentContext): ChartMeta {
  const { surveyTitle, questionTitle } = ctx;
  const words = reportWords(result.lang);
  const filters = result.filter.map((f) => words.filterItem("question" in f ? questionTitle(f.question) : f.labels.join(", "), f.labels));
  if (result.includePartial) filters.push(words.partialIncluded);
  const versions = result.versions.map((v) => v.version);
  return {
    lang: result.lang,
    title: result.question.title,
    ...(filters.length > 0 ? { filter: filters.join(words.filterJoin) } : {}),
    ...(result.weight ? { weighting: weightingWords(result.weight as never, ctx) } : {}),
    notes: versions.length > 0 ? [words.source(surveyTitle, versions)] : [],
  };
}

/**
 * The chart of a keyword table: bars of the top words, or a word cloud of them.
 *
 * @param result the keyword table
 * @param chart bars or cloud
 * @param ctx the survey's title and question titles in the result's language
 * @throws {AppError} 422 when the answers hold no word to draw
 */
export function keywordChart(result: KeywordOutput, chart: TextChart, ctx: PresentContext): TopLevelSpec {
  const data: KeywordDatum[] = result.words.map((w) => ({ word: w.display, respondents: w.respondents, share: w.share }));
  const meta = metaOf(result, ctx);
  const text = { axisTitle: say(result.lang, phrase("text.axisShare")), n: result.n, weightedN: result.weightedN, base: result.base };
  try {
    return chart === "cloud" ? wordCloud(data, meta, text) : keywordBars(data, meta, text);
  } catch (error) {
    const why = (error as Error).message;
    throw new AppError("unprocessable", phrase("report.cannotDraw", { why }), [{ question: "chart", message: why }]);
  }
}

/** The keyword table for XLSX and CSV: words, then phrases, then each group's over-represented words. */
export function keywordTable(result: KeywordOutput, ctx: PresentContext): ResultTable {
  const s = (key: Parameters<typeof phrase>[0]) => say(result.lang, phrase(key as never));
  const count = (v: number): TableCell => ({ value: v, format: "count" });
  const pct = (v: number): TableCell => ({ value: v, format: "percent" });
  const rows: TableCell[][] = [];
  const section = (title: string, list: KeywordOutput["words"]) => {
    rows.push([{ value: title, bold: true }, { value: null }, { value: null }, { value: null }]);
    for (const w of list) rows.push([{ value: w.display }, count(w.respondents), pct(w.share), { value: w.examples.join("\n") }]);
  };
  section(s("text.words"), result.words);
  section(s("text.phrases"), result.phrases);
  for (const g of result.groups ?? []) {
    rows.push([
      { value: say(result.lang, phrase("text.keywordsOf", { group: g.label })), bold: true },
      { value: s("text.respondents") },
      { value: s("text.share") },
      { value: `${s("text.shareElsewhere")} · ${s("text.g2")} · ${s("text.pHolm")}` },
    ]);
    for (const k of g.keywords)
      rows.push([
        { value: k.display },
        count(k.respondents),
        pct(k.share),
        { value: `${(k.shareElsewhere * 100).toFixed(1)}% · ${k.g2.toFixed(2)} · ${k.pHolm < 0.001 ? "<0.001" : k.pHolm.toFixed(3)}` },
      ]);
  }
  const meta = metaOf(result, ctx);
  return {
    name: result.question.name,
    title: result.question.title,
    header: [[{ text: s("text.word") }, { text: s("text.respondents") }, { text: s("text.share") }, { text: s("text.examples") }]],
    rows,
    notes: [
      result.base,
      ...(result.keynessMethod ? [result.keynessMethod] : []),
      ...(meta.filter ? [meta.filter] : []),
      ...(meta.weighting ? [meta.weighting] : []),
      ...(meta.notes ?? []),
    ],
  };
}

/**
 * Writes a keyword table in a format other than json.
 *
 * @param result the keyword table
 * @param format the format
 * @param options chart kind, texts, PNG size
 */
export async function writeKeywords(
  result: KeywordOutput,
  format: Exclude<AnalysisFormat, "json">,
  options: { chart: TextChart; ctx: PresentContext; png?: { scale?: number; width?: number } },
): Promise<WrittenResult> {
  const out = (body: Uint8Array | string, extension: string): WrittenResult => ({ body, contentType: CONTENT_TYPES[format], extension });
  if (format === "xlsx") return out(await writeXlsx([keywordTable(result, options.ctx)], { lang: result.lang }), "xlsx");
  if (format === "csv") return out(writeCsv([keywordTable(result, options.ctx)], { lang: result.lang }), "csv");
  const spec = keywordChart(result, options.chart, options.ctx);
  if (format === "vega-lite") return out(JSON.stringify(spec, null, 2), "vl.json");
  const { renderPng, renderSvg } = await import("../render/index.js");
  if (format === "svg") return out(await renderSvg(spec), "svg");
  return out(await renderPng(spec, options.png ?? {}), "png");
}
