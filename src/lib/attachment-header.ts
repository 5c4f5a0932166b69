/**
 * A Content-Disposition `attachment` header with an ASCII fallback name and the UTF-8
 * name (RFC 6266, RFC 5987), so that Chinese titles survive the download.
 *
 * @param ascii the fallback file name (non-ASCII characters become "_")
 * @param unicode the real file name
 * @returns the header value
 * @example
 * attachmentHeader("main_problems.png", "主要问题.png");
 * // => `attachment; filename="main_problems.png"; filename*=UTF-8''%E4%B8%BB%E8%A6%81%E9%97%AE%E9%A2%98.png`
 */
export function attachmentHeader(ascii: string, unicode: string): string {
  const safe = unicode.replace(/[\\/:*?"<>|\r\n]+/g, "_");
  const cut = [...safe].slice(0, 120).join("");
  const encoded = encodeURIComponent(cut).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii.replace(/[^\x20-\x7e]|["\\]/g, "_")}"; filename*=UTF-8''${encoded}`;
}
