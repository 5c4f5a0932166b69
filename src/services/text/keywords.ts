import { sql } from "drizzle-orm";
import { phrase, say } from "../../../i18n/phrase.js";
import { groupKeyness, termRespondents, type TermAnswers, type TermCount } from "../../../analysis/index.js";
import type { Db } from "../../db/client.js";
import { responses } from "../../db/schema/index.js";
import { chineseConverter } from "../../questionnaire/convert-chinese.js";
import { describeQuestion, loadCatalog } from "../analysis/analysis-question.js";
import { AnswerDecoder } from "../analysis/answer-decoder.js";
import { choiceColumns, decodeChoice, groupCounts } from "../analysis/cell-counts.js";
import { answerText, buildDesign, notAskedFlag } from "../analysis/design.js";
import { compute, requireKind } from "../analysis/guard.js";
import { groupingQuestion } from "../analysis/unit.js";
import { VersionTally } from "../analysis/version-tally.js";
import { describeWeighting, planWeights, WeightCells, weightDecoders } from "../analysis/weights.js";
import { readDictionary } from "./dictionary.js";
import type { TextQuery } from "./keyword-request.js";
import { findOpenQuestion } from "./open-question.js";
import { Segmenter, type SegmentedAnswer } from "./segmenter.js";

/** Distinct answers (joined texts of every source) with their respondents, per weighting cell and group. */
interface AnswerGroup {
  text: string;
  segmented: SegmentedAnswer;
  cell: number;
  group: number | null;
  n: number;
}

/** What separates the texts of one respondent's sources in an example. */
const SOURCE_JOIN = " / ";

/**
 * The keyword table of an open question: the most used words and two-word phrases with the
 * respondents who used each (a word counts once per respondent, whatever the answer repeats)
 * and their share of respondents who answered — weighted with `weight` — with example answers
 * as written; with `by`, each group's over-represented words (log-likelihood keyness, Holm
 * over the table). SQL groups the answers by their text (and weighting cell, group, version),
 * so each distinct answer is segmented once and no response row travels alone.
 *
 * @param db the database
 * @param surveyName the survey
 * @param request the checked request (scope set from the caller's access)
 */
