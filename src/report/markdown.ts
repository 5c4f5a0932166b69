import { escapeHtml } from "../lib/escape-html.js";

/**
 * A small Markdown for the report's introduction and notes, text formatting only: headings
 * (`#` … `####`, drawn two levels below the report's own), paragraphs (a single line break
 * kept), `-`/`*` and `1.` lists, `**strong**`, `*emphasis*`, `` `code` `` and links
 * `[text](https://…)`. Everything is escaped first and only these tags are made, so raw HTML
 * (`<script>`, `<img onerror>`) shows as text; a link whose address is not http(s)
 * (`javascript:`, `data:`) is its text alone. No package of this kind is a dependency, and
 * this subset is all a report's prose needs.
 *
 * @param text Markdown
 * @returns HTML of block elements
 * @example
 * markdownHtml("**要点**\n\n- 一\n- 二"); // => "<p><strong>要点</strong></p><ul><li>一</li><li>二</li></ul>"
 */
export function markdownHtml(text: string): string {
  const out: string[] = [];
  let paragraph: string[] = [];
  let list: { tag: "ul" | "ol"; items: string[] } | null = null;
  const flush = () => {
    if (paragraph.length > 0) out.push(`<p>${paragraph.map(inline).join("<br>")}</p>`);
    paragraph = [];
    if (list) out.push(`<${list.tag}>${list.items.map((i) => `<li>${inline(i)}</li>`).join("")}</${list.tag}>`);
    list = null;
  };
  for (const raw of text.replace(/\r\n?/g, "\n").split("\n")) {
    const line = raw.trim();
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const bullet = /^[-*+]\s+(.*)$/.exec(line);
    const numbered = /^\d{1,9}[.)]\s+(.*)$/.exec(line);
    if (line === "") flush();
    else if (heading) {
      flush();
      const level = Math.min(heading[1].length + 2, 6);
      out.push(`<h${level}>${inline(heading[2].replace(/\s#+$/, ""))}</h${level}>`);
    } else if (bullet || numbered) {
      const tag = bullet ? "ul" : "ol";
      if (paragraph.length > 0 || (list && list.tag !== tag)) flush();
      list ??= { tag, items: [] };
      list.items.push((bullet ?? numbered)?.[1] ?? "");
    } else if (list && /^\s{2,}/.test(raw)) {
      // An indented line goes on with the list item above it.
      list.items[list.items.length - 1] += ` ${line}`;
    } else {
      if (list) flush();
      paragraph.push(line);
    }
  }
  flush();
  return out.join("");
}

const SAFE_ADDRESS = /^https?:\/\/[^\s]+$/i;

/** Inline formatting of one line: code spans kept apart, then links, strong, emphasis. */
function inline(text: string): string {
  const codes: string[] = [];
  // Code spans first, so nothing inside them is formatted; \uE000 (private use, removed from the text first) marks them.
  const held = text.replace(/\uE000/g, "").replace(/`([^`]+)`/g, (_, code: string) => `\uE000${codes.push(`<code>${escapeHtml(code)}</code>`) - 1}\uE000`);
  return escapeHtml(held)
    .replace(/\[([^\]]+)\]\(([^()\s]+)\)/g, (_, label: string, address: string) =>
      // The address was escaped with the rest: quotes are entities, so it cannot leave the attribute.
      SAFE_ADDRESS.test(address) ? `<a href="${address}" rel="noopener noreferrer">${label}</a>` : label,
    )
    .replace(/\*\*(?=\S)(.+?)\*\*/g, "<strong>$1</strong>")
    .replace(/(^|[^*])\*(?=[^\s*])([^*]+?)\*(?!\*)/g, "$1<em>$2</em>")
    .replace(/\uE000(\d+)\uE000/g, (_, i: string) => codes[Number(i)]);
}
