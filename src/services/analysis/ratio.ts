import { phrase, say } from "../../../i18n/phrase.js";
import { sql, type SQL } from "drizzle-orm";
import { calibratedRatioOfTotals, ratioOfTotals, type CellRatioAggregates } from "../../../analysis/index.js";
import type { Db } from "../../db/client.js";
import { responses } from "../../db/schema/index.js";
import { AppError, fieldError } from "../../errors.js";
import { AnswerDecoder } from "./answer-decoder.js";
import { aggregate, choiceColumns, decodeChoice } from "./cell-counts.js";
import { buildDesign, notAskedFlag, numericAnswer, type Design } from "./design.js";
import { groupingQuestion } from "./unit.js";
import { compute, requireKind, requireNumeric } from "./guard.js";
import type { RatioQuery } from "./requests.js";
import { describeQuestion, findQuestion, loadCatalog, type AnalysisQuestion } from "./analysis-question.js";
import { VersionTally } from "./version-tally.js";
import { describeWeighting, planWeights, WeightCells, weightDecoders } from "./weights.js";

type Gap = { missing: number; notAsked: number };

/**
 * Ratio of totals Σy / Σx (e.g. party members / staff) over the respondents who gave
 * both numbers, overall and per category of `by`, with the linearization standard error
 * and a normal interval — post-stratified or raked when asked. SQL returns per
 * (group, weighting cell) the count and Σx, Σy, Σx², Σy², Σxy (see `ratioQuery`).
 */
export async function ratioAnalysis(db: Db, surveyName: string, request: RatioQuery) {
  const catalog = await loadCatalog(db, surveyName);
  const numerator = findQuestion(catalog, request.numerator, request.lang, "numerator");
  const denominator = findQuestion(catalog, request.denominator, request.lang, "denominator");
  requireNumeric(numerator, "numerator");
  requireNumeric(denominator, "denominator");
  const by = request.by === undefined ? null : await groupingQuestion(db, catalog, request.by, request.lang, request.scope, "by");
  if (by) requireKind(by, "by", ["single"], phrase("roles.ratioGrouping"));
  const design = buildDesign(catalog, request);
  const plan = planWeights(catalog, request.weight, request.lang);
  const weights = weightDecoders(plan);
  const byDecoder = by ? new AnswerDecoder(by) : null;
  const groupDecoders = byDecoder ? [...weights, byDecoder] : weights;
  const rows = await aggregate(db, ratioQuery(design, groupDecoders, numerator, denominator));

  const cells = new WeightCells(plan);
  const versions = new VersionTally();
  const gaps = { rows: 0, numerator: { missing: 0, notAsked: 0 } as Gap, denominator: { missing: 0, notAsked: 0 } as Gap, by: { missing: 0, notAsked: 0 } as Gap };
  const sums: { group: number | null; cell: number; a: Omit<CellRatioAggregates, "cell"> }[] = [];
  for (const r of rows) {
    const n = Number(r.n);
    versions.add(Number(r.version), n);
    const answers = groupDecoders.map((d, i) => decodeChoice(d, r, `g${i}`));
    const g = cells.cellOf(answers.slice(0, weights.length), n, true);
    if (g === null) continue;
    gaps.numerator.missing += Number(r.y_missing);
    gaps.numerator.notAsked += Number(r.y_hidden);
    gaps.denominator.missing += Number(r.x_missing);
    gaps.denominator.notAsked += Number(r.x_hidden);
    const both = Number(r.both);
    gaps.rows += n - both;
    if (both === 0) continue;
    let group: number | null = null;
    if (byDecoder) {
      const answer = answers[weights.length];
      if (answer.status === "answered") group = answer.categories[0];
      else gaps.by[answer.status] += both;
    }
    sums.push({ group, cell: g, a: { n: both, sumX: Number(r.sx), sumY: Number(r.sy), sumX2: Number(r.sxx), sumY2: Number(r.syy), sumXY: Number(r.sxy) } });
  }

  const designSize = cells.size;
  if (request.populationSize !== undefined && request.populationSize < designSize) {
    throw new AppError("unprocessable", phrase("analysis.populationTooSmall"), [
      fieldError("populationSize", "population_too_small", phrase("analysis.populationTooSmallField", { populationSize: request.populationSize, respondents: designSize })),
    ]);
  }
  const calibration = compute(phrase("computations.weighting"), () => cells.calibrate());
  const categories = byDecoder?.categories ?? [];
  const level = request.ci?.level;
  const groupsOf = (pick: (s: (typeof sums)[number]) => boolean) => sums.filter(pick).map((s) => ({ cell: s.cell, ...s.a }));
  const byGroup = categories.map((c, k) => ({ label: c.label, cells: groupsOf((s) => s.group === k) }));
  const everyone = [{ label: "overall", cells: groupsOf(() => true) }];

  let overall;
  let groups;
  if (!calibration) {
    const plain = (list: { label: string; cells: CellRatioAggregates[] }[]) =>
      ratioOfTotals({
        groups: list.map((l) => ({
          label: l.label,
          n: total(l.cells, "n"),
          sumWX: total(l.cells, "sumX"),
          sumWY: total(l.cells, "sumY"),
          sumW2X2: total(l.cells, "sumX2"),
          sumW2Y2: total(l.cells, "sumY2"),
          sumW2XY: total(l.cells, "sumXY"),
        })),
        designSize,
        populationSize: request.populationSize,
        level,
      }).groups;
    overall = compute(phrase("computations.ratio"), () => plain(everyone)[0]);
    groups = byGroup.length > 0 ? compute(phrase("computations.ratio"), () => plain(byGroup)) : [];
  } else {
    const weighted = (list: typeof byGroup) => calibratedRatioOfTotals({ calibration, groups: list, populationSize: request.populationSize, level }).groups;
    overall = compute(phrase("computations.weightedRatio"), () => weighted(everyone)[0]);
    groups = byGroup.length > 0 ? compute(phrase("computations.weightedRatio"), () => weighted(byGroup)) : [];
  }
  const { label: _overallLabel, ...overallEstimate } = overall;
  return {
    analysis: "ratio" as const,
    survey: catalog.name,
    lang: request.lang,
    numerator: describeQuestion(numerator),
    denominator: describeQuestion(denominator),
    by: by ? describeQuestion(by) : null,
    versions: versions.list(),
    filter: design.filters,
    includePartial: design.includePartial,
    weight: describeWeighting(cells, calibration),
    weighted: calibration !== null,
    populationSize: request.populationSize ?? null,
    designSize,
    missing: gaps.rows,
    missingDetail: { numerator: gaps.numerator, denominator: gaps.denominator, ...(by ? { by: gaps.by } : {}) },
    base: say(request.lang, phrase("bases.ratio", { numerator: numerator.name, denominator: denominator.name, answered: designSize - gaps.rows, analysed: designSize })),
    ...overallEstimate,
    groups: groups.map((estimate, k) => ({ ...estimate, value: categories[k].value, label: categories[k].label })),
  };
}

