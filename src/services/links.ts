/** Collection links: one per unit of a survey, with the unit recorded on each response that comes through it. */
import { and, count, desc, eq, isNull } from "drizzle-orm";
import { phrase } from "../../i18n/phrase.js";
import type { Db } from "../db/client.js";
import { collectionLinks, responses, surveys } from "../db/schema/index.js";
import { AppError, fieldError } from "../errors.js";
import { type Actor, recordAudit } from "./audit.js";
import { newLinkCode } from "./link-code.js";
import { surveysChanged } from "./survey-changes.js";

export interface LinkInput {
  unit: string;
  label?: string | null;
  /** The unit's administrative level ("区", "街道"). */
  level?: string | null;
  expected?: number | null;
}

export interface Link {
  id: number;
  code: string;
  unit: string;
  label: string | null;
  level: string | null;
  expected: number | null;
  closedAt: Date | null;
  createdAt: Date;
}

const linkColumns = {
  id: collectionLinks.id,
  code: collectionLinks.code,
  unit: collectionLinks.unit,
  label: collectionLinks.label,
  level: collectionLinks.level,
  expected: collectionLinks.expected,
  closedAt: collectionLinks.closedAt,
  createdAt: collectionLinks.createdAt,
};

async function surveyId(db: Db, name: string): Promise<number> {
  const [row] = await db.select({ id: surveys.id }).from(surveys).where(eq(surveys.name, name));
  if (!row) throw new AppError("not_found", phrase("surveys.notFound", { name }));
  return row.id;
}

/** Makes a new open link for a unit of the survey, under a fresh random code; audited, naming `actor`. */
export async function createLink(db: Db, name: string, input: LinkInput, actor: Actor | null = null): Promise<Link> {
  const id = await surveyId(db, name);
  // A clash of 50 random bits is all but impossible; a few tries make it impossible in practice.
  for (let attempt = 0; attempt < 5; attempt++) {
    const [row] = await db
      .insert(collectionLinks)
      .values({ surveyId: id, code: newLinkCode(), unit: input.unit, label: input.label ?? null, level: input.level ?? null, expected: input.expected ?? null })
      .onConflictDoNothing({ target: collectionLinks.code })
      .returning(linkColumns);
    if (row) {
      await recordAudit(db, { actor, survey: id, action: "link.create", details: { code: row.code, unit: row.unit, level: row.level, expected: row.expected } });
      return row;
    }
  }
  throw new AppError("internal", phrase("links.codeExhausted"));
}

/** Every link of the survey, newest first, each with how many responses came through it. */
export async function listLinks(db: Db, name: string): Promise<(Link & { responses: number })[]> {
  const id = await surveyId(db, name);
  const rows = await db
    .select({ ...linkColumns, responses: count(responses.id) })
    .from(collectionLinks)
    .leftJoin(responses, eq(responses.linkId, collectionLinks.id))
    .where(eq(collectionLinks.surveyId, id))
    .groupBy(collectionLinks.id)
    .orderBy(desc(collectionLinks.createdAt), desc(collectionLinks.id));
  return rows.map((row) => ({ ...row, responses: Number(row.responses) }));
}

/** One link of the survey by its code, or a 404. */
export async function getLink(db: Db, name: string, code: string): Promise<Link> {
  const id = await surveyId(db, name);
  const [row] = await db
    .select(linkColumns)
    .from(collectionLinks)
    .where(and(eq(collectionLinks.surveyId, id), eq(collectionLinks.code, code)));
  if (!row) throw new AppError("not_found", phrase("links.notFound", { name, code }));
  return row;
}

/**
 * Closes a link (it takes no new answers) or opens it again; closing a closed link keeps its first
 * closing time. A change is audited, naming `actor`.
 */
export async function setLinkClosed(db: Db, name: string, code: string, closed: boolean, actor: Actor | null = null): Promise<Link> {
  const link = await getLink(db, name, code);
  if (closed === (link.closedAt !== null)) return link;
  const changed = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(collectionLinks)
      .set({ closedAt: closed ? new Date() : null })
      .where(eq(collectionLinks.id, link.id))
      .returning({ ...linkColumns, surveyId: collectionLinks.surveyId });
    await recordAudit(tx, { actor, survey: row.surveyId, action: "link.change", details: { code: row.code, unit: row.unit, closed } });
    const { surveyId: _surveyId, ...shown } = row;
    return shown;
  });
  surveysChanged();
  return changed;
}

/** The link of a survey a submission names, open or closed, or a 422 naming `link` (`unknown_link`). */
export async function findLink(db: Pick<Db, "select">, surveyIdValue: number, code: string): Promise<Link> {
  const [row] = await db
    .select(linkColumns)
    .from(collectionLinks)
    .where(and(eq(collectionLinks.surveyId, surveyIdValue), eq(collectionLinks.code, code)));
  if (!row) {
    throw new AppError("unprocessable", phrase("links.unknown", { code }), [fieldError("link", "unknown_link", phrase("links.unknownField"))]);
  }
  return row;
}

/** The refusal of a submission through a closed link: a 422 naming `link` (`closed_link`). */
export function closedLinkError(code: string): AppError {
  return new AppError("unprocessable", phrase("links.closed", { code }), [fieldError("link", "closed_link", phrase("links.closedField"))]);
}

/** The open link of a survey a submission names, or a 422 naming `link`: `unknown_link` or `closed_link`. */
export async function findOpenLink(db: Pick<Db, "select">, surveyIdValue: number, code: string): Promise<Link> {
  const row = await findLink(db, surveyIdValue, code);
  if (row.closedAt !== null) throw closedLinkError(code);
  return row;
}

/** The open links of a survey, oldest first: the cards of the printable sheet. */
export async function openLinks(db: Db, name: string): Promise<Link[]> {
  const id = await surveyId(db, name);
  return db
    .select(linkColumns)
    .from(collectionLinks)
    .where(and(eq(collectionLinks.surveyId, id), isNull(collectionLinks.closedAt)))
    .orderBy(collectionLinks.createdAt, collectionLinks.id);
}

/** The address a respondent opens: the survey's page with the link's code. */
export function linkUrl(origin: string, name: string, code: string): string {
  return `${origin.replace(/\/+$/, "")}/s/${encodeURIComponent(name)}?c=${encodeURIComponent(code)}`;
}
