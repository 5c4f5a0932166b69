import { compactLetterDisplay } from "./compact-letter-display.js";
import { normalCdf } from "./normal-cdf.js";

export interface ColumnProportionsOptions {
  /** Significance level, default 0.05. */
  alpha?: number;
  /** Multiplicity correction within each row, default "bonferroni" (SPSS BPROP). */
  adjust?: "bonferroni" | "none";
}

export interface ColumnProportionComparison {
  columns: [number, number];
  z: number;
  p: number;
  pAdjusted: number;
  significant: boolean;
}

export interface ColumnProportionsRow {
  /** Columns that take part (proportion strictly between 0 and 1, column not empty). */
  tested: boolean[];
  comparisons: ColumnProportionComparison[];
  /** APA-style subscripts: columns sharing a letter do not differ; null = not tested. */
  subscripts: (string | null)[];
  /** SPSS Custom Tables style: keys of the columns each column is significantly larger than. */
  greaterThan: string[][];
}

export interface ColumnProportionsResult {
  /** Key of each column: "A", "B", … */
  keys: string[];
  alpha: number;
  adjust: "bonferroni" | "none";
  rows: ColumnProportionsRow[];
}

/**
 * Pairwise z-tests of column proportions within each row of a cross-tab, as SPSS
 * CROSSTABS /CELLS=BPROP and CTABLES "compare column proportions":
 * for row i and columns j, k, z = (p_ij − p_ik) / √(p̄(1 − p̄)(1/n_j + 1/n_k)) with the
 * pooled p̄ = (n_ij + n_ik)/(n_j + n_k), two-sided normal p. Columns whose proportion in
 * the row is 0 or 1 (or that are empty) are left out, as SPSS does ("not used in
 * comparisons because its column proportion is equal to zero or one"). Bonferroni
 * multiplies each p by the number of pairs among the tested columns of that row,
 * k(k − 1)/2. The subscripts are a compact letter display of the significant pairs
 * (columns with no significant difference share a letter); SPSS does not publish how
 * it orders the letters, so they follow the first column of each group.
 * Reference: IBM SPSS Statistics Algorithms, "CTABLES: Column proportions test".
 *
 * @param counts r×c cell counts
 * @param options alpha and the correction
 * @returns per row: tested columns, every comparison, subscripts and "greater than" keys
 * @throws {Error} on a ragged or negative table, or alpha outside (0, 1)
 * @example
 * columnProportions([[30, 10], [20, 40]]).rows[0].subscripts; // => ["a", "b"]
 */
export function columnProportions(counts: number[][], options: ColumnProportionsOptions = {}): ColumnProportionsResult {
  const alpha = options.alpha ?? 0.05;
  const adjust = options.adjust ?? "bonferroni";
  if (!(alpha > 0 && alpha < 1)) throw new Error(`columnProportions: alpha must be in (0, 1), got ${alpha}`);
  const columns = counts[0]?.length ?? 0;
  if (counts.some((row) => row.length !== columns || row.some((v) => !(v >= 0)))) {
    throw new Error("columnProportions: counts must be a rectangular table of non-negative numbers");
  }
  const columnTotals = Array.from({ length: columns }, (_, j) => counts.reduce((s, row) => s + row[j], 0));
  const keys = Array.from({ length: columns }, (_, j) => columnKey(j));
  const rows = counts.map((row) => {
    const tested = row.map((v, j) => columnTotals[j] > 0 && v > 0 && v < columnTotals[j]);
    const members = tested.flatMap((t, j) => (t ? [j] : []));
    const pairs = (members.length * (members.length - 1)) / 2;
    const comparisons: ColumnProportionComparison[] = [];
    for (let a = 0; a < members.length; a++) {
      for (let b = a + 1; b < members.length; b++) {
        const j = members[a];
        const k = members[b];
        const pj = row[j] / columnTotals[j];
        const pk = row[k] / columnTotals[k];
        const pooled = (row[j] + row[k]) / (columnTotals[j] + columnTotals[k]);
        const z = (pj - pk) / Math.sqrt(pooled * (1 - pooled) * (1 / columnTotals[j] + 1 / columnTotals[k]));
        const p = 2 * normalCdf(-Math.abs(z));
        const pAdjusted = adjust === "bonferroni" ? Math.min(1, p * pairs) : p;
        comparisons.push({ columns: [j, k], z, p, pAdjusted, significant: pAdjusted < alpha });
      }
    }
    const significant = comparisons.filter((c) => c.significant);
    const greaterThan = row.map(() => [] as string[]);
    for (const c of significant) {
      const [j, k] = c.columns;
      if (c.z > 0) greaterThan[j].push(keys[k]);
      else greaterThan[k].push(keys[j]);
    }
    const subscripts = compactLetterDisplay(
      columns,
      significant.map((c) => c.columns),
      tested,
    );
    return { tested, comparisons, subscripts, greaterThan };
  });
  return { keys, alpha, adjust, rows };
}

function columnKey(index: number): string {
  const base = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  return index < base.length ? base[index] : columnKey(Math.floor(index / base.length) - 1) + base[index % base.length];
}
