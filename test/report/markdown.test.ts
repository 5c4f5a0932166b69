/** The report's small Markdown: text formatting only, raw HTML shown as text, links only to http(s). */
import { describe, expect, it } from "vitest";
import { markdownHtml } from "../../src/report/markdown.js";

describe("markdownHtml", () => {
  it("makes headings two levels below the report's, paragraphs with their line breaks, lists, strong, emphasis and code", () => {
    expect(markdownHtml("# 概况\n第一行\n第二行\n\n- 一\n- **二**\n\n1. *甲*\n2. `a<b`")).toBe(
      "<h3>概况</h3><p>第一行<br>第二行</p><ul><li>一</li><li><strong>二</strong></li></ul><ol><li><em>甲</em></li><li><code>a&#60;b</code></li></ol>",
    );
  });

  it("shows raw HTML as text and never makes an attribute of it", () => {
    const html = markdownHtml('<script>alert(1)</script> <img src=x onerror="alert(1)"> <a href="javascript:alert(1)">x</a>');
    expect(html).not.toMatch(/<(script|img|a)\b/);
    expect(html).toBe(
      "<p>&#60;script&#62;alert(1)&#60;/script&#62; &#60;img src=x onerror=&#34;alert(1)&#34;&#62; &#60;a href=&#34;javascript:alert(1)&#34;&#62;x&#60;/a&#62;</p>",
    );
  });

  it("links http(s) addresses only; any other address leaves the text alone", () => {
    expect(markdownHtml("[平台](https://example.org/x?a=1&b=2)")).toBe('<p><a href="https://example.org/x?a=1&#38;b=2" rel="noopener noreferrer">平台</a></p>');
    expect(markdownHtml("[x](javascript:alert) [y](data:text/html,hi) [z](//evil.example) [w](JAVASCRIPT:void)")).toBe("<p>x y z w</p>");
    // A quote cannot close the attribute: it was escaped before the link was made.
    expect(markdownHtml('[q](https://a.example/"onmouseover="alert(1))')).not.toContain('"onmouseover');
  });

  it("keeps code spans unformatted and drops the private-use character it marks them with", () => {
    expect(markdownHtml("`**not strong**` \uE0000\uE000")).toBe("<p><code>**not strong**</code> 0</p>");
  });
});
