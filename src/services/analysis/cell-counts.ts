import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { queryRows } from "../../db/rows.js";
import { responses } from "../../db/schema/index.js";
import { AnswerDecoder, type Decoded } from "./answer-decoder.js";
import { answerJson, answerText, notAskedFlag, type Design } from "./design.js";
import type { AnalysisQuestion } from "./analysis-question.js";
import { isUnitQuestion, unitColumns } from "./unit.js";

/**
 * Runs one aggregate query. The planner cannot tell how few groups answer expressions
 * make, and would rather sort every row (with its whole jsonb when sums are taken) than
 * hash a handful of groups; JIT compiling costs more than it saves on a one-pass scan.
 * Both settings hold for this query only (SET LOCAL) and every PostgreSQL (and PGlite)
 * knows them.
 */
export async function aggregate(db: Db, query: SQL): Promise<Record<string, unknown>[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_sort = off`);
    await tx.execute(sql`set local jit = off`);
    return queryRows(tx as unknown as Db, query);
  });
}

/**
 * One GROUP BY over the design: `select <columns>, count(*), <aggregates> from (select
 * <expressions> from responses where <design>) d group by <columns>`. Names are the
 * caller's fixed identifiers, never user text; values travel as parameters. Columns
 * listed in `asText` are grouped as they are and turned into text once per group.
 * Plain SQL that PGlite, PostgreSQL and Citus all run.
 */
export async function groupCounts(
  db: Db,
  design: Design,
  columns: Record<string, SQL>,
  options: { inputs?: Record<string, SQL>; aggregates?: Record<string, SQL>; where?: SQL; asText?: string[] } = {},
): Promise<Record<string, unknown>[]> {
  const names = Object.keys(columns);
  const inner = [...Object.entries(columns), ...Object.entries(options.inputs ?? {})].map(([name, expression]) => sql`${expression} as ${sql.identifier(name)}`);
  const outer = [
    ...names.map((name) => (options.asText?.includes(name) ? sql`${sql.identifier(name)}::text as ${sql.identifier(name)}` : sql.identifier(name))),
    sql`count(*)::int as n`,
    ...Object.entries(options.aggregates ?? {}).map(([name, aggregate]) => sql`${aggregate} as ${sql.identifier(name)}`),
  ];
  const where = options.where ? sql`${design.where} and ${options.where}` : design.where;
  const groupBy =
    names.length > 0
      ? sql` group by ${sql.join(
          names.map((n) => sql.identifier(n)),
          sql`, `,
        )}`
      : sql``;
  return aggregate(db, sql`select ${sql.join(outer, sql`, `)} from (select ${sql.join(inner, sql`, `)} from ${responses} where ${where}) as d${groupBy}`);
}

/** The two columns that say how a row answered a single-choice question: its text, and whether it was not asked. */
export function choiceColumns(q: AnalysisQuestion, prefix: string): Record<string, SQL> {
  if (isUnitQuestion(q)) return unitColumns(prefix);
  return { [`${prefix}_v`]: answerText(q), [`${prefix}_h`]: notAskedFlag(q) };
}

/** Decodes the answer of `choiceColumns(q, prefix)` in a result row. */
export function decodeChoice(decoder: AnswerDecoder, row: Record<string, unknown>, prefix: string): Decoded {
  return decoder.decode((row[`${prefix}_v`] as string | null) ?? null, row[`${prefix}_h`] === true);
}

/** Counts of one question's answers within each combination of other questions' answers. */
export interface AnswerCounts {
  decoder: AnswerDecoder;
  /** One entry per (group, version, answer): the group questions' answers and the counted question's. */
  rows: { group: Decoded[]; version: number; answer: Decoded; n: number }[];
  /** Multi-select only: ticks per (group, option); null when the rows' answers already list the options. */
  selections: { group: Decoded[]; option: number; n: number }[] | null;
}

/** More answer patterns than this and a multi-select question is counted option by option. */
const PATTERN_LIMIT = 4096;

/**
 * Counts a choice question's answers by the answers of the single-choice questions of
 * `groupDecoders` (weighting variables, a cross-tab's column…) and by questionnaire version. A single
 * choice groups by its value. A multi-select question groups by its whole answer (the
 * pattern of ticks) when few patterns are possible — one pass, no unnesting — or
 * otherwise by whether it was answered plus a second GROUP BY over the unnested options.
 */
export async function countAnswers(
  db: Db,
  design: Design,
  question: AnalysisQuestion,
  groupDecoders: AnswerDecoder[],
  options: { patternLimit?: number } = {},
): Promise<AnswerCounts> {
  const decoder = new AnswerDecoder(question);
  const group: Record<string, SQL> = Object.assign({}, ...groupDecoders.map((d, i) => choiceColumns(d.question, `g${i}`)));
  const groupOf = (row: Record<string, unknown>) => groupDecoders.map((d, i) => decodeChoice(d, row, `g${i}`));
  const version = sql`${responses.version}`;
  const multiple = question.kind === "multiple";
  if (!multiple || patternBound(question) <= (options.patternLimit ?? PATTERN_LIMIT)) {
    // A multi-select answer is grouped as jsonb and turned into JSON text per group only.
    const answer = multiple ? { a_v: answerJson(question), a_h: notAskedFlag(question) } : choiceColumns(question, "a");
    const rows = await groupCounts(db, design, { ...group, version, ...answer }, { asText: ["a_v"] });
    return {
      decoder,
      rows: rows.map((r) => ({ group: groupOf(r), version: Number(r.version), answer: decodeChoice(decoder, r, "a"), n: Number(r.n) })),
      selections: null,
    };
  }
  const value = answerJson(question);
  const answered = sql`(jsonb_typeof(${value}) = 'array' and jsonb_array_length(${value}) > 0 or jsonb_typeof(${value}) in ('string', 'number', 'boolean'))`;
  const option = sql`jsonb_array_elements(case when jsonb_typeof(${value}) = 'array' then ${value} else jsonb_build_array(${value}) end)`;
  const [statusRows, optionRows] = await Promise.all([
    groupCounts(db, design, { ...group, version, a_v: sql`(case when ${answered} then 'A' end)`, a_h: notAskedFlag(question) }),
    groupCounts(db, design, { ...group, option }, { where: answered, asText: ["option"] }),
  ]);
  return {
    decoder,
    rows: statusRows.map((r) => {
      const hidden = r.a_h === true;
      const answer: Decoded = r.a_v !== null ? { status: "answered", categories: [] } : hidden ? { status: "notAsked" } : { status: "missing" };
      return { group: groupOf(r), version: Number(r.version), answer, n: Number(r.n) };
    }),
    selections: optionRows.map((r) => ({ group: groupOf(r), option: decoder.categoryOf(JSON.parse(r.option as string)), n: Number(r.n) })),
  };
}

/** How many different non-empty answers a multi-select question allows: Σ C(k, m) for m ≤ its cap. */
function patternBound(question: AnalysisQuestion): number {
  const k = question.categories.length + 1;
  const cap = Math.min(question.maxSelected ?? k, k);
  let total = 0;
  let combinations = 1;
  for (let m = 1; m <= cap; m++) {
    combinations = (combinations * (k - m + 1)) / m;
    total += combinations;
    if (total > 1e9) break;
  }
  return total;
}
