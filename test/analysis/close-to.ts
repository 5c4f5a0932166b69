import { expect } from "vitest";

/**
 * Asserts |actual − expected| ≤ rel·|expected| + abs. The absolute floor (default
 * 1e-14) only matters where the oracle value is (close to) zero, e.g. an interval
 * bound at 0 that one side computes as 1e-17.
 */
export function expectClose(actual: number | null | undefined, expected: number | null, rel = 1e-9, abs = 1e-14, what = ""): void {
  if (expected === null) {
    expect(actual ?? null, what).toBeNull();
    return;
  }
  expect(typeof actual, what).toBe("number");
  const a = actual as number;
  const tolerance = rel * Math.abs(expected) + abs;
  if (!(Math.abs(a - expected) <= tolerance)) {
    throw new Error(`${what}: expected ${expected}, got ${a} (diff ${Math.abs(a - expected)}, tolerance ${tolerance})`);
  }
}

export function expectAllClose(actual: (number | null)[][] | (number | null)[], expected: unknown[], rel = 1e-9, abs = 1e-14, what = ""): void {
  expect(actual.length, what).toBe(expected.length);
  actual.forEach((value, i) => {
    if (Array.isArray(value)) expectAllClose(value, expected[i] as unknown[], rel, abs, `${what}[${i}]`);
    else expectClose(value, expected[i] as number | null, rel, abs, `${what}[${i}]`);
  });
}
