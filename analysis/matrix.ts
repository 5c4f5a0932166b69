/**
 * The few dense-matrix operations the Rao–Scott correction needs, on plain
 * `number[][]` (row-major). Sizes here are a few dozen at most, so the textbook
 * algorithms are fine; simple-statistics has no matrix algebra.
 * Reference: Golub & Van Loan, Matrix Computations, 4th ed. (2013), §3.4 (Gaussian
 * elimination with partial pivoting).
 */

/** Product A·B. */
export function matrixMultiply(a: number[][], b: number[][]): number[][] {
  const inner = b.length;
  const columns = b[0]?.length ?? 0;
  if (a.some((row) => row.length !== inner)) throw new Error("matrixMultiply: shapes do not match");
  return a.map((row) => {
    const out = new Array<number>(columns).fill(0);
    for (let k = 0; k < inner; k++) {
      const v = row[k];
      if (v === 0) continue;
      const bk = b[k];
      for (let j = 0; j < columns; j++) out[j] += v * bk[j];
    }
    return out;
  });
}

/** Transpose Aᵀ. */
export function matrixTranspose(a: number[][]): number[][] {
  const columns = a[0]?.length ?? 0;
  return Array.from({ length: columns }, (_, j) => a.map((row) => row[j]));
}

/**
 * Solves A·X = B for square A by Gaussian elimination with partial pivoting.
 * @throws {Error} when A is singular to working precision
 */
export function matrixSolve(a: number[][], b: number[][]): number[][] {
  const n = a.length;
  if (a.some((row) => row.length !== n) || b.length !== n) throw new Error("matrixSolve: shapes do not match");
  const m = a.map((row, i) => [...row, ...b[i]]);
  const width = m[0]?.length ?? 0;
  const scale = Math.max(...a.flat().map(Math.abs), 0);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
    if (!(Math.abs(m[pivot][col]) > 1e-13 * scale)) throw new Error("matrixSolve: matrix is singular");
    [m[col], m[pivot]] = [m[pivot], m[col]];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const factor = m[r][col] / m[col][col];
      if (factor === 0) continue;
      for (let j = col; j < width; j++) m[r][j] -= factor * m[col][j];
    }
  }
  return m.map((row, i) => row.slice(n).map((v) => v / m[i][i]));
}
