import { and, asc, eq } from "drizzle-orm";
import { phrase } from "../../../i18n/phrase.js";
import type { Db } from "../../db/client.js";
import { surveyMembers, users } from "../../db/schema/index.js";
import { AppError } from "../../errors.js";
import { findUser } from "../accounts/users.js";
import type { Role } from "./permissions.js";
import type { SurveyAccess } from "./survey-access.js";

/** A member of a survey as the workspace shows them. */
export interface Member {
  login: string;
  name: string;
  role: Role;
  unit: string | null;
  addedAt: Date;
}

const shown = { login: users.login, name: users.name, role: surveyMembers.role, unit: surveyMembers.unit, addedAt: surveyMembers.createdAt };

/** A survey's members, owners first, then by login. */
export async function listMembers(db: Db, surveyId: number): Promise<Member[]> {
  const rows = await db
    .select(shown)
    .from(surveyMembers)
    .innerJoin(users, eq(users.id, surveyMembers.userId))
    .where(eq(surveyMembers.surveyId, surveyId))
    .orderBy(asc(users.login));
  const order = { owner: 0, editor: 1, analyst: 2, viewer: 3 };
  return rows.sort((a, b) => order[a.role] - order[b.role]);
}

/** Makes the account who created a survey its owner. */
export async function addOwner(db: Db, surveyId: number, userId: number): Promise<void> {
  await db.insert(surveyMembers).values({ surveyId, userId, role: "owner" }).onConflictDoNothing();
}

/**
 * Gives an account a role on a survey, limited to one unit or not (adds it, or changes
 * its role and unit). A survey keeps at least one owner.
 * @throws {AppError} 404 for an unknown login, 422 for a disabled account, 409 when the last owner would go
 */
export async function putMember(db: Db, survey: SurveyAccess, login: string, change: { role: Role; unit: string | null }): Promise<Member> {
  const user = await findUser(db, login);
  if (!user) throw new AppError("not_found", phrase("accounts.noUser", { login }));
  if (user.disabledAt) throw new AppError("unprocessable", phrase("members.disabledAccount", { login: user.login }));
  return db.transaction(async (tx) => {
    if (change.role !== "owner") await keepAnOwner(tx, survey, user.id);
    const [row] = await tx
      .insert(surveyMembers)
      .values({ surveyId: survey.surveyId, userId: user.id, role: change.role, unit: change.unit })
      .onConflictDoUpdate({ target: [surveyMembers.surveyId, surveyMembers.userId], set: { role: change.role, unit: change.unit } })
      .returning({ role: surveyMembers.role, unit: surveyMembers.unit, addedAt: surveyMembers.createdAt });
    return { login: user.login, name: user.name, ...row };
  });
}

/**
 * Takes an account off a survey.
 * @throws {AppError} 404 when it is no member, 409 when it is the last owner
 */
export async function removeMember(db: Db, survey: SurveyAccess, login: string): Promise<void> {
  const user = await findUser(db, login);
  if (!user) throw new AppError("not_found", phrase("members.notMember", { name: survey.name, login }));
  await db.transaction(async (tx) => {
    await keepAnOwner(tx, survey, user.id);
    const removed = await tx
      .delete(surveyMembers)
      .where(and(eq(surveyMembers.surveyId, survey.surveyId), eq(surveyMembers.userId, user.id)))
      .returning({ userId: surveyMembers.userId });
    if (removed.length === 0) throw new AppError("not_found", phrase("members.notMember", { name: survey.name, login: user.login }));
  });
}

/**
 * Refuses to take the owner role from this account when no other owner would be left (the
 * survey's owner rows are locked, so two owners demoting each other at once cannot both win).
 */
async function keepAnOwner(tx: Db, survey: SurveyAccess, userId: number): Promise<void> {
  const owners = await tx
    .select({ userId: surveyMembers.userId })
    .from(surveyMembers)
    .where(and(eq(surveyMembers.surveyId, survey.surveyId), eq(surveyMembers.role, "owner")))
    .for("update");
  if (owners.some((o) => o.userId === userId) && owners.length === 1) throw new AppError("conflict", phrase("members.lastOwner", { name: survey.name }));
}
