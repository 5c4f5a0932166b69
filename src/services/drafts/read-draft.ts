import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { surveyDrafts, surveys } from "../../db/schema/index.js";
import type { TraditionalStandard } from "../../questionnaire/convert-chinese.js";
import { currentVersion } from "./current-version.js";

/** A survey's draft as the editor loads it. */
export interface Draft {
  name: string;
  /** 0 when nothing is saved yet: `json` is then the current version. */
  revision: number;
  json: Record<string, unknown>;
  /** Text paths OpenCC filled in and no person has confirmed. */
  converted: string[];
  /** The published version the draft started from; null for a new survey with nothing published yet. */
  basedOn: number | null;
  /** The survey's Traditional standard, which the editor's fill from Simplified follows. */
  traditionalStandard: TraditionalStandard;
}

/**
 * The saved draft of a survey, or — when none is saved — its current version as revision 0 (an
 * empty questionnaire when nothing is published either), so the editor always has something to
 * start from.
 */
export async function readDraft(db: Db, survey: { surveyId: number; name: string }): Promise<Draft> {
  const [row] = await db
    .select({ traditionalStandard: surveys.traditionalStandard, draft: surveyDrafts })
    .from(surveys)
    .leftJoin(surveyDrafts, eq(surveyDrafts.surveyId, surveys.id))
    .where(eq(surveys.id, survey.surveyId));
  const base = { name: survey.name, traditionalStandard: row?.traditionalStandard ?? "tw" };
  const saved = row?.draft;
  if (saved) return { ...base, revision: saved.revision, json: saved.json as Record<string, unknown>, converted: saved.converted, basedOn: saved.basedOn };
  const current = await currentVersion(db, survey.surveyId);
  if (!current) return { ...base, revision: 0, json: emptyQuestionnaire(survey.name), converted: [], basedOn: null };
  return { ...base, revision: 0, json: current.json, converted: [], basedOn: current.version };
}

/** One page and no questions: where an empty survey starts. */
export function emptyQuestionnaire(title: unknown): Record<string, unknown> {
  return { title, pages: [{ name: "page1", elements: [] }] };
}
