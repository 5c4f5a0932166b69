/**
 * Estimated advance width of one character in em, close to Noto Sans (CJK): Han,
 * kana, Hangul and full-width punctuation take a full em, Latin letters about half.
 */
export function charWidthEm(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  if (isWide(code)) return 1;
  if (ch === " ") return 0.26;
  if ("iIjlt.,:;'|!()[]{}/".includes(ch)) return 0.3;
  if ("mwMW@%".includes(ch)) return 0.85;
  if (ch >= "A" && ch <= "Z") return 0.66;
  if (ch >= "0" && ch <= "9") return 0.57;
  return 0.54;
}

/**
 * Estimated width of a text in em (see `charWidthEm`). Chart specs are pure, so they
 * cannot measure with the font; the renderer measures exactly, this only decides
 * where to wrap.
 *
 * @param text any text
 * @returns width in em
 * @example
 * textWidthEm("管理体制不顺畅"); // => 7
 */
export function textWidthEm(text: string): number {
  let width = 0;
  for (const ch of text) width += charWidthEm(ch);
  return width;
}

/** No line may start with these (closing punctuation, Chinese line-breaking rules, GB/T 15834). */
const NO_START = new Set([..."，。、；：？！）》」』】〕…%％,.;:?!)]}·”’"]);
/** No line may end with these (opening punctuation). */
const NO_END = new Set([..."（《「『【〔“‘([{"]);
/** Good places to break after: a clause ends here. */
const CLAUSE_END = new Set([..."，、；：。？！）,;:/"]);

/**
 * Wraps a label into lines of at most `maxEm`, Chinese style: a break may fall between
 * any two Han characters but not before closing or after opening punctuation, Latin
 * words stay whole unless longer than a line, lines are balanced (two lines of six
 * rather than ten and two) and breaks after a comma are preferred. Past `maxLines`
 * the last line is cut and ends in "…".
 *
 * @param text the label
 * @param maxEm widest line in em
 * @param maxLines most lines, default unlimited
 * @returns the lines (one, unchanged, when the text fits)
 * @throws {Error} when maxEm is not positive
 * @example
 * wrapText("多个管理部门，职责不明确", 8); // => ["多个管理部门，", "职责不明确"]
 */
export function wrapText(text: string, maxEm: number, maxLines = Infinity): string[] {
  if (!(maxEm > 0)) throw new Error(`wrapText: maxEm must be positive, got ${maxEm}`);
  const clean = text.replace(/\s+/g, " ").trim();
  const total = textWidthEm(clean);
  if (total <= maxEm) return [clean];
  const tokens = tokenize(clean);
  // Balanced lines first; if they need more lines than allowed, fill each line instead.
  let lines = fillLines(tokens, maxEm, Math.min(maxEm, total / Math.ceil(total / maxEm) + 1.5));
  if (lines.length > maxLines) lines = fillLines(tokens, maxEm, maxEm);
  if (lines.length <= maxLines) return lines;
  const cut = lines.slice(0, maxLines);
  const rest = lines.slice(maxLines - 1).reduce((a, b) => a + (/[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? " " : "") + b);
  cut[maxLines - 1] = truncateText(rest, maxEm);
  return cut;
}

/** Greedy line filling up to `target` em (never past `maxEm`), with the breaking rules of `wrapText`. */
function fillLines(tokens: string[], maxEm: number, target: number): string[] {
  const lines: string[] = [];
  let current: string[] = [];
  let width = 0;
  const flush = (upTo: number) => {
    lines.push(current.slice(0, upTo).join("").trim());
    current = current.slice(upTo);
    while (current[0] === " ") current.shift();
    width = textWidthEm(current.join(""));
  };
  for (const token of tokens) {
    const w = textWidthEm(token);
    if (token === " " && current.length === 0) continue;
    if (width + w > target && current.length > 0 && !NO_START.has(token[0])) {
      // Break after the last clause end in the second half of the line, if any.
      let cut = current.length;
      for (let k = current.length - 1; k > 0; k--) {
        if (textWidthEm(current.slice(0, k).join("")) < target * 0.55) break;
        if (CLAUSE_END.has(current[k - 1].slice(-1))) {
          cut = k;
          break;
        }
      }
      while (cut > 1 && NO_END.has(current[cut - 1])) cut--;
      flush(cut);
    }
    if (w > maxEm) {
      // A Latin word longer than a line: split it by characters.
      for (const ch of token) {
        if (width + charWidthEm(ch) > maxEm && current.length > 0) flush(current.length);
        current.push(ch);
        width += charWidthEm(ch);
      }
      continue;
    }
    current.push(token);
    width += w;
  }
  if (current.length > 0) flush(current.length);
  return lines.filter((l) => l.length > 0);
}

/**
 * Cuts a text to at most `maxEm` wide, ending in "…" when it was cut.
 *
 * @param text the text
 * @param maxEm widest width in em
 * @returns the text or its cut
 * @example
 * truncateText("社会组织党建工作创新", 5); // => "社会组织…"
 */
export function truncateText(text: string, maxEm: number): string {
  if (textWidthEm(text) <= maxEm) return text;
  const chars = [...text];
  while (chars.length > 0 && textWidthEm(chars.join("")) + 1 > maxEm) chars.pop();
  return `${chars.join("").trimEnd()}…`;
}

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let word = "";
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === " " || isWide(code) || NO_START.has(ch) || NO_END.has(ch)) {
      if (word) tokens.push(word);
      word = "";
      // Closing punctuation sticks to what precedes it, opening to what follows.
      if (NO_START.has(ch) && tokens.length > 0 && tokens[tokens.length - 1] !== " ") tokens[tokens.length - 1] += ch;
      else tokens.push(ch);
    } else {
      word += ch;
    }
  }
  if (word) tokens.push(word);
  // Merge an opening bracket with the token after it.
  const merged: string[] = [];
  for (let k = 0; k < tokens.length; k++) {
    if (NO_END.has(tokens[k]) && k + 1 < tokens.length) {
      merged.push(tokens[k] + tokens[k + 1]);
      k++;
    } else merged.push(tokens[k]);
  }
  return merged;
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd) ||
    code === 0x2026 ||
    code === 0x25c6
  );
}
