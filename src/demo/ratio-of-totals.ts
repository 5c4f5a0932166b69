/** Staff and party members of one organisation. */
export interface Headcount {
  staff: number;
  members: number;
}

/**
 * Writes a decimal such as 0.104 as a reduced fraction (13/125).
 * @example toFraction(0.104) // { numerator: 13, denominator: 125 }
 */
export function toFraction(x: number): { numerator: number; denominator: number } {
  if (!(x >= 0 && x <= 1)) throw new Error(`toFraction: expected a share in [0, 1], got ${x}`);
  let denominator = 1;
  while (Math.abs(Math.round(x * denominator) - x * denominator) > 1e-9) {
    denominator *= 10;
    if (denominator > 1e6) throw new Error(`toFraction: ${x} has more than six decimals`);
  }
  const numerator = Math.round(x * denominator);
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  const g = gcd(numerator, denominator) || 1;
  return { numerator: numerator / g, denominator: denominator / g };
}

/** Indices ordered by a key, largest first, ties by index so the order is reproducible. */
function byDescending(counts: readonly Headcount[], key: (c: Headcount) => number, keep: (c: Headcount) => boolean): number[] {
  return counts
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => keep(c))
    .sort((a, b) => key(b.c) - key(a.c) || a.i - b.i)
    .map(({ i }) => i);
}

/** Adds or removes `amount` units one at a time, round robin over `order`, while `can(i)` allows. */
function spread(order: number[], amount: number, can: (i: number) => boolean, apply: (i: number) => void): number {
  let left = amount;
  while (left > 0) {
    let moved = false;
    for (const i of order) {
      if (left === 0) break;
      if (!can(i)) continue;
      apply(i);
      left -= 1;
      moved = true;
    }
    if (!moved) break;
  }
  return left;
}

/**
 * Nudges drawn headcounts so that the ratio of totals Σmembers / Σstaff equals `ratio`
 * exactly, as the published 10.4 % is a ratio of totals, not a mean of ratios.
 * Staff totals are padded up to a multiple of the ratio's denominator (spread over the
 * largest organisations, a few people each); then members are added to or taken from
 * organisations that already have members, so organisations without any party member
 * stay without one. Keeps 0 ≤ members ≤ staff throughout.
 * @example fitRatioOfTotals([{ staff: 120, members: 10 }, { staff: 5, members: 0 }], 0.104)
 *          // [{ staff: 120, members: 13 }, { staff: 5, members: 0 }]
 */
export function fitRatioOfTotals(counts: readonly Headcount[], ratio: number): Headcount[] {
  const { numerator, denominator } = toFraction(ratio);
  const fitted = counts.map((c) => {
    if (!(Number.isInteger(c.staff) && Number.isInteger(c.members) && c.members >= 0 && c.members <= c.staff)) {
      throw new Error(`fitRatioOfTotals: bad headcount ${JSON.stringify(c)}`);
    }
    return { ...c };
  });
  if (fitted.length === 0) throw new Error("fitRatioOfTotals: no organisations");

  const staffTotal = fitted.reduce((sum, c) => sum + c.staff, 0);
  const pad = (denominator - (staffTotal % denominator)) % denominator;
  const largest = byDescending(
    fitted,
    (c) => c.staff,
    () => true,
  ).slice(0, 40);
  spread(
    largest,
    pad,
    () => true,
    (i) => (fitted[i].staff += 1),
  );

  const target = ((staffTotal + pad) / denominator) * numerator;
  const gap = target - fitted.reduce((sum, c) => sum + c.members, 0);
  let left: number;
  if (gap > 0) {
    // First keep every organisation at or under 60 % members, then allow up to all staff.
    const withMembers = byDescending(
      fitted,
      (c) => c.staff,
      (c) => c.members > 0,
    );
    left = spread(
      withMembers,
      gap,
      (i) => fitted[i].members + 1 <= 0.6 * fitted[i].staff,
      (i) => (fitted[i].members += 1),
    );
    left = spread(
      withMembers,
      left,
      (i) => fitted[i].members < fitted[i].staff,
      (i) => (fitted[i].members += 1),
    );
    const all = byDescending(
      fitted,
      (c) => c.staff,
      () => true,
    );
    left = spread(
      all,
      left,
      (i) => fitted[i].members < fitted[i].staff,
      (i) => (fitted[i].members += 1),
    );
  } else {
    // Keep at least one member where there was one, so the share without members holds.
    const most = byDescending(
      fitted,
      (c) => c.members,
      (c) => c.members > 0,
    );
    left = spread(
      most,
      -gap,
      (i) => fitted[i].members > 1,
      (i) => (fitted[i].members -= 1),
    );
    left = spread(
      most,
      left,
      (i) => fitted[i].members > 0,
      (i) => (fitted[i].members -= 1),
    );
  }
  if (left !== 0) throw new Error(`fitRatioOfTotals: cannot reach ${ratio}`);
  return fitted;
}
