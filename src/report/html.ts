import { crosstabView, formatNumber } from "../../analysis/charts/index.js";
import { own } from "../lib/own.js";
import { tableWords, type ResultTable } from "../tables/index.js";
import { escapeHtml } from "../lib/escape-html.js";
import { zonedDate, zonedMinute, zoneName } from "../lib/time-zone.js";
import { words as catalogue } from "../../i18n/words.js";
import { tableHtml } from "./html-table.js";
import { categoryKey } from "./meta.js";
import { markdownHtml } from "./markdown.js";
import { methodsSection, type MethodsBlock } from "./methods.js";
import type { Report, ReportItem } from "./run.js";
import { reportWords } from "./words.js";

/** Files of a chart next to report.html. */
export function chartFiles(item: ReportItem): { png: string; svg: string; spec: string } {
  return { png: `charts/${item.slug}.png`, svg: `charts/${item.slug}.svg`, spec: `charts/${item.slug}.vl.json` };
}

/**
 * The report as one self-contained HTML page: title, contents, each analysis with its
 * chart (the 300 dpi PNG inlined as a data URL, so the page looks as printed wherever
 * it is opened, whatever fonts the machine has), the note, the table with its notes,
 * then the methods section. Styles are inline; nothing is loaded from elsewhere (the
 * chart files are linked relative to the page, as the bundle lays them out).
 *
 * @param report a computed report
 * @returns the HTML document
 */
export function reportHtml(report: Report): string {
  const { definition, ctx, sample, items } = report;
  const words = reportWords(ctx.lang);
  // The survey's own calendar day and clock, not UTC's: a report made at 07:00 in Beijing is dated that day.
  const made = report.generatedAt.getTime();
  const date = zonedDate(made, ctx.timeZone);
  const generated = words.generated(zonedMinute(made, ctx.timeZone), zoneName(ctx.timeZone, catalogue(ctx.lang).zones.names));
  const toc = [
    ...items.map((i) => `<li><a href="#a${i.number}">${escapeHtml(`${words.figure(i.number)}${words.gap}${i.entry.title}`)}</a></li>`),
    `<li><a href="#methods">${escapeHtml(words.methods)}</a></li>`,
  ].join("");
  return `<!doctype html>
<html lang="${ctx.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="dangjian-survey report">
<title>${escapeHtml(definition.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<header>
<h1>${escapeHtml(definition.title)}</h1>
${definition.subtitle ? `<p class="subtitle">${escapeHtml(definition.subtitle)}</p>` : ""}
<p class="meta">${escapeHtml(`${words.surveyTitle(ctx.surveyTitle)} · ${words.summary(sample.complete, items.length)} · ${date}`)}</p>
</header>
${definition.description ? paragraphs(definition.description) : ""}
${report.texts.introduction ? `<div class="introduction">${markdownHtml(report.texts.introduction)}</div>` : ""}
<nav class="toc"><h2>${escapeHtml(words.contents)}</h2><ol>${toc}</ol></nav>
${items.map((item) => analysisSection(item, report)).join("\n")}
<section id="methods" class="methods"><h2>${escapeHtml(words.methods)}</h2>
${methodsSection(report).map(methodsBlock).join("\n")}
</section>
<footer>${escapeHtml(generated)}</footer>
</main>
</body>
</html>
`;
}

function analysisSection(item: ReportItem, report: Report): string {
  const words = reportWords(report.ctx.lang);
  const files = chartFiles(item);
  const alt = [item.entry.title, ...item.caption].join(" ");
  return `<section class="analysis" id="a${item.number}">
<h2><span class="no">${escapeHtml(words.figure(item.number))}</span> ${escapeHtml(item.entry.title)}</h2>
<figure>
<img src="data:image/png;base64,${item.png.toString("base64")}" alt="${escapeHtml(alt)}">
<figcaption>${escapeHtml(words.figure(item.number))}${escapeHtml(words.gap)}${escapeHtml(item.entry.title)} <span class="files">${escapeHtml(words.files)}${escapeHtml(words.colon)}<a href="${files.png}">PNG</a> · <a href="${files.svg}">SVG</a> · <a href="${files.spec}">vega-lite</a></span></figcaption>
</figure>
${report.texts.notes[item.number - 1] ? `<div class="note">${markdownHtml(report.texts.notes[item.number - 1] ?? "")}</div>` : ""}
${pageTable(item, report)}
</section>`;
}

/**
 * The table the page shows: the result table, except for cross-tabs, which read better
 * as column percentages alone (bases in the header, column-proportion letters after
 * the percentages); their counts and residuals stay in the workbook.
 */
