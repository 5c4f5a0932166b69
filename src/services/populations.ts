/** Population frames saved with a survey: named counts of one variable's categories, to weight a sample to. */
import { asc, eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { surveyPopulations } from "../db/schema/index.js";

/** One frame: e.g. { name: "宝鸡市社会组织类型", variable: "org_type", counts: { 社会团体: 793, … } }. */
export interface PopulationFrame {
  name: string;
  variable: string;
  counts: Record<string, number>;
}

/** A survey's frames in the order they were saved. */
export async function listPopulations(db: Db, surveyId: number): Promise<PopulationFrame[]> {
  return db
    .select({ name: surveyPopulations.name, variable: surveyPopulations.variable, counts: surveyPopulations.counts })
    .from(surveyPopulations)
    .where(eq(surveyPopulations.surveyId, surveyId))
    .orderBy(asc(surveyPopulations.position));
}

/**
 * Replaces a survey's frames with `frames` (already checked: names unique) in one transaction,
 * so a reader sees the old list or the new one, never a mix.
 */
export async function replacePopulations(db: Db, surveyId: number, frames: PopulationFrame[]): Promise<PopulationFrame[]> {
  await db.transaction(async (tx) => {
    await tx.delete(surveyPopulations).where(eq(surveyPopulations.surveyId, surveyId));
    if (frames.length > 0) await tx.insert(surveyPopulations).values(frames.map((f, position) => ({ surveyId, ...f, position })));
  });
  return listPopulations(db, surveyId);
}
