/**
 * Writes a pHYs chunk (pixels per metre) right after a PNG's IHDR, so that word
 * processors place the image at its intended physical size. An existing pHYs chunk is
 * replaced.
 *
 * @param png PNG bytes
 * @param dpi dots per inch
 * @returns the PNG with its resolution recorded
 * @throws {Error} when the bytes are not a PNG
 */
export function setPngDensity(png: Uint8Array, dpi: number): Buffer {
  const signature = [137, 80, 78, 71, 13, 10, 26, 10];
  if (signature.some((b, k) => png[k] !== b)) throw new Error("setPngDensity: not a PNG");
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const ihdrEnd = 8 + 12 + view.getUint32(8);
  const chunks: Uint8Array[] = [png.subarray(0, ihdrEnd)];
  let at = ihdrEnd;
  while (at < png.length) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    if (type !== "pHYs") chunks.push(png.subarray(at, at + 12 + length));
    at += 12 + length;
  }
  const perMetre = Math.round(dpi / 0.0254);
  const body = new Uint8Array(13);
  const bodyView = new DataView(body.buffer);
  bodyView.setUint32(0, perMetre);
  bodyView.setUint32(4, perMetre);
  body[8] = 1; // unit: metre
  chunks.splice(1, 0, chunk("pHYs", body));
  return Buffer.concat(chunks);
}

function chunk(type: string, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + body.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, body.length);
  for (let k = 0; k < 4; k++) out[4 + k] = type.charCodeAt(k);
  out.set(body, 8);
  view.setUint32(8 + body.length, crc32(out.subarray(4, 8 + body.length)));
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
