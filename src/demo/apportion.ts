/**
 * Splits `total` into integer counts proportional to `shares` by the largest-remainder
 * (Hamilton) method, so that a demo sample has exactly the planned group sizes.
 * @example apportion(1812, [0.05, 0.15, 0.2, 0.25, 0.35]) // [91, 272, 362, 453, 634]
 */
export function apportion(total: number, shares: readonly number[]): number[] {
  if (!Number.isInteger(total) || total < 0) throw new Error(`apportion: total must be a whole number, got ${total}`);
  const sum = shares.reduce((a, b) => a + b, 0);
  if (!(sum > 0) || shares.some((s) => s < 0)) throw new Error("apportion: shares must be non-negative and not all 0");
  const exact = shares.map((s) => (total * s) / sum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left === 0) break;
    counts[i] += 1;
    left -= 1;
  }
  return counts;
}
