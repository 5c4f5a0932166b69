import { LANGUAGES, type Language } from "../../i18n/language.js";
import { words } from "../../i18n/words.js";
import { escapeHtml } from "../lib/escape-html.js";
import { LOCALE_INFO } from "./messages.js";

/** One input of a form. */
export interface FormField {
  name: string;
  label: string;
  type: "text" | "password" | "hidden";
  value?: string;
  hint?: string;
  autocomplete?: string;
}

/** What a sign-in or setup page shows. */
export interface AccountPage {
  lang: Language;
  title: string;
  intro?: string;
  /** A sentence of the server (wrong password, a field that does not fit), said in `lang`. */
  errors?: string[];
  form?: { action: string; fields: FormField[]; submit: string };
  link?: { href: string; text: string };
  /** The page's own URL without `lang`, for the language switch (`?` or `&` is added). */
  self: string;
}

const STYLE = `body{margin:0;background:#f3f3f3;color:#161616;font:16px/1.6 "PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",system-ui,sans-serif}
main{max-width:26rem;margin:8vh auto;padding:2rem 1.5rem;background:#fff;border-radius:8px;box-shadow:0 1px 2px rgba(0,0,0,.15)}
.platform{color:#b4001e;font-weight:600;margin:0 0 .25rem}h1{font-size:1.4rem;margin:0 0 1rem}
label{display:block;margin:1rem 0 .25rem;font-weight:600}input{box-sizing:border-box;width:100%;padding:.6rem;font:inherit;border:1px solid #8d8d8d;border-radius:4px}
input:focus{outline:2px solid #0f62fe;outline-offset:1px}.hint{color:#525252;font-size:.875rem;margin:.25rem 0 0}
button{margin-top:1.5rem;width:100%;padding:.7rem;font:inherit;color:#fff;background:#b4001e;border:0;border-radius:4px;cursor:pointer}button:focus{outline:2px solid #0f62fe;outline-offset:2px}
.error{background:#fff1f1;border-left:4px solid #da1e28;padding:.5rem .75rem;margin:0 0 1rem}nav{text-align:right;font-size:.875rem;margin:0 0 1rem}nav a,nav span{margin-left:.75rem}a{color:#0f62fe}`;

/**
 * The sign-in and first-start setup pages: plain HTML forms, no script (the strict CSP
 * allows none inline), every text escaped, in the request's language.
 */
export function renderAccountPage(page: AccountPage): string {
  const w = words(page.lang).account;
  const sep = page.self.includes("?") ? "&" : "?";
  const languages = LANGUAGES.map((l) =>
    l === page.lang
      ? `<span aria-current="true">${escapeHtml(LOCALE_INFO[l].label)}</span>`
      : `<a href="${escapeHtml(`${page.self}${sep}lang=${l}`)}" lang="${LOCALE_INFO[l].htmlLang}" hreflang="${LOCALE_INFO[l].htmlLang}">${escapeHtml(LOCALE_INFO[l].label)}</a>`,
  ).join("");
  const errors = (page.errors ?? []).map((e) => `<p class="error" role="alert">${escapeHtml(e)}</p>`).join("\n");
  return `<!doctype html>
<html lang="${LOCALE_INFO[page.lang].htmlLang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${page.title} · ${w.platform}`)}</title>
<link rel="icon" href="data:,">
<style>${STYLE}</style>
</head>
<body>
<main>
<nav aria-label="${escapeHtml(w.languageLabel)}">${languages}</nav>
<p class="platform">${escapeHtml(w.platform)}</p>
<h1>${escapeHtml(page.title)}</h1>
${page.intro ? `<p>${escapeHtml(page.intro)}</p>\n` : ""}${errors}
${page.form ? renderForm(page.form) : ""}${page.link ? `<p><a href="${escapeHtml(page.link.href)}">${escapeHtml(page.link.text)}</a></p>` : ""}
</main>
</body>
</html>
`;
}

function renderForm(form: NonNullable<AccountPage["form"]>): string {
  const fields = form.fields
    .map((f) => {
      const value = f.value === undefined ? "" : ` value="${escapeHtml(f.value)}"`;
      if (f.type === "hidden") return `<input type="hidden" name="${escapeHtml(f.name)}"${value}>`;
      const id = `f-${f.name}`;
      const hint = f.hint ? `<p class="hint" id="${id}-hint">${escapeHtml(f.hint)}</p>` : "";
      const described = f.hint ? ` aria-describedby="${id}-hint"` : "";
      const auto = f.autocomplete ? ` autocomplete="${escapeHtml(f.autocomplete)}"` : "";
      return `<label for="${id}">${escapeHtml(f.label)}</label><input id="${id}" name="${escapeHtml(f.name)}" type="${f.type}" required${value}${auto}${described}>${hint}`;
    })
    .join("\n");
  return `<form method="post" action="${escapeHtml(form.action)}">
${fields}
<button type="submit">${escapeHtml(form.submit)}</button>
</form>
`;
}
