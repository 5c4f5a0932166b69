/**
 * Population counts typed or pasted from a spreadsheet: one category and its count per line,
 * the two separated by a tab, a comma or semicolon (ASCII or Chinese), a colon or spaces. Counts
 * may carry digit grouping (1,608 or 1，608) and full-width digits. A first line without a count is
 * a header and is skipped.
 */

export interface PasteResult {
  population: Record<string, number>;
  /** Lines that are no category and count: 1-based number and text. */
  problems: { line: number; text: string }[];
}

const FULL_WIDTH = /[０-９．]/g;
const LINE = /^(.+?)[\s,，;；:：、]+([0-9][0-9,，]*(?:\.[0-9]+)?)$/;

/** Reads pasted lines into population counts by category. */
export function parsePopulation(text: string): PasteResult {
  const population: Record<string, number> = {};
  const problems: PasteResult["problems"] = [];
  const lines = text.split(/\r\n|\r|\n/);
  let seenData = false;
  lines.forEach((raw, i) => {
    const line = raw.replace(FULL_WIDTH, (c) => (c === "．" ? "." : String(c.charCodeAt(0) - 0xff10))).trim();
    if (line === "") return;
    const match = LINE.exec(line);
    if (!match) {
      if (!seenData) {
        seenData = true;
        return;
      }
      problems.push({ line: i + 1, text: raw.trim() });
      return;
    }
    seenData = true;
    const category = match[1].trim().replace(/^["“]|["”]$/g, "");
    population[category] = Number(match[2].replace(/[,，]/g, ""));
  });
  return { population, problems };
}

/** The counts as lines for the text area: category, a tab, the count. */
export function populationText(population: Record<string, number>): string {
  return Object.entries(population)
    .map(([category, count]) => `${category}\t${count}`)
    .join("\n");
}
