/**
 * The unit of a response (the collection link it came through) as analysis sees it: a filter
 * entry `{ unit: [...] }` is a WHERE on `responses.unit`, and `by: { unit: true }` groups by it
 * as if it were a single-choice question whose categories are the survey's units.
 */
import { asc, eq, inArray, isNotNull, sql, type SQL } from "drizzle-orm";
import { words } from "../../../i18n/words.js";
import type { Db } from "../../db/client.js";
import { collectionLinks, responses } from "../../db/schema/index.js";
import { type AnalysisQuestion, findQuestion, type SurveyCatalog } from "./analysis-question.js";
import type { Language } from "./requests.js";

/** The name results give the unit where they name a question. */
export const UNIT_NAME = "unit";

const unitQuestions = new WeakSet<AnalysisQuestion>();

/** True for the stand-in question of {@link unitQuestion}. */
export function isUnitQuestion(q: AnalysisQuestion): boolean {
  return unitQuestions.has(q);
}

/**
 * The unit as a single-choice question: its categories are the units of the survey's links
 * (in the order they were made), then any other unit found on its responses. A response that
 * came through no link has no unit: it counts as missing. A caller limited to one unit (`scope`)
 * sees that unit only, not the names of the others.
 */
export async function unitQuestion(db: Db, catalog: SurveyCatalog, lang: Language, scope?: string | null): Promise<AnalysisQuestion> {
  const [linked, answered] = await Promise.all([
    db
      .select({ unit: collectionLinks.unit })
      .from(collectionLinks)
      .where(eq(collectionLinks.surveyId, catalog.surveyId))
      .orderBy(asc(collectionLinks.createdAt), asc(collectionLinks.id)),
    db
      .selectDistinct({ unit: responses.unit })
      .from(responses)
      .where(sql`${responses.surveyId} = ${catalog.surveyId} and ${isNotNull(responses.unit)}`)
      .orderBy(asc(responses.unit)),
  ]);
  const units = [...new Set([...linked.map((r) => r.unit), ...answered.map((r) => r.unit as string)])].filter((u) => scope == null || u === scope);
  const q: AnalysisQuestion = {
    name: UNIT_NAME,
    keys: new Map(catalog.versions.map((v) => [v, UNIT_NAME])),
    absentFrom: [],
    type: UNIT_NAME,
    kind: "single",
    numeric: false,
    title: words(lang).export.unit,
    categories: units.map((unit) => ({ value: unit, label: unit })),
    otherIndex: null,
    maxSelected: null,
  };
  unitQuestions.add(q);
  return q;
}

/** The unit's columns in a GROUP BY, shaped as `choiceColumns` shapes a question's: its text, and never "not asked". */
export function unitColumns(prefix: string): Record<string, SQL> {
  return { [`${prefix}_v`]: sql`${responses.unit}`, [`${prefix}_h`]: sql`false` };
}

/** The WHERE of a unit filter entry. */
export function unitCondition(units: string[]): SQL {
  return inArray(responses.unit, units);
}

/**
 * What a grouping field (`by`, a cross-tab's `column`) names: a question or derived variable by
 * name, or the collection unit (`{ unit: true }`), read in the caller's language and unit scope.
 */
export function groupingQuestion(
  db: Db,
  catalog: SurveyCatalog,
  named: string | object,
  lang: Language,
  scope: string | null | undefined,
  field: string,
): Promise<AnalysisQuestion> {
  return typeof named === "string" ? Promise.resolve(findQuestion(catalog, named, lang, field)) : unitQuestion(db, catalog, lang, scope);
}
