import { eq } from "drizzle-orm";
import { phrase } from "../../i18n/phrase.js";
import type { Db } from "../db/client.js";
import { surveys } from "../db/schema/index.js";
import { AppError } from "../errors.js";
import type { TraditionalStandard } from "../questionnaire/convert-chinese.js";
import { allows } from "./access/permissions.js";
import { type Caller, findAccess } from "./access/survey-access.js";

/**
 * The Traditional standard of a survey the caller may read (set with PATCH /api/surveys/{name}).
 * @throws {AppError} 404 for a survey the caller may not read, as for one that does not exist
 */
export async function surveyStandard(db: Db, caller: Caller, name: string): Promise<TraditionalStandard> {
  const access = await findAccess(db, caller, name);
  if (!access || !allows(access.role, "read")) throw new AppError("not_found", phrase("surveys.notFound", { name }));
  const [row] = await db.select({ standard: surveys.traditionalStandard }).from(surveys).where(eq(surveys.id, access.surveyId));
  return row?.standard ?? "tw";
}
