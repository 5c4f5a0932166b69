/** Text for HTML element content and attribute values (line separators too, for tidiness). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'\u2028\u2029]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
