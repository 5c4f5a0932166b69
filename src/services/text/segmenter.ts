import * as OpenCC from "opencc-js";
import { jieba } from "./jieba.js";
import { stopWords } from "./stop-words.js";

/** The words of one answer, each counted once: what a keyword table counts respondents by. */
export interface SegmentedAnswer {
  /** Content words (no stop words, punctuation or bare numbers), in the order first used. */
  words: string[];
  /** Two content words that stand next to each other (no stop word or punctuation between), joined. */
  phrases: string[];
}

/** Splits an answer into Chinese runs, Latin words, whitespace and the rest (punctuation, symbols). */
const LATIN = "[^\\P{L}\\p{Script=Han}]|\\p{N}";
const PIECES = new RegExp(`(\\p{Script=Han}+)|((?:${LATIN})+(?:['’\\-](?:${LATIN})+)*)|(\\s+)|([^\\s\\p{L}\\p{N}]+)`, "gu");
const HAN = /\p{Script=Han}/u;
const DIGITS = /^\p{N}+$/u;

/**
 * Negations are stop words in every list, yet 不明确 and 明确 are opposite answers: a
 * negation joins the Chinese word after it (不 + 顺畅 → 不顺畅) instead of being dropped.
 */
const NEGATIONS = new Set(["不", "没", "没有", "未", "无", "非"]);

let toSimplified: ((text: string) => string) | undefined;

function simplified(text: string): string {
  const convert = (toSimplified ??= OpenCC.Converter({ from: "t", to: "cn" }));
  return convert(text);
}

/**
 * The form answers are segmented and counted in: compatibility forms folded (full-width
 * letters and digits, NFKC), Traditional characters made Simplified (OpenCC, generic
 * Traditional), Latin letters lower-cased. The answer shown stays as written.
 *
 * @param text an answer or a dictionary term
 * @returns its normal form
 * @example normalForm("黨建活動 Training") // => "党建活动 training"
 */
export function normalForm(text: string): string {
  return simplified(text.normalize("NFKC")).toLowerCase();
}

/**
 * Cuts open answers into words: Chinese with jieba (HMM on, so unseen names hold together),
 * English and other Latin text on word boundaries; the terms of the survey's dictionary
 * stay whole wherever they stand, and are never stop words.
 */
export class Segmenter {
  /** Dictionary terms in normal form by their first character, longest first. */
  private readonly termsByFirst = new Map<string, string[]>();
  private readonly terms = new Set<string>();

  /** @param terms the survey's dictionary (any script; compared in normal form) */
  constructor(terms: readonly string[]) {
    for (const raw of terms) {
      const term = normalForm(raw).trim();
      if (term.length === 0 || this.terms.has(term)) continue;
      this.terms.add(term);
      const first = term[0];
      const list = this.termsByFirst.get(first) ?? [];
      list.push(term);
      this.termsByFirst.set(first, list);
    }
    for (const list of this.termsByFirst.values()) list.sort((a, b) => b.length - a.length);
  }

  /**
   * The content tokens of an answer in order, `null` where a stop word or punctuation
   * breaks the run (so no phrase is made across it).
   *
   * @param text one answer as written
   */
  tokens(text: string): (string | null)[] {
    const normal = normalForm(text);
    const out: (string | null)[] = [];
    let plainFrom = 0;
    for (let i = 0; i < normal.length; ) {
      const term = this.termAt(normal, i);
      if (term === null) {
        i++;
        continue;
      }
      this.plainTokens(normal.slice(plainFrom, i), out);
      out.push(term);
      i += term.length;
      plainFrom = i;
    }
    this.plainTokens(normal.slice(plainFrom), out);
    return out;
  }

  /**
   * The words and two-word phrases of an answer, each once.
   *
   * @param text one answer as written
   * @example new Segmenter(["三会一课"]).segment("坚持三会一课制度").words // => ["坚持", "三会一课", "制度"]
   */
  segment(text: string): SegmentedAnswer {
    const tokens = this.tokens(text);
    const words = new Set<string>();
    const phrases = new Set<string>();
    for (let k = 0; k < tokens.length; k++) {
      const word = tokens[k];
      if (word === null) continue;
      words.add(word);
      const next = tokens[k + 1];
      if (next != null && next !== word) phrases.add(joinPhrase(word, next));
    }
    return { words: [...words], phrases: [...phrases] };
  }

  private termAt(text: string, i: number): string | null {
    const candidates = this.termsByFirst.get(text[i]);
    if (!candidates) return null;
    for (const term of candidates) if (text.startsWith(term, i)) return term;
    return null;
  }

  private plainTokens(text: string, out: (string | null)[]): void {
    if (text.length === 0) return;
    const stop = stopWords();
    const add = (token: string) => {
      if (DIGITS.test(token) || (stop.has(token) && !this.terms.has(token))) out.push(null);
      else out.push(token);
    };
    for (const match of text.matchAll(PIECES)) {
      if (match[1] !== undefined) {
        const cut = jieba().cut(match[1], true);
        for (let k = 0; k < cut.length; k++) {
          const next = cut[k + 1];
          if (NEGATIONS.has(cut[k]) && next !== undefined && !NEGATIONS.has(next) && !stop.has(next)) {
            add(cut[k] + next);
            k++;
          } else add(cut[k]);
        }
      } else if (match[2] !== undefined) add(match[2]);
      else if (match[4] !== undefined) out.push(null);
      // Whitespace joins: English phrases are written with it, and Chinese rarely has any.
    }
  }
}

/** Two Chinese words are written together, anything else with a space between. */
export function joinPhrase(a: string, b: string): string {
  return HAN.test(a.at(-1) ?? "") && HAN.test(b[0] ?? "") ? a + b : `${a} ${b}`;
}
