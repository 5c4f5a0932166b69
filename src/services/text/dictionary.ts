import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { surveyTextDictionaries, users } from "../../db/schema/index.js";
import type { Actor } from "../audit.js";
import { DOMAIN_TERMS } from "./domain-terms.js";
import { normalForm } from "./segmenter.js";

/** A survey's segmentation dictionary as the API shows it. */
export interface TextDictionary {
  terms: string[];
  /** False while the survey uses the shipped domain terms (nothing saved yet). */
  stored: boolean;
  updatedAt: string | null;
  /** The login (or token label) of the last save. */
  updatedBy: string | null;
}

/**
 * The terms a survey's open answers are segmented with: its saved dictionary, or the
 * shipped domain terms while none is saved.
 *
 * @param db the database
 * @param surveyId the survey
 */
export async function readDictionary(db: Db, surveyId: number): Promise<TextDictionary> {
  const [row] = await db
    .select({ terms: surveyTextDictionaries.terms, updatedAt: surveyTextDictionaries.updatedAt, login: users.login, label: surveyTextDictionaries.updatedByLabel })
    .from(surveyTextDictionaries)
    .leftJoin(users, eq(users.id, surveyTextDictionaries.updatedBy))
    .where(eq(surveyTextDictionaries.surveyId, surveyId));
  if (!row) return { terms: [...DOMAIN_TERMS], stored: false, updatedAt: null, updatedBy: null };
  return { terms: row.terms, stored: true, updatedAt: row.updatedAt.toISOString(), updatedBy: row.login ?? row.label };
}

/**
 * Replaces a survey's dictionary. Terms are kept as written (trimmed), in order; a term
 * that is another's repetition in normal form (Traditional for Simplified, case) is kept once.
 *
 * @param db the database
 * @param surveyId the survey
 * @param terms the checked terms
 * @param actor who saves
 */
export async function saveDictionary(db: Db, surveyId: number, terms: readonly string[], actor: Actor): Promise<TextDictionary> {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const raw of terms) {
    const term = raw.trim();
    const key = normalForm(term);
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(term);
  }
  const by = { updatedBy: actor.userId, updatedByLabel: actor.userId === null ? actor.label : null, updatedAt: new Date() };
  await db
    .insert(surveyTextDictionaries)
    .values({ surveyId, terms: kept, ...by })
    .onConflictDoUpdate({ target: surveyTextDictionaries.surveyId, set: { terms: sql`excluded.terms`, ...by } });
  return readDictionary(db, surveyId);
}
