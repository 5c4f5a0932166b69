/**
 * Horizontal advance widths of an OpenType/TrueType font (also the first face of a
 * collection), read from its `head`, `hhea`, `hmtx` and `cmap` tables: enough for vega
 * to lay out labels with the widths resvg will draw, where it would otherwise guess.
 */
export interface FontMetrics {
  /** Width of `text` at `fontSize` pixels (no kerning). */
  width(text: string, fontSize: number): number;
  /** Whether the font has a glyph for the character. */
  has(ch: string): boolean;
}

/**
 * Reads the metrics of a font file's bytes.
 *
 * @param bytes an .otf/.ttf file or a .ttc collection (first face)
 * @returns width and coverage lookups
 * @throws {Error} when a required table is missing or the cmap has no Unicode subtable
 */
export function readFontMetrics(bytes: Uint8Array): FontMetrics {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 0;
  if (view.getUint32(0) === 0x74746366 /* 'ttcf' */) offset = view.getUint32(12);
  const tables = new Map<string, number>();
  const count = view.getUint16(offset + 4);
  for (let k = 0; k < count; k++) {
    const record = offset + 12 + 16 * k;
    const tag = String.fromCharCode(...bytes.subarray(record, record + 4));
    tables.set(tag, view.getUint32(record + 8));
  }
  const table = (tag: string) => {
    const at = tables.get(tag);
    if (at === undefined) throw new Error(`readFontMetrics: no ${tag} table`);
    return at;
  };
  const unitsPerEm = view.getUint16(table("head") + 18);
  const metricCount = view.getUint16(table("hhea") + 34);
  const hmtx = table("hmtx");
  const advance = (glyph: number) => view.getUint16(hmtx + 4 * Math.min(glyph, metricCount - 1));
  const glyphOf = readCmap(view, table("cmap"));
  return {
    width(text, fontSize) {
      let units = 0;
      for (const ch of text) {
        const glyph = glyphOf(ch.codePointAt(0) ?? 0);
        units += glyph > 0 ? advance(glyph) : unitsPerEm * 0.6;
      }
      return (units / unitsPerEm) * fontSize;
    },
    has(ch) {
      return glyphOf(ch.codePointAt(0) ?? 0) > 0;
    },
  };
}

/** A code point → glyph lookup from the best Unicode cmap subtable (format 12, else 4). */
function readCmap(view: DataView, cmap: number): (code: number) => number {
  const count = view.getUint16(cmap + 2);
  let format4 = -1;
  for (let k = 0; k < count; k++) {
    const platform = view.getUint16(cmap + 4 + 8 * k);
    const encoding = view.getUint16(cmap + 6 + 8 * k);
    const at = cmap + view.getUint32(cmap + 8 + 8 * k);
    const format = view.getUint16(at);
    if (format === 12 && (platform === 3 || platform === 0)) return format12(view, at);
    if (format === 4 && ((platform === 3 && encoding === 1) || platform === 0)) format4 = at;
  }
  if (format4 < 0) throw new Error("readFontMetrics: no Unicode cmap subtable");
  return format4Lookup(view, format4);
}

function format12(view: DataView, at: number): (code: number) => number {
  const groups = view.getUint32(at + 12);
  return (code) => {
    let lo = 0;
    let hi = groups - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const g = at + 16 + 12 * mid;
      if (code < view.getUint32(g)) hi = mid - 1;
      else if (code > view.getUint32(g + 4)) lo = mid + 1;
      else return view.getUint32(g + 8) + code - view.getUint32(g);
    }
    return 0;
  };
}

function format4Lookup(view: DataView, at: number): (code: number) => number {
  const segments = view.getUint16(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  return (code) => {
    if (code > 0xffff) return 0;
    for (let s = 0; s < segments; s++) {
      if (code > view.getUint16(ends + 2 * s)) continue;
      const start = view.getUint16(starts + 2 * s);
      if (code < start) return 0;
      const delta = view.getUint16(deltas + 2 * s);
      const rangeOffset = view.getUint16(rangeOffsets + 2 * s);
      if (rangeOffset === 0) return (code + delta) & 0xffff;
      const glyph = view.getUint16(rangeOffsets + 2 * s + rangeOffset + 2 * (code - start));
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}
