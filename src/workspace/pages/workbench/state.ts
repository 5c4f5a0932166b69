/**
 * The workbench's state — what is analysed, filtered and weighted — and its two forms: the
 * page's query string (so an analysis can be bookmarked and sent) and the body of the analysis
 * call. Pure: no DOM, no fetch.
 */

export const KINDS = ["frequencies", "crosstab", "ratio", "numeric"] as const;
export type AnalysisKind = (typeof KINDS)[number];

export const CI_METHODS = ["wilson", "clopper-pearson", "agresti-coull"] as const;
export type CiMethod = (typeof CI_METHODS)[number];

/** The chart kinds each analysis can be drawn as (the server's CHARTS_OF; the first is its default). */
export const CHARTS_OF = {
  frequencies: ["bars"],
  crosstab: ["bars", "stacked", "heatmap"],
  ratio: ["dots"],
  numeric: ["histogram", "boxplot"],
} as const;
export type ChartKind = (typeof CHARTS_OF)[AnalysisKind][number];

/** Grouping by the collection unit rather than by a question. */
export const UNIT = "@unit";

export type ChoiceValue = string | number | boolean;

export interface Margin {
  question: string;
  population: Record<string, number>;
}

export interface WorkbenchState {
  kind: AnalysisKind;
  question?: string;
  row?: string;
  column?: string;
  numerator?: string;
  denominator?: string;
  by?: string;
  ci?: CiMethod;
  chart?: ChartKind;
  filters: { question: string; in: ChoiceValue[] }[];
  units: string[];
  weight?: { mode: "poststratify" | "rake"; margins: Margin[] };
}

export const EMPTY_STATE: WorkbenchState = { kind: "frequencies", filters: [], units: [] };

const FIELDS = { question: "q", row: "row", column: "col", numerator: "num", denominator: "den", by: "by" } as const;

function json<T>(text: string | null, fallback: T): T {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** The state a query string describes; what it does not say takes the defaults. */
export function stateFromQuery(search: string): WorkbenchState {
  const q = new URLSearchParams(search);
  const kindText = q.get("kind");
  const kind = (KINDS as readonly string[]).includes(kindText ?? "") ? (kindText as AnalysisKind) : "frequencies";
  const state: WorkbenchState = { kind, filters: json(q.get("filter"), []), units: q.getAll("unit") };
  for (const [field, key] of Object.entries(FIELDS)) {
    const value = q.get(key);
    if (value) state[field as keyof typeof FIELDS] = value;
  }
  const ci = q.get("ci");
  if ((CI_METHODS as readonly string[]).includes(ci ?? "")) state.ci = ci as CiMethod;
  const chart = q.get("chart");
  if ((CHARTS_OF[kind] as readonly string[]).includes(chart ?? "")) state.chart = chart as ChartKind;
  const weight = json<WorkbenchState["weight"] | null>(q.get("weight"), null);
  if (weight && (weight.mode === "poststratify" || weight.mode === "rake") && Array.isArray(weight.margins)) state.weight = weight;
  if (!Array.isArray(state.filters)) state.filters = [];
  return state;
}

/** The query string of a state (without "?"), leaving out what is empty. */
export function queryOf(state: WorkbenchState): string {
  const q = new URLSearchParams();
  q.set("kind", state.kind);
  for (const [field, key] of Object.entries(FIELDS)) {
    const value = state[field as keyof typeof FIELDS];
    if (value) q.set(key, value);
  }
  if (state.ci) q.set("ci", state.ci);
  if (state.chart) q.set("chart", state.chart);
  if (state.filters.length > 0) q.set("filter", JSON.stringify(state.filters));
  for (const unit of state.units) q.append("unit", unit);
  if (state.weight && state.weight.margins.length > 0) q.set("weight", JSON.stringify(state.weight));
  return q.toString();
}

/** Whether every question the analysis needs has been chosen. */
export function isComplete(state: WorkbenchState): boolean {
  switch (state.kind) {
    case "frequencies":
    case "numeric":
      return !!state.question;
    case "crosstab":
      return !!state.row && !!state.column;
    case "ratio":
      return !!state.numerator && !!state.denominator;
  }
}

const groupOf = (name: string) => (name === UNIT ? { unit: true as const } : name);

/** The body of the analysis call (format json); the weight only where the analysis takes one. */
export function requestOf(state: WorkbenchState): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const filter: unknown[] = state.filters.filter((f) => f.question && f.in.length > 0);
  if (state.units.length > 0) filter.push({ unit: state.units });
  if (filter.length > 0) body.filter = filter;
  const margins = state.weight?.margins.filter((m) => m.question && Object.keys(m.population).length > 0) ?? [];
  const weight = margins.length === 0 ? undefined : state.weight?.mode === "rake" ? { rake: margins } : { poststratify: margins[0] };
  switch (state.kind) {
    case "frequencies":
      body.question = state.question;
      if (state.ci) body.ci = { method: state.ci };
      break;
    case "crosstab":
      body.row = state.row;
      body.column = groupOf(state.column ?? "");
      break;
    case "ratio":
      body.numerator = state.numerator;
      body.denominator = state.denominator;
      if (state.by) body.by = groupOf(state.by);
      break;
    case "numeric":
      body.question = state.question;
      if (state.by) body.by = groupOf(state.by);
      break;
  }
  if (weight && state.kind !== "numeric") body.weight = weight;
  return body;
}

/** The chart kinds that fit this state (a histogram has no groups; a heat map is of unweighted counts). */
export function chartsFor(state: WorkbenchState): ChartKind[] {
  const kinds = [...CHARTS_OF[state.kind]] as ChartKind[];
  if (state.kind === "numeric") return state.by ? ["boxplot"] : kinds;
  if (state.kind === "crosstab" && state.weight?.margins.length) return kinds.filter((k) => k !== "heatmap");
  return kinds;
}

/** The chart drawn: the chosen one where it fits, else the first that does. */
export function chartOf(state: WorkbenchState): ChartKind {
  const kinds = chartsFor(state);
  return state.chart && kinds.includes(state.chart) ? state.chart : kinds[0];
}
