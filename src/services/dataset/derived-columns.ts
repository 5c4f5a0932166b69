/**
 * The derived variables of a survey as export columns: each one coded 1…K over its categories
 * (with value labels), −1 when its source question was not asked. The values are computed in
 * SQL by the same expressions the analyses group by (src/services/variables/derived-question.ts),
 * selected beside each batch of responses; nothing here re-implements a rule.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Language } from "../../../i18n/language.js";
import type { Db } from "../../db/client.js";
import { findQuestion, loadCatalog } from "../analysis/analysis-question.js";

/** One derived variable's column: its name, label and categories in the export's language. */
export interface DerivedColumn {
  name: string;
  label: string;
  categories: { value: string | number | boolean; label: string }[];
}

/** The columns, and the SQL that selects their values per response (null without variables). */
export interface DerivedColumns {
  columns: DerivedColumn[];
  /** `json_build_array(text₁, notAsked₁, text₂, notAsked₂, …)` over `responses`. */
  select: SQL | null;
}

/** What one response holds for the derived columns, in their order: the answer text and whether it was not asked. */
export type DerivedValues = (string | boolean | null)[];

/** The survey's derived variables as export columns in `lang`. */
export async function loadDerivedColumns(db: Db, survey: string, lang: Language): Promise<DerivedColumns> {
  const catalog = await loadCatalog(db, survey);
  if (catalog.variables.length === 0) return { columns: [], select: null };
  const questions = catalog.variables.map((v) => findQuestion(catalog, v.name, lang, "variable"));
  const parts = questions.flatMap((q) => [q.expression!.text, sql`coalesce(${q.expression!.notAsked}, false)`]);
  return {
    columns: questions.map((q) => ({ name: q.name, label: q.title, categories: q.categories.map((c) => ({ value: c.value, label: c.label })) })),
    select: sql`json_build_array(${sql.join(parts, sql`, `)})`,
  };
}

/** The code of derived column `i` in a response: 1…K, −1 not asked, null missing. */
export function derivedCode(column: DerivedColumn, values: DerivedValues | undefined, i: number): number | null {
  if (!values) return null;
  const text = values[2 * i];
  if (values[2 * i + 1] === true) return -1;
  if (text === null || text === undefined) return null;
  const k = column.categories.findIndex((c) => String(c.value) === String(text));
  return k >= 0 ? k + 1 : null;
}
