/**
 * Compact letter display: letters such that two items share a letter exactly when
 * they were not found to differ. Built by Piepho's insert-and-absorb algorithm:
 * start with one letter for all items; for each significant pair, split every
 * letter group holding both into a copy without the one and a copy without the
 * other, then drop groups contained in another group. Groups are lettered a, b, c, …
 * in the order of their first (lowest-index) member.
 * Reference: Piepho, H.-P. (2004), "An algorithm for a letter-based representation of
 * all-pairwise comparisons", J. Comput. Graph. Statist. 13(2), 456–466.
 *
 * @param size number of items
 * @param differ pairs [i, j] (0-based) found significantly different
 * @param include optional mask: items left out get `null` and take part in nothing
 * @returns the letters of each item, e.g. ["a", "b", "ab"]
 * @throws {Error} on an index outside [0, size)
 * @example
 * compactLetterDisplay(3, [[0, 1]]); // => ["a", "b", "ab"]
 */
export function compactLetterDisplay(size: number, differ: [number, number][], include?: boolean[]): (string | null)[] {
  if (!Number.isInteger(size) || size < 0) {
    throw new Error(`compactLetterDisplay: size must be a non-negative integer, got ${size}`);
  }
  const included = include ?? Array.from({ length: size }, () => true);
  for (const [i, j] of differ) {
    if (!(i >= 0 && i < size && j >= 0 && j < size)) {
      throw new Error(`compactLetterDisplay: pair [${i}, ${j}] outside 0..${size - 1}`);
    }
  }
  let groups: Set<number>[] = [new Set([...Array(size).keys()].filter((i) => included[i]))];
  for (const [i, j] of differ) {
    if (!included[i] || !included[j]) continue;
    const next: Set<number>[] = [];
    for (const group of groups) {
      if (group.has(i) && group.has(j)) {
        next.push(new Set([...group].filter((k) => k !== i)));
        next.push(new Set([...group].filter((k) => k !== j)));
      } else {
        next.push(group);
      }
    }
    groups = absorb(next);
  }
  groups = groups.filter((g) => g.size > 0);
  groups.sort((g, h) =>
    compareSorted(
      [...g].sort((x, y) => x - y),
      [...h].sort((x, y) => x - y),
    ),
  );
  const letters: (string | null)[] = Array.from({ length: size }, (_, i) => (included[i] ? "" : null));
  groups.forEach((group, index) => {
    const letter = letterFor(index);
    for (const item of group) letters[item] += letter;
  });
  return letters;
}

function absorb(groups: Set<number>[]): Set<number>[] {
  const kept: Set<number>[] = [];
  groups.forEach((group, index) => {
    const covered = groups.some((other, otherIndex) => otherIndex !== index && [...group].every((k) => other.has(k)) && (other.size > group.size || otherIndex < index));
    if (!covered) kept.push(group);
  });
  return kept;
}

function compareSorted(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

function letterFor(index: number): string {
  const base = "abcdefghijklmnopqrstuvwxyz";
  return index < base.length ? base[index] : letterFor(Math.floor(index / base.length) - 1) + base[index % base.length];
}
