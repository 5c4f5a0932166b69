import type { Language } from "../../i18n/language.js";
import { words } from "../../i18n/words.js";
import { escapeHtml } from "../lib/escape-html.js";

/** One card of the sheet: what the unit reads, and its QR code as SVG markup made by `qrcode`. */
export interface LinkCard {
  unit: string;
  label: string | null;
  expected: number | null;
  url: string;
  /** SVG markup made by the server from the url, never from user text. */
  qrSvg: string;
}

const HTML_LANG: Record<Language, string> = { "zh-Hans": "zh-CN", "zh-Hant": "zh-TW", en: "en" };

const STYLE = `
*{box-sizing:border-box}
body{margin:0;padding:12mm;font-family:"Noto Sans CJK SC","Noto Sans CJK TC","PingFang SC","Microsoft YaHei",sans-serif;color:#111}
h1{font-size:18pt;margin:0 0 2mm}
.hint{margin:0 0 6mm;color:#444;font-size:10pt}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(62mm,1fr));gap:6mm}
.card{border:1px dashed #888;border-radius:3mm;padding:5mm;break-inside:avoid;page-break-inside:avoid;text-align:center}
.unit{font-size:16pt;font-weight:700;margin:0 0 1mm;overflow-wrap:anywhere}
.label{font-size:11pt;margin:0 0 1mm;color:#333;overflow-wrap:anywhere}
.expected{font-size:9pt;margin:0;color:#555}
.qr svg{width:42mm;height:42mm;display:block;margin:3mm auto}
.scan{font-size:9pt;margin:0 0 1mm}
.url{font-family:ui-monospace,monospace;font-size:8pt;overflow-wrap:anywhere;margin:0}
@media print{body{padding:8mm}}
`;

/**
 * The printable sheet of a survey's collection links: one card per link with the unit's name,
 * its label, the QR code inline and the link written out. Every typed text is escaped; the
 * page has no script. Words in `lang`.
 */
export function renderLinkCards(lang: Language, surveyTitle: string, cards: LinkCard[]): string {
  const w = words(lang).links;
  const title = w.cardsTitle(surveyTitle);
  const body = cards.length === 0 ? `<p class="none">${escapeHtml(w.none)}</p>` : `<div class="cards">\n${cards.map((card) => renderCard(lang, card)).join("\n")}\n</div>`;
  return `<!doctype html>
<html lang="${HTML_LANG[lang]}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="hint">${escapeHtml(w.cardsHint)}</p>
${body}
</body>
</html>
`;
}

function renderCard(lang: Language, card: LinkCard): string {
  const w = words(lang).links;
  return `<section class="card">
<p class="unit">${escapeHtml(card.unit)}</p>
${card.label ? `<p class="label">${escapeHtml(card.label)}</p>` : ""}
${card.expected !== null ? `<p class="expected">${escapeHtml(w.expected(card.expected))}</p>` : ""}
<div class="qr" aria-hidden="true">${card.qrSvg}</div>
<p class="scan">${escapeHtml(w.scan)}</p>
<p class="url">${escapeHtml(w.orOpen)} ${escapeHtml(card.url)}</p>
</section>`;
}
