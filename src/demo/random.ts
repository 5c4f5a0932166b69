/**
 * A small seeded pseudo-random generator for the demo data.
 *
 * mulberry32 is used rather than Math.random because demo data must be the same
 * on every machine and every run: tests pin exact published figures to it, and the
 * same seed must give byte-identical responses.
 */

/** A seeded source of random numbers with the few draws the demo generators use. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An unsigned 32-bit integer. */
  nextUint32(): number;
  /** Fills `bytes` with random ones (each 32-bit draw gives four, most significant first) and returns them. */
  fill(bytes: Uint8Array): Uint8Array;
  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** A normal deviate with the given mean and standard deviation (Box–Muller). */
  normal(mean: number, sd: number): number;
  /** One of `items`, chosen with probability proportional to `weights`. */
  pick<T>(items: readonly T[], weights?: readonly number[]): T;
  /** `n` different items, drawn one after another with probability proportional to `weights`. */
  pickDistinct<T>(items: readonly T[], weights: readonly number[], n: number): T[];
  /** A shuffled copy of `items` (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
}

/**
 * mulberry32: a 32-bit state generator, fast and good enough for simulation.
 * @example mulberry32(1)() // 0.6270739405881613
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Creates a {@link Random} from a seed.
 * @example createRandom(20230).int(1, 6)
 */
export function createRandom(seed: number): Random {
  if (!Number.isInteger(seed)) throw new Error(`createRandom: seed must be an integer, got ${seed}`);
  const next = mulberry32(seed);
  const random: Random = {
    next,
    nextUint32: () => Math.floor(next() * 4294967296) >>> 0,
    fill: (bytes) => {
      for (let i = 0; i < bytes.length; i += 4) {
        const word = random.nextUint32();
        for (let k = 0; k < 4 && i + k < bytes.length; k++) bytes[i + k] = (word >>> (24 - 8 * k)) & 0xff;
      }
      return bytes;
    },
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    normal: (mean, sd) => {
      // 1 - next() keeps the logarithm's argument away from 0.
      const u = 1 - next();
      const v = next();
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    pick: (items, weights) => {
      if (items.length === 0) throw new Error("pick: no items");
      if (!weights) return items[Math.floor(next() * items.length)];
      if (weights.length !== items.length) throw new Error("pick: one weight per item");
      const total = weights.reduce((a, b) => a + b, 0);
      let r = next() * total;
      for (let i = 0; i < items.length; i++) {
        r -= weights[i];
        if (r < 0) return items[i];
      }
      return items[items.length - 1];
    },
    pickDistinct: (items, weights, n) => {
      const pool = items.map((item, i) => ({ item, weight: weights[i] })).filter((e) => e.weight > 0);
      if (n > pool.length) throw new Error(`pickDistinct: cannot draw ${n} of ${pool.length}`);
      const drawn: (typeof items)[number][] = [];
      for (let k = 0; k < n; k++) {
        const entry = random.pick(
          pool,
          pool.map((e) => e.weight),
        );
        drawn.push(entry.item);
        pool.splice(pool.indexOf(entry), 1);
      }
      return drawn;
    },
    shuffle: (items) => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy;
    },
  };
  return random;
}
