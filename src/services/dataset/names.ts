/** Variable names that SPSS (and every other package) accepts, unique within one export. */

const RESERVED = new Set(["ALL", "AND", "BY", "EQ", "GE", "GT", "LE", "LT", "NE", "NOT", "OR", "TO", "WITH"]);
const MAX_BYTES = 64;

/** Cuts a string to at most `max` UTF-8 bytes without splitting a character. */
export function cutUtf8(text: string, max: number): string {
  if (Buffer.byteLength(text) <= max) return text;
  let out = "";
  let bytes = 0;
  for (const ch of text) {
    const size = Buffer.byteLength(ch);
    if (bytes + size > max) break;
    out += ch;
    bytes += size;
  }
  return out;
}

/**
 * A valid SPSS variable name made from any text: letters (any script), digits and `_ . $ # @`,
 * starting with a letter, at most 64 bytes, not ending in `.` or `_`, not a reserved word.
 * @example spssName("main problems (1)") // "main_problems_1"
 */
export function spssName(raw: string): string {
  let name = raw
    .normalize("NFKC")
    .replace(/[^\p{L}\p{N}_.$#@]+/gu, "_")
    .replace(/_+/g, "_");
  name = name.replace(/^[_.]+|[_.]+$/g, "");
  if (!/^\p{L}/u.test(name)) name = `v${name}`;
  name = cutUtf8(name, MAX_BYTES).replace(/[_.]+$/, "");
  if (RESERVED.has(name.toUpperCase())) name = `${name}_v`;
  return name;
}

/**
 * Hands out unique names: SPSS compares names without regard to case, so `Q1` and `q1` clash;
 * a clash gets `_2`, `_3`, … appended (the base is cut to keep 64 bytes).
 */
export class NameRegistry {
  private readonly taken = new Set<string>();

  /** Reserves and returns a unique valid name derived from `raw`. */
  claim(raw: string): string {
    const base = spssName(raw);
    let name = base;
    for (let n = 2; this.taken.has(name.toUpperCase()); n++) {
      const suffix = `_${n}`;
      name = cutUtf8(base, MAX_BYTES - suffix.length) + suffix;
    }
    this.taken.add(name.toUpperCase());
    return name;
  }
}
