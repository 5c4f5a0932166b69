/**
 * Derived variables stored with their survey: list, define, redefine, delete. Each write
 * checks the definition against the survey's questionnaire and its other variables first,
 * so nothing half-checked is ever stored.
 */
import { and, asc, eq } from "drizzle-orm";
import { phrase } from "../../../i18n/phrase.js";
import type { Db } from "../../db/client.js";
import { derivedVariables } from "../../db/schema/index.js";
import { AppError, fieldError } from "../../errors.js";
import type { Language } from "../analysis/requests.js";
import { loadCatalog } from "../analysis/analysis-question.js";
import { checkVariable } from "./check.js";
import type { VariableBody } from "./definition.js";

/** A survey's variables in the order they were defined. */
export async function listVariables(db: Db, surveyId: number): Promise<VariableBody[]> {
  const rows = await db.select({ definition: derivedVariables.definition }).from(derivedVariables).where(eq(derivedVariables.surveyId, surveyId)).orderBy(asc(derivedVariables.id));
  return rows.map((r) => r.definition as VariableBody);
}

/** Defines a new variable of survey `name` (422 on any problem of the definition). */
export async function createVariable(db: Db, survey: string, body: VariableBody, lang: Language): Promise<VariableBody> {
  const catalog = await loadCatalog(db, survey);
  checkVariable(catalog, body, lang);
  await guardUnique(() => db.insert(derivedVariables).values({ surveyId: catalog.surveyId, name: body.name, definition: body }), body.name);
  return body;
}

/** Replaces variable `variable` (it may be renamed); 404 when the survey has none of that name. */
export async function updateVariable(db: Db, survey: string, variable: string, body: VariableBody, lang: Language): Promise<VariableBody> {
  const catalog = await loadCatalog(db, survey);
  if (!catalog.variables.some((v) => v.name === variable)) throw new AppError("not_found", phrase("variables.notFound", { survey, name: variable }));
  checkVariable(catalog, body, lang, variable);
  await guardUnique(
    () =>
      db
        .update(derivedVariables)
        .set({ name: body.name, definition: body, updatedAt: new Date() })
        .where(and(eq(derivedVariables.surveyId, catalog.surveyId), eq(derivedVariables.name, variable))),
    body.name,
  );
  return body;
}

/** Deletes variable `variable`; 404 when the survey has none of that name. */
export async function deleteVariable(db: Db, survey: string, variable: string): Promise<void> {
  const catalog = await loadCatalog(db, survey);
  const deleted = await db
    .delete(derivedVariables)
    .where(and(eq(derivedVariables.surveyId, catalog.surveyId), eq(derivedVariables.name, variable)))
    .returning({ id: derivedVariables.id });
  if (deleted.length === 0) throw new AppError("not_found", phrase("variables.notFound", { survey, name: variable }));
}

/** Two callers defining the same name at once: the second gets the 422 the check would have given. */
async function guardUnique(write: () => Promise<unknown>, name: string): Promise<void> {
  try {
    await write();
  } catch (error) {
    const code = (error as { code?: string; cause?: { code?: string } }).code ?? (error as { cause?: { code?: string } }).cause?.code;
    if (code !== "23505") throw error;
    throw new AppError("unprocessable", phrase("variables.invalid", { name }), [fieldError("name", "name_taken", phrase("variables.nameTaken", { name }))]);
  }
}
