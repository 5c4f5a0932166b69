import { desc, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { surveys, surveyVersions } from "../../db/schema/index.js";
import { AppError } from "../../errors.js";
import { isJsonObject, type JsonObject } from "../../validation/json-walk.js";
import { listQuestionElements } from "../../validation/list-questions.js";
import { categoriesOf, localized, type Category } from "./choice-labels.js";
import type { Language } from "./requests.js";

/** Every published version of one survey, newest first. */
export interface SurveyCatalog {
  name: string;
  surveyId: number;
  currentVersion: number;
  versions: { version: number; json: JsonObject }[];
}

/** How a question's answers can be analysed. */
export type QuestionKind = "single" | "multiple" | "numeric" | "other";

/** A question matched by name across the questionnaire's versions. */
export interface AnalysisQuestion {
  name: string;
  /** The data key (valueName || name) in each version that has the question. */
  keys: Map<number, string>;
  /** Published versions without the question: their respondents were never asked it. */
  absentFrom: number[];
  type: string;
  kind: QuestionKind;
  /** Numbers can be summed and averaged (number inputs, ratings, expressions). */
  numeric: boolean;
  title: string;
  /** Newest version's choices in order, then values only older versions offered. */
  categories: Category[];
  /** Index of the "other" item, which also takes values no version offers. */
  otherIndex: number | null;
  /** The most options one respondent can tick (multi-select), when the questionnaire caps it. */
  maxSelected: number | null;
}

/** Every version of a survey, or a 404 naming it. */
export async function loadCatalog(db: Db, name: string): Promise<SurveyCatalog> {
  const rows = await db
    .select({ surveyId: surveys.id, version: surveyVersions.version, json: surveyVersions.json })
    .from(surveys)
    .innerJoin(surveyVersions, eq(surveyVersions.surveyId, surveys.id))
    .where(eq(surveys.name, name))
    .orderBy(desc(surveyVersions.version));
  if (rows.length === 0) throw new AppError("not_found", `There is no survey '${name}'.`);
  return {
    name,
    surveyId: rows[0].surveyId,
    currentVersion: rows[0].version,
    versions: rows.map((r) => ({ version: r.version, json: r.json as JsonObject })),
  };
}

/**
 * A question by name (or data key), pooled over the versions that have it: type and
 * title from the newest such version, categories from all of them. 422 naming the
 * request field when no version has it.
 */
export function findQuestion(catalog: SurveyCatalog, name: string, lang: Language, field: string): AnalysisQuestion {
  const found: { version: number; element: JsonObject; key: string }[] = [];
  for (const { version, json } of catalog.versions) {
    const elements = listQuestionElements(json);
    const hit = elements.find((e) => e.element.name === name) ?? elements.find((e) => e.key === name);
    if (hit) found.push({ version, ...hit });
  }
  if (found.length === 0) {
    throw new AppError("unprocessable", `Survey '${catalog.name}' has no question '${name}' in any version.`, [
      { question: field, message: `'${name}' is not a question of '${catalog.name}'` },
    ]);
  }
  const newest = found[0].element;
  const type = String(newest.type);
  const kind = kindOf(newest);
  const categories: Category[] = [];
  const seen = new Set<string>();
  found.forEach(({ element }, i) => {
    for (const category of categoriesOf(element, lang)) {
      const id = categoryId(category.value);
      if (seen.has(id)) continue;
      seen.add(id);
      categories.push(i === 0 ? category : { ...category, retired: true });
    }
  });
  const other = categories.findIndex((c) => c.value === "other" && found.some((f) => f.element.showOtherItem === true));
  return {
    name: String(newest.name),
    keys: new Map(found.map((f) => [f.version, f.key])),
    absentFrom: catalog.versions.map((v) => v.version).filter((v) => !found.some((f) => f.version === v)),
    type,
    kind,
    numeric: kind === "numeric" || type === "rating" || type === "expression",
    title: localized(newest.title, lang) ?? String(newest.name),
    categories,
    otherIndex: other >= 0 ? other : null,
    maxSelected: typeof newest.maxSelectedChoices === "number" && newest.maxSelectedChoices > 0 ? newest.maxSelectedChoices : null,
  };
}

/** The identity of a category value: 1 and "1" are different answers, as in the stored JSON. */
export function categoryId(value: unknown): string {
  return JSON.stringify(value);
}

/** The metadata a result carries about each question it analyses. */
export function describeQuestion(q: AnalysisQuestion) {
  return { name: q.name, title: q.title, type: q.type, kind: q.kind, versions: [...q.keys.keys()].sort((a, b) => a - b) };
}

function kindOf(element: JsonObject): QuestionKind {
  switch (element.type) {
    case "radiogroup":
    case "dropdown":
    case "boolean":
    case "rating":
      return "single";
    case "checkbox":
    case "tagbox":
      return "multiple";
    case "imagepicker":
      return element.multiSelect === true ? "multiple" : "single";
    case "text":
      return element.inputType === "number" || element.inputType === "range" ? "numeric" : "other";
    default:
      return "other";
  }
}

