/** Answers that read alike: their words (each once), how many respondents gave them, their weight and group. */
export interface TermAnswers {
  terms: readonly string[];
  /** Respondents who gave this answer. */
  n: number;
  /** Their summed weight (default n). */
  weight?: number;
  /** Their group (an index), or null when they have none. */
  group?: number | null;
}

/** Respondents who used one term. */
export interface TermCount {
  term: string;
  respondents: number;
  weighted: number;
  /** Respondents per group (length `groups`). */
  byGroup: number[];
}

/**
 * Counts respondents, not tokens: a word an answer repeats counts once for its respondent.
 * Terms are ordered by respondents, then weighted count, then first appearance.
 *
 * @param answers grouped answers
 * @param groups how many groups there are (0 without grouping)
 * @returns one count per term, and the answerers in all and per group
 * @throws {Error} on a negative count or a group index out of range
 * @example termRespondents([{ terms: ["经费", "经费"], n: 2 }, { terms: ["经费", "场地"], n: 1 }]).terms[0] // => { term: "经费", respondents: 3, weighted: 3, byGroup: [] }
 */
export function termRespondents(answers: readonly TermAnswers[], groups = 0) {
  const byTerm = new Map<string, TermCount>();
  let respondents = 0;
  let weighted = 0;
  const bases = new Array<number>(groups).fill(0);
  const weightedBases = new Array<number>(groups).fill(0);
  for (const answer of answers) {
    const w = answer.weight ?? answer.n;
    if (!(answer.n >= 0) || !(w >= 0)) throw new Error(`termRespondents: counts and weights must be non-negative, got ${answer.n} and ${w}`);
    const g = answer.group ?? null;
    if (g !== null && !(g >= 0 && g < groups)) throw new Error(`termRespondents: group ${g} is not one of ${groups} groups`);
    respondents += answer.n;
    weighted += w;
    if (g !== null) {
      bases[g] += answer.n;
      weightedBases[g] += w;
    }
    for (const term of new Set(answer.terms)) {
      let count = byTerm.get(term);
      if (!count) {
        count = { term, respondents: 0, weighted: 0, byGroup: new Array<number>(groups).fill(0) };
        byTerm.set(term, count);
      }
      count.respondents += answer.n;
      count.weighted += w;
      if (g !== null) count.byGroup[g] += answer.n;
    }
  }
  // A stable sort keeps first appearance among ties.
  const terms = [...byTerm.values()].sort((a, b) => b.respondents - a.respondents || b.weighted - a.weighted);
  return { respondents, weighted, bases, weightedBases, terms };
}
