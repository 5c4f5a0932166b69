import { phrase, say, withWording } from "../../../i18n/phrase.js";
import { postStratify, rake, type Calibration } from "../../../analysis/index.js";
import { AppError, fieldError, type FieldError } from "../../errors.js";
import { AnswerDecoder, type Decoded } from "./answer-decoder.js";
import { matchCategory } from "./design.js";
import type { Language, MarginSpec, WeightSpec } from "./requests.js";
import { findQuestion, type AnalysisQuestion, type SurveyCatalog } from "./analysis-question.js";

/** A checked weighting request: the weighting questions and their population counts by category index. */
export interface WeightPlan {
  kind: "poststratify" | "rake";
  margins: { question: AnalysisQuestion; decoder: AnswerDecoder; field: string; population: Map<number, number> }[];
}

/**
 * Checks a `weight` option against the questionnaire: every weighting question must be
 * a single-choice question and every population category one of its choices.
 * Whether each category with respondents has a count is checked once the cells are known.
 */
export function planWeights(catalog: SurveyCatalog, spec: WeightSpec | undefined, lang: Language): WeightPlan | null {
  if (!spec) return null;
  const kind = spec.poststratify ? "poststratify" : "rake";
  const specs: [MarginSpec, string][] = spec.poststratify ? [[spec.poststratify, "weight.poststratify"]] : spec.rake!.map((m, i) => [m, `weight.rake.${i}`]);
  const errors: FieldError[] = [];
  const margins = specs.map(([margin, field]) => {
    const question = findQuestion(catalog, margin.question, lang, `${field}.question`);
    if (question.kind !== "single") {
      errors.push(fieldError(`${field}.question`, "not_single_choice", phrase("analysis.weightNotSingle", { name: question.name, type: question.type })));
    }
    const population = new Map<number, number>();
    for (const [label, count] of Object.entries(margin.population)) {
      const category = matchCategory(question, label);
      if (!category) {
        const why = phrase("analysis.notAChoiceOf", { value: label, name: question.name, offered: question.categories.map((c) => String(c.value)) });
        // No code here (yet): clients compare this entry as { question, message }.
        errors.push(withWording({ question: `${field}.population.${label}`, message: say("en", why) }, why));
        continue;
      }
      population.set(question.categories.indexOf(category), count);
    }
    return { question, decoder: new AnswerDecoder(question), field, population };
  });
  const names = margins.map((m) => m.question.name);
  names.forEach((name, i) => {
    if (names.indexOf(name) !== i) errors.push(fieldError(`${specs[i][1]}.question`, "repeated_weighting", phrase("analysis.alreadyWeighting", { name })));
  });
  if (errors.length > 0) throw new AppError("unprocessable", phrase("analysis.weightMismatch"), errors);
  return { kind, margins };
}

/** The decoders of the weighting questions, whose answers put each row in its weighting cell. */
export function weightDecoders(plan: WeightPlan | null): AnswerDecoder[] {
  return plan ? plan.margins.map((m) => m.decoder) : [];
}

/**
 * Collects weighting cells from grouped rows. A row whose weighting answer is missing
 * or not asked cannot be weighted: it leaves the design and is counted in `excluded`.
 */
export class WeightCells {
  readonly cells: { key: number[]; n: number }[] = [];
  readonly excluded = { rows: 0, byQuestion: {} as Record<string, { missing: number; notAsked: number }> };
  private readonly index = new Map<string, number>();

  constructor(readonly plan: WeightPlan | null) {
    for (const m of plan?.margins ?? []) this.excluded.byQuestion[m.question.name] = { missing: 0, notAsked: 0 };
  }

  /**
   * The cell of a row group (its weighting answers first in `answers`), or null when the
   * row cannot be weighted. `n` is added to the cell's size when `count` is true.
   */
  cellOf(answers: Decoded[], n: number, count: boolean): number | null {
    if (!this.plan) return this.cell([], n, count);
    const key: number[] = [];
    let excluded = false;
    this.plan.margins.forEach((m, i) => {
      const answer = answers[i];
      if (answer.status === "answered") key.push(answer.categories[0]);
      else {
        excluded = true;
        if (count) this.excluded.byQuestion[m.question.name][answer.status] += n;
      }
    });
    if (excluded) {
      if (count) this.excluded.rows += n;
      return null;
    }
    return this.cell(key, n, count);
  }

  private cell(key: number[], n: number, count: boolean): number {
    const id = key.join(",");
    let g = this.index.get(id);
    if (g === undefined) {
      g = this.cells.length;
      this.cells.push({ key, n: 0 });
      this.index.set(id, g);
    }
    if (count) this.cells[g].n += n;
    return g;
  }

  /** The design size: rows in some weighting cell. */
  get size(): number {
    return this.cells.reduce((s, c) => s + c.n, 0);
  }

  /** Post-stratification or raking weights for the cells, after checking every population count. */
  calibrate(): Calibration | null {
    const plan = this.plan;
    if (!plan) return null;
    const errors: FieldError[] = [];
    plan.margins.forEach((m, i) => {
      const sampled = new Map<number, number>();
      for (const c of this.cells) sampled.set(c.key[i], (sampled.get(c.key[i]) ?? 0) + c.n);
      const label = (k: number) => String(m.decoder.categories[k].value);
      for (const [k, n] of sampled) {
        if (n === 0) continue;
        const N = m.population.get(k);
        if (N === undefined) errors.push(fieldError(`${m.field}.population`, "no_population", phrase("analysis.noPopulation", { label: label(k), n })));
        else if (N === 0) errors.push(fieldError(`${m.field}.population.${label(k)}`, "zero_population", phrase("analysis.populationZero", { label: label(k), n })));
      }
      for (const [k, N] of m.population) {
        if (N > 0 && !(sampled.get(k) ?? 0)) {
          errors.push(fieldError(`${m.field}.population.${label(k)}`, "unused_population", phrase("analysis.populationUnused", { label: label(k), population: N })));
        }
      }
    });
    if (this.cells.length === 0) errors.push(fieldError("weight", "no_weighting_answers", phrase("analysis.noWeightAnswers")));
    if (errors.length > 0) throw new AppError("unprocessable", phrase("analysis.populationMismatch"), errors);
    const cells = this.cells.map((c) => ({ key: c.key.map((k, i) => String(plan.margins[i].decoder.categories[k].value)), n: c.n }));
    // fromEntries keeps a category valued "__proto__" as an own key, where assigning into {} would not.
    const populations = plan.margins.map((m) => Object.fromEntries([...m.population].map(([k, N]) => [String(m.decoder.categories[k].value), N])));
    return plan.kind === "poststratify" ? postStratify(cells, populations[0]) : rake(cells, populations);
  }
}

/** What a result says about its weighting. */
export function describeWeighting(cells: WeightCells, calibration: Calibration | null) {
  const plan = cells.plan;
  if (!plan || !calibration) return null;
  return {
    kind: plan.kind,
    questions: plan.margins.map((m) => m.question.name),
    population: plan.margins.map((m) => Object.fromEntries([...m.population].map(([k, N]) => [String(m.decoder.categories[k].value), N]))),
    // In category order, whatever order SQL returned the cells in.
    cells: calibration.cells
      .map((c, g) => ({ order: cells.cells[g].key, cell: { key: c.key, n: c.n, weight: c.weight } }))
      .sort((a, b) => compareKeys(a.order, b.order))
      .map((c) => c.cell),
    ...(calibration.kind === "rake" ? { iterations: calibration.iterations, converged: calibration.converged } : {}),
    excluded: cells.excluded,
  };
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}
