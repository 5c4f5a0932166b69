import type { Db } from "../../db/client.js";
import { AnswerDecoder } from "./answer-decoder.js";
import { countAnswers } from "./cell-counts.js";
import type { Design } from "./design.js";
import type { AnalysisQuestion } from "./analysis-question.js";
import { VersionTally } from "./version-tally.js";
import { WeightCells, weightDecoders, type WeightPlan } from "./weights.js";

type Gap = { missing: number; notAsked: number };

/** The aggregates of a (weighted) cross-tab, per weighting cell. */
export interface CrosstabTally {
  cells: WeightCells;
  rowDecoder: AnswerDecoder;
  columnDecoder: AnswerDecoder;
  versions: VersionTally;
  /** Single-choice row: counts[cell][row category][column category]. */
  counts: number[][][];
  /** Multi-select row: selected[cell][option][column category], and respondents who answered per cell and column. */
  selected: number[][][];
  bases: number[][];
  /** Weighted-design rows left out because either answer is absent; per question, why. */
  missing: { rows: number; detail: { row: Gap; column: Gap } };
}

/**
 * Runs the GROUP BY of a cross-tab (weighting cells, column answer, row answer) and
 * sorts the counts into per-cell tables. Rows without a weighting answer leave the
 * design (see `WeightCells`); rows without a row or column answer stay in the design
 * (they count for the weights' variance) but not in the table, and are counted.
 */
export async function tallyCrosstab(db: Db, design: Design, row: AnalysisQuestion, column: AnalysisQuestion, plan: WeightPlan | null): Promise<CrosstabTally> {
  const weights = weightDecoders(plan);
  const W = weights.length;
  const columnDecoder = new AnswerDecoder(column);
  const counted = await countAnswers(db, design, row, [...weights, columnDecoder]);
  const cells = new WeightCells(plan);
  const versions = new VersionTally();
  const missing = { rows: 0, detail: { row: { missing: 0, notAsked: 0 }, column: { missing: 0, notAsked: 0 } } };
  const entries: { g: number; i: number; j: number; n: number }[] = [];
  const baseEntries: { g: number; j: number; n: number }[] = [];
  for (const r of counted.rows) {
    versions.add(r.version, r.n);
    const g = cells.cellOf(r.group.slice(0, W), r.n, true);
    if (g === null) continue;
    const col = r.group[W];
    if (r.answer.status !== "answered") missing.detail.row[r.answer.status] += r.n;
    if (col.status !== "answered") missing.detail.column[col.status] += r.n;
    if (r.answer.status !== "answered" || col.status !== "answered") {
      missing.rows += r.n;
      continue;
    }
    const j = col.categories[0];
    if (row.kind === "multiple") baseEntries.push({ g, j, n: r.n });
    for (const i of r.answer.categories) entries.push({ g, i, j, n: r.n });
  }
  for (const s of counted.selections ?? []) {
    const g = cells.cellOf(s.group.slice(0, W), s.n, false);
    const col = s.group[W];
    if (g !== null && col.status === "answered") entries.push({ g, i: s.option, j: col.categories[0], n: s.n });
  }
  const G = cells.cells.length;
  const R = counted.decoder.categories.length;
  const C = columnDecoder.categories.length;
  const table = () => Array.from({ length: G }, () => Array.from({ length: R }, () => new Array<number>(C).fill(0)));
  const counts = table();
  for (const e of entries) counts[e.g][e.i][e.j] += e.n;
  const bases = Array.from({ length: G }, () => new Array<number>(C).fill(0));
  for (const e of baseEntries) bases[e.g][e.j] += e.n;
  return {
    cells,
    rowDecoder: counted.decoder,
    columnDecoder,
    versions,
    counts: row.kind === "single" ? counts : [],
    selected: row.kind === "multiple" ? counts : [],
    bases,
    missing,
  };
}
