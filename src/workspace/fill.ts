/**
 * A catalogue template with its values: `fill("{n} shown", { n: 3 })` is "3 shown". A name
 * without a value stays as it is, so a missing one shows rather than vanishes.
 */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
