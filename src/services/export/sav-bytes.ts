/** Little-endian binary building blocks of SPSS system files. */

/** A growable little-endian byte buffer. */
export class ByteWriter {
  private buffer = Buffer.alloc(4096);
  private length = 0;

  private reserve(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.length + extra) size *= 2;
    const bigger = Buffer.alloc(size);
    this.buffer.copy(bigger, 0, 0, this.length);
    this.buffer = bigger;
  }

  int32(value: number): this {
    this.reserve(4);
    this.buffer.writeInt32LE(value, this.length);
    this.length += 4;
    return this;
  }

  float64(value: number): this {
    this.reserve(8);
    this.buffer.writeDoubleLE(value, this.length);
    this.length += 8;
    return this;
  }

  bytes(data: Uint8Array): this {
    this.reserve(data.length);
    this.buffer.set(data, this.length);
    this.length += data.length;
    return this;
  }

  /** `text` as UTF-8 in exactly `size` bytes, cut or padded with `pad`. */
  fixed(text: string | Uint8Array, size: number, pad = 0x20): this {
    const data = typeof text === "string" ? Buffer.from(text) : text;
    this.reserve(size);
    const n = Math.min(size, data.length);
    this.buffer.set(data.subarray(0, n), this.length);
    this.buffer.fill(pad, this.length + n, this.length + size);
    this.length += size;
    return this;
  }

  zeros(size: number): this {
    return this.fixed(new Uint8Array(0), size, 0);
  }

  /** A copy of what was written. */
  toBuffer(): Buffer {
    return Buffer.from(this.buffer.subarray(0, this.length));
  }
}

/** UTF-8 bytes of `text`, cut to `max` bytes without splitting a character. */
export function utf8Cut(text: string, max: number): Buffer {
  const data = Buffer.from(text);
  if (data.length <= max) return data;
  let end = max;
  // Back up over continuation bytes (10xxxxxx) to a character start.
  while (end > 0 && (data[end] & 0xc0) === 0x80) end--;
  return data.subarray(0, end);
}

export const SYSMIS = -Number.MAX_VALUE;
/** Seconds from the SPSS epoch (1582-10-14) to the Unix epoch. */
export const SPSS_EPOCH_OFFSET = 12_219_379_200;

/** SPSS format codes. */
export const FORMAT = { A: 1, F: 5, DATE: 20, DATETIME: 22 } as const;

/** A print/write format spec: type, width, decimals in one int32. */
export function formatSpec(type: number, width: number, decimals: number): number {
  return (type << 16) | (width << 8) | decimals;
}
