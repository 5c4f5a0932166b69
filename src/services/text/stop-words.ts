import { readFileSync } from "node:fs";

let words: ReadonlySet<string> | undefined;

/**
 * The shipped stop words, Chinese and English (sources and licences in stop-words/README.md),
 * read from their files on first use and kept for the process.
 *
 * @returns the set of stop words (English ones lower-case)
 */
export function stopWords(): ReadonlySet<string> {
  if (words) return words;
  const read = (file: string) =>
    readFileSync(new URL(`./stop-words/${file}`, import.meta.url), "utf8")
      .split(/\r?\n/)
      .map((w) => w.trim().toLowerCase())
      .filter((w) => w.length > 0);
  words = new Set([...read("zh.txt"), ...read("en.txt")]);
  return words;
}
