import { phrase, say } from "../../../i18n/phrase.js";
import { frequencies, weightedFrequencies } from "../../../analysis/index.js";
import type { Db } from "../../db/client.js";
import { countAnswers } from "./cell-counts.js";
import { buildDesign } from "./design.js";
import { compute, requireKind } from "./guard.js";
import type { FrequencyQuery } from "./requests.js";
import { describeQuestion, findQuestion, loadCatalog } from "./analysis-question.js";
import { VersionTally } from "./version-tally.js";
import { describeWeighting, planWeights, WeightCells, weightDecoders } from "./weights.js";

/**
 * Frequency table of a choice question: counts, percent of cases (respondents with an
 * answer) and, for multi-select, percent of responses (ticks), with an interval per
 * category; missing and not-asked respondents counted apart. Weighted by
 * post-stratification or raking when asked, with design-based standard errors.
 * One GROUP BY (weighting cell × answer) in SQL.
 */
export async function frequencyAnalysis(db: Db, surveyName: string, request: FrequencyQuery) {
  const catalog = await loadCatalog(db, surveyName);
  const question = findQuestion(catalog, request.question, request.lang, "question");
  requireKind(question, "question", ["single", "multiple"], phrase("roles.frequencyQuestion"));
  const design = buildDesign(catalog, request);
  const plan = planWeights(catalog, request.weight, request.lang);
  const counted = await countAnswers(db, design, question, weightDecoders(plan));

  const cells = new WeightCells(plan);
  const versions = new VersionTally();
  const tally: { valid: number; missing: number; notAsked: number; ticks: Map<number, number> }[] = [];
  const cellTally = (g: number) => (tally[g] ??= { valid: 0, missing: 0, notAsked: 0, ticks: new Map() });
  const tick = (g: number, k: number, n: number) => cellTally(g).ticks.set(k, (cellTally(g).ticks.get(k) ?? 0) + n);
  for (const row of counted.rows) {
    versions.add(row.version, row.n);
    const g = cells.cellOf(row.group, row.n, true);
    if (g === null) continue;
    const t = cellTally(g);
    if (row.answer.status === "answered") {
      t.valid += row.n;
      for (const k of row.answer.categories) tick(g, k, row.n);
    } else t[row.answer.status] += row.n;
  }
  for (const s of counted.selections ?? []) {
    const g = cells.cellOf(s.group, s.n, false);
    if (g !== null) tick(g, s.option, s.n);
  }

  const categories = counted.decoder.categories;
  const labels = categories.map((c) => c.label);
  const K = categories.length;
  const perCell = cells.cells.map((_, g) => Array.from({ length: K }, (_, k) => cellTally(g).ticks.get(k) ?? 0));
  const sum = (pick: (t: (typeof tally)[number]) => number) => cells.cells.reduce((s, _, g) => s + pick(cellTally(g)), 0);
  const missing = sum((t) => t.missing);
  const notAsked = sum((t) => t.notAsked);
  const multiple = question.kind === "multiple";
  const calibration = compute(phrase("computations.weighting"), () => cells.calibrate());
  const common = {
    analysis: "frequencies" as const,
    survey: catalog.name,
    lang: request.lang,
    question: { ...describeQuestion(question), multiple },
    versions: versions.list(),
    filter: design.filters,
    includePartial: design.includePartial,
    weight: describeWeighting(cells, calibration),
    categories,
    labels,
  };
  if (!calibration) {
    const result = compute(phrase("computations.frequencyTable"), () =>
      frequencies({
        labels,
        counts: K > 0 ? perCell.reduce((acc, row) => acc.map((v, k) => v + row[k]), new Array<number>(K).fill(0)) : [],
        missing,
        notAsked,
        multiple,
        valid: sum((t) => t.valid),
        ci: request.ci,
      }),
    );
    // The library words its base in English; the result speaks the request's language.
    const base = {
      casePercent: say(request.lang, phrase("bases.frequencyCases", { n: result.n, missing, notAsked })),
      responsePercent: say(request.lang, phrase("bases.frequencyResponses", { mentions: result.mentions })),
    };
    return { ...common, ...result, base, weighted: false as const };
  }
  const result = compute(phrase("computations.weightedFrequencyTable"), () =>
    weightedFrequencies({
      calibration,
      labels,
      counts: perCell,
      multiple,
      valid: cells.cells.map((_, g) => cellTally(g).valid),
      populationSize: request.ci?.populationSize,
      level: request.ci?.level,
    }),
  );
  const mentions = result.counts.reduce((s, v) => s + v, 0);
  return {
    ...common,
    ...result,
    kind: multiple ? ("multiple" as const) : ("single" as const),
    missing,
    notAsked,
    mentions,
    weighted: true as const,
    base: {
      casePercent: say(request.lang, phrase("bases.weightedCases", { n: result.n, weightedN: round(result.weightedN), missing, notAsked, excluded: cells.excluded.rows })),
      responsePercent: say(request.lang, phrase("bases.weightedResponses", { mentions })),
    },
  };
}

function round(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(2);
}
