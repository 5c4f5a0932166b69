import { numericSummary, type NumericAggregates, type NumericSummary } from "./numeric-summary.js";

export interface NumericGroupInput {
  label: string;
  /** Plain values (small groups) or the SQL aggregates of the group. */
  data: readonly number[] | NumericAggregates;
  /** Respondents of the group without a value. */
  missing?: number;
}

/**
 * `numericSummary` for each group of a `GROUP BY g` (or each array of a small group),
 * labels kept in input order.
 * Reference: Hyndman & Fan (1996) for the type 7 quartiles.
 *
 * @param groups label and data per group
 * @returns one labelled summary per group
 * @throws {Error} on duplicate labels or bad data (see `numericSummary`)
 * @example
 * numericSummaryByGroup([{ label: "社会团体", data: [12, 30, 7] }, { label: "基金会", data: [5] }])[0].median; // => 12
 */
export function numericSummaryByGroup(groups: NumericGroupInput[]): (NumericSummary & { label: string })[] {
  const seen = new Set<string>();
  return groups.map((g) => {
    if (seen.has(g.label)) throw new Error(`numericSummaryByGroup: duplicate group label ${g.label}`);
    seen.add(g.label);
    return { label: g.label, ...numericSummary(g.data, g.missing ?? 0) };
  });
}