export async function keywordAnalysis(db: Db, surveyName: string, request: TextQuery) {
  const catalog = await loadCatalog(db, surveyName);
  const open = findOpenQuestion(catalog, request.question, request.lang, "question");
  const by = request.by === undefined ? null : await groupingQuestion(db, catalog, request.by, request.lang, request.scope, "by");
  if (by) requireKind(by, "by", ["single"], phrase("text.groupRole"));
  const design = buildDesign(catalog, request);
  const plan = planWeights(catalog, request.weight, request.lang);
  const decoders = weightDecoders(plan);
  const byDecoder = by ? new AnswerDecoder(by) : null;
  const columns = {
    ...Object.assign({}, ...decoders.map((d, i) => choiceColumns(d.question, `g${i}`))),
    ...(by ? choiceColumns(by, "by") : {}),
    version: sql`${responses.version}`,
    hidden: notAskedFlag(open.question),
    ...Object.fromEntries(open.sources.map((s, i) => [`t${i}`, answerText(s)])),
  };
  const [rows, dictionary] = await Promise.all([groupCounts(db, design, columns), readDictionary(db, catalog.surveyId)]);

  const segmenter = new Segmenter(dictionary.terms);
  const segmented = new Map<string, SegmentedAnswer>();
  const cells = new WeightCells(plan);
  const versions = new VersionTally();
  const groups: AnswerGroup[] = [];
  const gaps = { missing: 0, notAsked: 0 };
  const byGaps = { missing: 0, notAsked: 0 };
  for (const row of rows) {
    const n = Number(row.n);
    versions.add(Number(row.version), n);
    const cell = cells.cellOf(
      decoders.map((d, i) => decodeChoice(d, row, `g${i}`)),
      n,
      true,
    );
    if (cell === null) continue;
    const texts = open.sources.map((_, i) => (typeof row[`t${i}`] === "string" ? (row[`t${i}`] as string).trim() : "")).filter((t) => t.length > 0);
    if (texts.length === 0) {
      gaps[row.hidden === true ? "notAsked" : "missing"] += n;
      continue;
    }
    let group: number | null = null;
    if (byDecoder) {
      const answer = decodeChoice(byDecoder, row, "by");
      if (answer.status !== "answered") {
        byGaps[answer.status] += n;
        continue;
      }
      group = answer.categories[0];
    }
    const text = texts.join(SOURCE_JOIN);
    let words = segmented.get(text);
    if (!words) {
      words = segmenter.segment(text);
      segmented.set(text, words);
    }
    groups.push({ text, segmented: words, cell, group, n });
  }

  const calibration = compute(phrase("computations.weighting"), () => cells.calibrate());
  const weightOf = (cell: number) => (calibration ? calibration.cells[cell].weight : 1);
  const groupCount = byDecoder?.categories.length ?? 0;
  const answersOf = (pick: (s: SegmentedAnswer) => string[]): TermAnswers[] =>
    groups.map((a) => ({ terms: pick(a.segmented), n: a.n, weight: a.n * weightOf(a.cell), group: a.group }));
  const words = compute(phrase("text.keywordTable"), () =>
    termRespondents(
      answersOf((s) => s.words),
      groupCount,
    ),
  );
  const phrases = compute(phrase("text.keywordTable"), () =>
    termRespondents(
      answersOf((s) => s.phrases),
      groupCount,
    ),
  );
  const topWords = words.terms.slice(0, request.top);
  const topPhrases = phrases.terms.slice(0, request.top);

  const display = request.lang === "zh-Hant" ? chineseConverter("to-traditional", "tw") : (w: string) => w;
  const weighted = calibration !== null;
  const share = (t: TermCount) => (weighted ? (words.weighted > 0 ? t.weighted / words.weighted : 0) : words.respondents > 0 ? t.respondents / words.respondents : 0);
  const examples = exampleAnswers(
    groups,
    [...topWords, ...topPhrases].map((t) => t.term),
    request.examples,
  );
  const entry = (t: TermCount) => ({
    word: t.term,
    display: display(t.term),
    respondents: t.respondents,
    ...(weighted ? { weightedCount: t.weighted } : {}),
    share: share(t),
    examples: examples.get(t.term) ?? [],
  });

  const keyness = byDecoder ? groupKeywords(words, byDecoder, request.top, display) : null;
  return {
    analysis: "text" as const,
    survey: catalog.name,
    lang: request.lang,
    question: { ...describeQuestion(open.question), keys: open.keys },
    by: by ? describeQuestion(by) : null,
    versions: versions.list(),
    filter: design.filters,
    includePartial: design.includePartial,
    weight: describeWeighting(cells, calibration),
    weighted,
    n: words.respondents,
    ...(weighted ? { weightedN: words.weighted } : {}),
    missing: gaps.missing,
    notAsked: gaps.notAsked,
    dictionary: { terms: dictionary.terms.length, stored: dictionary.stored },
    words: topWords.map(entry),
    phrases: topPhrases.map(entry),
    ...(keyness ? { groups: keyness, byMissing: byGaps } : {}),
    base: weighted
      ? say(request.lang, phrase("text.weightedBase", { answered: words.respondents, weighted: words.weighted.toFixed(2) }))
      : say(request.lang, phrase("text.base", { answered: words.respondents, missing: gaps.missing, notAsked: gaps.notAsked })),
    ...(keyness ? { keynessMethod: say(request.lang, phrase("text.keyness")) } : {}),
  };
}

/**
 * Up to `k` example answers per term, as written: the answers most respondents gave first,
 * then in the order SQL returned them.
 */
function exampleAnswers(groups: AnswerGroup[], terms: string[], k: number): Map<string, string[]> {
  const wanted = new Set(terms);
  const out = new Map<string, string[]>();
  if (k === 0) return out;
  const byText = new Map<string, { n: number; answer: SegmentedAnswer }>();
  for (const g of groups) {
    const seen = byText.get(g.text);
    if (seen) seen.n += g.n;
    else byText.set(g.text, { n: g.n, answer: g.segmented });
  }
  const ordered = [...byText].sort((a, b) => b[1].n - a[1].n);
  for (const [text, { answer }] of ordered) {
    for (const term of [...answer.words, ...answer.phrases]) {
      if (!wanted.has(term)) continue;
      const list = out.get(term) ?? [];
      if (list.length < k) {
        list.push(text);
        out.set(term, list);
      }
    }
  }
  return out;
}

/** Each group's over-represented words, most distinctive first, with the table's Holm-adjusted p. */
function groupKeywords(words: ReturnType<typeof termRespondents>, decoder: AnswerDecoder, top: number, display: (w: string) => string) {
  const tests = groupKeyness({ terms: words.terms.map((t) => t.term), counts: words.terms.map((t) => t.byGroup), bases: words.bases });
  return decoder.categories.map((c, g) => ({
    value: c.value,
    label: c.label,
    n: words.bases[g],
    keywords: tests
      .filter((t) => t.group === g && t.over)
      .sort((a, b) => b.g2 - a.g2)
      .slice(0, top)
      .map((t) => ({
        word: t.term,
        display: display(t.term),
        respondents: t.used,
        expected: t.expected,
        share: t.share,
        shareElsewhere: t.shareElsewhere,
        g2: t.g2,
        p: t.p,
        pHolm: t.pHolm,
      })),
  }));
}