/**
 * Per (weighting cell, group, version): rows, rows with both numbers, Σx, Σy, Σx², Σy²,
 * Σxy over those, and why the others lack a number. x and y are read once per row: the
 * inner GROUP BY takes them as keys (numbers repeat: head counts, ratings), the outer one
 * sums count-weighted — aggregating the row expressions directly would read each jsonb
 * value once per sum.
 */
function ratioQuery(design: Design, groupDecoders: AnswerDecoder[], numerator: AnalysisQuestion, denominator: AnalysisQuestion): SQL {
  const keys: Record<string, SQL> = {
    ...Object.assign({}, ...groupDecoders.map((d, i) => choiceColumns(d.question, `g${i}`))),
    version: sql`${responses.version}`,
  };
  const inner: Record<string, SQL> = { ...keys, y: numericAnswer(numerator), y_h: notAskedFlag(numerator), x: numericAnswer(denominator), x_h: notAskedFlag(denominator) };
  const id = (name: string) => sql.identifier(name);
  const list = (names: string[]) => sql.join(names.map(id), sql`, `);
  const both = sql`x is not null and y is not null`;
  return sql`select ${list(Object.keys(keys))}, sum(n)::int as n,
      coalesce(sum(n) filter (where ${both}), 0)::int as both,
      coalesce(sum(n * x) filter (where ${both}), 0)::float8 as sx,
      coalesce(sum(n * y) filter (where ${both}), 0)::float8 as sy,
      coalesce(sum(n * x * x) filter (where ${both}), 0)::float8 as sxx,
      coalesce(sum(n * y * y) filter (where ${both}), 0)::float8 as syy,
      coalesce(sum(n * x * y) filter (where ${both}), 0)::float8 as sxy,
      coalesce(sum(n) filter (where y is null and not y_h), 0)::int as y_missing,
      coalesce(sum(n) filter (where y is null and y_h), 0)::int as y_hidden,
      coalesce(sum(n) filter (where x is null and not x_h), 0)::int as x_missing,
      coalesce(sum(n) filter (where x is null and x_h), 0)::int as x_hidden
    from (
      select ${list(Object.keys(inner))}, count(*) as n
      from (select ${sql.join(
        Object.entries(inner).map(([name, e]) => sql`${e} as ${id(name)}`),
        sql`, `,
      )} from ${responses} where ${design.where}) as d
      group by ${list(Object.keys(inner))}
    ) as g
    group by ${list(Object.keys(keys))}`;
}

function total(cells: CellRatioAggregates[], field: keyof Omit<CellRatioAggregates, "cell">): number {
  return cells.reduce((s, c) => s + c[field], 0);
}
