import type { RespondentAssets } from "./bundle.js";
import type { Language } from "../../i18n/language.js";
import { words } from "../../i18n/words.js";
import { escapeHtml } from "../lib/escape-html.js";

/** What the respondent page embeds, read back by src/web/respondent.ts. */
export interface EmbeddedSurvey {
  name: string;
  version: number;
  json: Record<string, unknown>;
}

/** The id of the `<script type="application/json">` element that carries the survey. */
export const EMBED_ID = "dj-survey";

/**
 * The respondent page. The survey travels inside the HTML (no second round trip on a
 * slow phone connection) as inert JSON that the bundle parses; asset URLs are relative,
 * so the platform also works behind a proxy that mounts it under a path prefix.
 * @param title - the questionnaire's title in the page's first language, from the questionnaire model.
 */
export function renderRespondentPage(survey: EmbeddedSurvey, assets: RespondentAssets, title: string, notice?: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="format-detection" content="telephone=no">
<title>${escapeHtml(title || survey.name)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="../assets/${assets.style.file}">
<script defer src="../assets/${assets.script.file}"></script>
</head>
<body>
<div class="dj-page">
${notice ? `<p class="dj-preview" role="note">${escapeHtml(notice)}</p>\n` : ""}<nav id="dj-lang" class="dj-lang" aria-label="语言 / Language" hidden></nav>
<h1 id="dj-heading" class="dj-heading" hidden></h1>
<div id="dj-status" class="dj-status" role="status" aria-live="polite" hidden></div>
<div id="dj-done" class="dj-done" hidden></div>
<main id="dj-survey-root"><p class="dj-loading">正在加载问卷…</p></main>
<noscript><p class="dj-noscript">填写本问卷需要启用浏览器的 JavaScript。</p></noscript>
</div>
<script type="application/json" id="${EMBED_ID}">${embedJson(survey)}</script>
</body>
</html>
`;
}

/** The page for a survey name that does not exist (served with status 404). */
export function renderNotFoundPage(): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>未找到问卷</title>
<link rel="icon" href="data:,">
<style>
body{margin:0;background:#f3f3f3;color:#161616;font-family:"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif}
main{max-width:36rem;margin:12vh auto;padding:2rem 1.5rem;background:#fff;border-radius:8px;box-shadow:0 1px 2px rgba(0,0,0,.15);line-height:1.7}
h1{font-size:1.4rem;margin:0 0 1rem}
p{margin:.5rem 0;color:#444}
</style>
</head>
<body>
<main>
<h1>未找到问卷</h1>
<p>您打开的问卷不存在或已下线，请核对链接是否完整，或联系发放问卷的单位。</p>
<p lang="en">This survey does not exist. Please check the link.</p>
</main>
</body>
</html>
`;
}

/**
 * JSON that is safe inside a `<script>` element: `<`, `>` and `&` become \u escapes, so
 * no `</script>` or `<!--` can end or change the element; U+2028/U+2029 are escaped too
 * (harmless to JSON.parse, but line terminators to older JavaScript parsers).
 */
export function embedJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * The page of a survey that takes no answers now (a draft, closed, past its closing time, or
 * full), in the respondent's language. The survey's title is the respondent's own context.
 */
export function renderUnavailablePage(lang: Language, surveyTitle: string, reason: string): string {
  const page = words(lang).page.unavailable;
  return `<!doctype html>
<html lang="${HTML_LANG[lang]}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(surveyTitle)}</title>
<link rel="icon" href="data:,">
<style>
body{margin:0;background:#f3f3f3;color:#161616;font-family:"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif}
main{max-width:36rem;margin:12vh auto;padding:2rem 1.5rem;background:#fff;border-radius:8px;box-shadow:0 1px 2px rgba(0,0,0,.15);line-height:1.7}
h1{font-size:1.4rem;margin:0 0 .5rem}
h2{font-size:1.05rem;margin:0 0 1rem;color:#b3202a}
p{margin:.5rem 0;color:#444}
</style>
</head>
<body>
<main>
<h1>${escapeHtml(surveyTitle)}</h1>
<h2>${escapeHtml(page.title)}</h2>
<p>${escapeHtml(reason)}</p>
</main>
</body>
</html>
`;
}

const HTML_LANG: Record<Language, string> = { "zh-Hans": "zh-CN", "zh-Hant": "zh-TW", en: "en" };
