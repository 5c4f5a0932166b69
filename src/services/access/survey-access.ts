import { and, eq } from "drizzle-orm";
import { LANGUAGES } from "../../../i18n/language.js";
import { phrase, type Translations } from "../../../i18n/phrase.js";
import { words } from "../../../i18n/words.js";
import type { Db } from "../../db/client.js";
import { surveyMembers, surveys } from "../../db/schema/index.js";
import { AppError } from "../../errors.js";
import { allows, type Permission, type Role } from "./permissions.js";

/** The one who calls, as access needs it: an account (or a legacy token, which reaches every survey). */
export interface Caller {
  /** The account's id, or null for a legacy token. */
  userId: number | null;
  admin: boolean;
}

/** What the caller may reach of one survey. */
export interface SurveyAccess {
  surveyId: number;
  name: string;
  role: Role | "admin";
  /** The only unit whose responses the caller sees, or null for all. */
  unit: string | null;
}

/** A role's name in every language, for the sentences that name it. */
export function roleName(role: Role | "admin"): Translations {
  return Object.fromEntries(LANGUAGES.map((lang) => [lang, words(lang).account.roles[role]])) as unknown as Translations;
}

/**
 * The caller's access to a survey for one permission. An unknown survey and a survey the
 * caller is no member of are the same 404, so survey names do not leak; a member whose
 * role does not allow it gets 403.
 */
export async function surveyAccess(db: Db, caller: Caller, name: string, permission: Permission): Promise<SurveyAccess> {
  const found = await findAccess(db, caller, name);
  if (!found) throw new AppError("not_found", phrase("surveys.notFound", { name }));
  if (!allows(found.role, permission)) throw new AppError("forbidden", phrase("members.roleForbids", { name, role: roleName(found.role) }));
  return found;
}

/** The caller's access to a survey, or undefined when there is no such survey or they are no member. */
export async function findAccess(db: Db, caller: Caller, name: string): Promise<SurveyAccess | undefined> {
  if (caller.admin || caller.userId === null) {
    const [row] = await db.select({ id: surveys.id }).from(surveys).where(eq(surveys.name, name)).limit(1);
    return row ? { surveyId: row.id, name, role: "admin", unit: null } : undefined;
  }
  const [row] = await db
    .select({ id: surveys.id, role: surveyMembers.role, unit: surveyMembers.unit })
    .from(surveys)
    .innerJoin(surveyMembers, and(eq(surveyMembers.surveyId, surveys.id), eq(surveyMembers.userId, caller.userId)))
    .where(eq(surveys.name, name))
    .limit(1);
  return row ? { surveyId: row.id, name, role: row.role, unit: row.unit } : undefined;
}

/** The platform itself (start-up, the command line on its own database): reaches every survey. */
export const PLATFORM: Caller = { userId: null, admin: true };
