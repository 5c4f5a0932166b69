import type { Db } from "../../db/client.js";
import { parseDefinition } from "../../report/definition.js";
import { type ChartRenderer, type Report, runReport } from "../../report/run.js";
import type { SurveyAccess } from "../access/survey-access.js";
import { readReport } from "./store.js";

/**
 * Computes a stored report for its caller: every analysis and placeholder over the responses
 * the caller may see (their unit scope), as of now. A report without analyses yet is a 422
 * naming `analyses`.
 *
 * @param db the database
 * @param access the caller's access to the survey
 * @param id the report's id
 * @param render draws the charts (the heavy job pool)
 */
export async function runStoredReport(db: Db, access: SurveyAccess, id: number, render: ChartRenderer): Promise<Report> {
  const stored = await readReport(db, access, id);
  const definition = parseDefinition(stored.definition);
  return runReport(db, access.name, definition, { scope: access.unit, render });
}
