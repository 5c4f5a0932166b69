import { inflateSync } from "node:zlib";

/** A decoded 8-bit RGBA image. */
export interface Pixels {
  width: number;
  height: number;
  /** RGBA, row by row. */
  data: Uint8Array;
}

/**
 * Decodes the PNGs resvg writes (8-bit RGBA, not interlaced) so that tests can look at
 * the pixels of the real output, not of a second rendering path.
 */
export function decodePng(png: Uint8Array): Pixels {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let at = 8;
  let width = 0;
  let height = 0;
  const idat: Uint8Array[] = [];
  while (at < png.length) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    const body = png.subarray(at + 8, at + 8 + length);
    if (type === "IHDR") {
      width = view.getUint32(at + 8);
      height = view.getUint32(at + 12);
      if (body[8] !== 8 || body[9] !== 6 || body[12] !== 0) throw new Error("decodePng: only 8-bit RGBA, not interlaced");
    } else if (type === "IDAT") idat.push(body);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const data = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= 4 ? data[y * stride + x - 4] : 0;
      const b = y > 0 ? data[(y - 1) * stride + x] : 0;
      const c = x >= 4 && y > 0 ? data[(y - 1) * stride + x - 4] : 0;
      let v = line[x];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      data[y * stride + x] = v & 0xff;
    }
  }
  return { width, height, data };
}

/** Whether the pixel at (x, y) is dark ink (text, lines), not background or a light fill. */
export function isInk(p: Pixels, x: number, y: number): boolean {
  const k = (y * p.width + x) * 4;
  return p.data[k] + p.data[k + 1] + p.data[k + 2] < 3 * 128;
}

/** Pixels that differ by more than a small tolerance in a region, and their bounding box. */
export function difference(a: Pixels, b: Pixels, region = { x0: 0, y0: 0, x1: a.width, y1: a.height }) {
  if (a.width !== b.width || a.height !== b.height) throw new Error(`difference: sizes differ ${a.width}×${a.height} vs ${b.width}×${b.height}`);
  let count = 0;
  let minX = Infinity;
  let maxX = -Infinity;
  for (let y = region.y0; y < region.y1; y++) {
    for (let x = region.x0; x < region.x1; x++) {
      const k = (y * a.width + x) * 4;
      const d = Math.abs(a.data[k] - b.data[k]) + Math.abs(a.data[k + 1] - b.data[k + 1]) + Math.abs(a.data[k + 2] - b.data[k + 2]);
      if (d > 60) {
        count++;
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
      }
    }
  }
  return { count, minX, maxX };
}

/** Dark pixels in a region. */
export function inkCount(p: Pixels, region = { x0: 0, y0: 0, x1: p.width, y1: p.height }): number {
  let count = 0;
  for (let y = region.y0; y < region.y1; y++) for (let x = region.x0; x < region.x1; x++) if (isInk(p, x, y)) count++;
  return count;
}