function pageTable(item: ReportItem, report: Report): string {
  const words = reportWords(report.ctx.lang);
  const caption = `${words.table(item.number)}${words.gap}${item.entry.title}`;
  const r = item.result;
  if (r.analysis !== "crosstab") return tableHtml(item.table, { lang: report.ctx.lang, caption });
  const t = tableWords(report.ctx.lang);
  const view = crosstabView(r, report.ctx.lang);
  const rowText = (k: number) => own<string>(own(report.ctx.labels, r.row.name), categoryKey(r.rowCategories[k].value)) ?? r.rowCategories[k].label;
  const columnText = (j: number) => report.ctx.choiceLabel(r.column.name, categoryKey(r.columnCategories[j].value));
  const bases = view.columnBases;
  const total = bases ? bases.reduce((s, b) => s + b, 0) : null;
  // The base on a line of its own, kept whole.
  const withN = (text: string, n: number | null) => (n === null ? text : `${text}\nn\u00a0=\u00a0${formatNumber(n, report.ctx.lang)}`);
  const table: ResultTable = {
    name: item.table.name,
    title: item.entry.title,
    header: [
      [
        { text: item.entry.columnTitle ?? report.ctx.questionTitle(r.column.name) },
        ...view.columnLabels.map((_, j) => ({ text: withN(columnText(j), bases?.[j] ?? null) })),
        { text: withN(t.total, total) },
      ],
    ],
    rows: view.rowLabels.map((_, i) => [
      { value: rowText(i) + (view.significant?.[i] ? " *" : "") },
      ...view.columnPercent[i].map((p) => ({ value: p, format: "percent" as const })),
      { value: view.rowShare[i], format: "percent" as const },
    ]),
    notes: item.table.notes,
  };
  const proportions = "columnProportions" in r ? r.columnProportions : null;
  if (proportions) table.notes = [...table.notes, words.subscriptNote];
  return tableHtml(table, {
    lang: report.ctx.lang,
    caption,
    subscript: proportions ? (row, column) => (column >= 1 && column <= view.columnLabels.length ? (proportions.rows[row]?.subscripts[column - 1] ?? null) : null) : undefined,
  });
}

function methodsBlock(block: MethodsBlock): string {
  const list = block.list ? `<ol>${block.list.map((l) => `<li>${escapeHtml(l)}</li>`).join("")}</ol>` : "";
  const tables = (block.tables ?? [])
    .map(
      (t) =>
        `<div class="table-wrap"><table class="small"><thead><tr>${t.header.map((h) => `<th>${escapeHtml(h)}</th>`).join("")}</tr></thead><tbody>${t.rows
          .map((row) => `<tr>${row.map((v, c) => (c === 0 ? `<th scope="row">${escapeHtml(String(v))}</th>` : `<td class="num">${escapeHtml(String(v))}</td>`)).join("")}</tr>`)
          .join("")}</tbody></table></div>`,
    )
    .join("");
  return `<h3>${escapeHtml(block.heading)}</h3>${block.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("")}${list}${tables}`;
}

function paragraphs(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => `<p>${escapeHtml(p.trim())}</p>`)
    .join("");
}

const STYLE = `
:root { color-scheme: light; }
body { margin: 0; background: #f4f5f7; color: #222; font: 15px/1.75 "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK TC", "Microsoft JhengHei", sans-serif; }
main { max-width: 860px; margin: 0 auto; padding: 40px 48px 64px; background: #fff; }
h1 { font-size: 26px; line-height: 1.4; margin: 0 0 6px; }
h2 { font-size: 19px; margin: 40px 0 12px; padding-top: 12px; border-top: 1px solid #d8dde3; }
h2 .no { color: #3b6ea8; margin-right: 6px; }
h3 { font-size: 16px; margin: 24px 0 6px; }
p { margin: 8px 0; text-align: justify; }
.introduction h3, .note h3 { border: none; }
.introduction ul, .introduction ol, .note ul, .note ol { margin: 6px 0; padding-left: 1.6em; }
code { font-family: "Noto Sans Mono CJK SC", monospace; font-size: 0.92em; background: #eef1f4; padding: 0 3px; }
.subtitle { font-size: 17px; color: #444; margin: 0; }
.meta { color: #666; font-size: 13px; margin-top: 10px; }
.toc h2 { border-top: none; margin-top: 28px; }
.toc ol, .methods ol { margin: 0; padding-left: 0; list-style: none; }
.toc a { color: #1f4e85; text-decoration: none; }
figure { margin: 16px 0 8px; text-align: center; }
figure img { width: 100%; max-width: 720px; height: auto; }
figcaption { font-size: 13px; color: #444; margin-top: 6px; }
figcaption .files { color: #777; margin-left: 10px; }
figcaption a { color: #1f4e85; }
.note { background: #f3f6fa; border-left: 3px solid #3b6ea8; padding: 4px 14px; margin: 12px 0; }
.table-wrap { overflow-x: auto; margin: 14px 0 4px; }
table { border-collapse: collapse; font-size: 13px; line-height: 1.45; }
caption { caption-side: top; text-align: left; font-weight: bold; font-size: 13.5px; padding-bottom: 6px; }
th, td { padding: 3px 8px; border-bottom: 1px solid #e3e6ea; vertical-align: top; }
thead th { background: #e8edf3; font-weight: bold; text-align: center; border-bottom: 1px solid #9aa5b1; }
thead tr:last-child th:first-child, tbody th { text-align: left; font-weight: normal; }
tbody th { min-width: 9em; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.total th, tr.total td { font-weight: bold; border-top: 1px solid #9aa5b1; }
sub { font-size: 10px; color: #3b6ea8; margin-left: 1px; }
table.small { font-size: 13px; }
.table-notes { list-style: none; padding: 0; margin: 4px 0 0; font-size: 12px; color: #555; }
.methods ol { font-size: 13.5px; }
.methods li { margin: 3px 0; }
footer { margin-top: 48px; font-size: 12px; color: #777; border-top: 1px solid #d8dde3; padding-top: 10px; }
@media print {
  body { background: #fff; font-size: 11pt; }
  main { max-width: none; padding: 0; }
  .analysis { break-inside: auto; }
  figure, table { break-inside: avoid; }
  h2 { break-after: avoid; }
  .files, .toc a { color: inherit; }
}
`;
