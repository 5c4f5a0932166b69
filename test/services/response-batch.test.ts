/**
 * Submissions that arrive together are stored together (one statement, one commit), and each
 * is still answered as if it had been stored alone: created, repeat, conflict or deleted.
 */
import { count, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { responses } from "../../src/db/schema/index.js";
import { AppError } from "../../src/errors.js";
import { AnswerCheckers } from "../../src/services/answer-checkers.js";
import { insertResponse } from "../../src/services/response-batch.js";
import { deleteResponse, submitResponse } from "../../src/services/responses.js";
import { publishSurvey } from "../../src/services/surveys.js";
import small from "../fixtures/small-survey.json" with { type: "json" };
import { openTestDatabase } from "../helpers/database.js";

let database: Database;
const checkers = new AnswerCheckers();
const answers = (i: number) => ({ level: "市", main_problems: ["经费不足"], suggestions: `建议 ${i}` });

beforeAll(async () => {
  database = await openTestDatabase();
  await publishSurvey(database.db, "batch", small);
}, 60_000);
afterAll(async () => database.close());

async function stored(ids: string[]): Promise<number> {
  let n = 0;
  for (const id of ids) {
    const [row] = await database.db.select({ n: count() }).from(responses).where(eq(responses.id, id));
    n += row.n;
  }
  return n;
}

/** The outcome of a submission, or the code of its refusal. */
async function outcomeOf(promise: Promise<{ outcome: string }>): Promise<string> {
  try {
    return (await promise).outcome;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

describe("submissions arriving together", () => {
  it("are all stored, each answered created", async () => {
    const ids = Array.from({ length: 120 }, () => crypto.randomUUID());
    const outcomes = await Promise.all(ids.map((id, i) => outcomeOf(submitResponse(database.db, checkers, "batch", { id, data: answers(i) }))));
    expect(outcomes).toEqual(ids.map(() => "created"));
    expect(await stored(ids)).toBe(ids.length);
  });

  it("with one id twice: one is created and the other is a repeat (same body) or a conflict (another body)", async () => {
    const same = crypto.randomUUID();
    const other = crypto.randomUUID();
    const outcomes = await Promise.all([
      outcomeOf(submitResponse(database.db, checkers, "batch", { id: same, data: answers(1) })),
      outcomeOf(submitResponse(database.db, checkers, "batch", { id: same, data: answers(1) })),
      outcomeOf(submitResponse(database.db, checkers, "batch", { id: other, data: answers(1) })),
      outcomeOf(submitResponse(database.db, checkers, "batch", { id: other, data: answers(2) })),
    ]);
    expect(outcomes.slice(0, 2).sort()).toEqual(["created", "repeat"]);
    expect(outcomes.slice(2).sort()).toEqual(["conflict", "created"]);
    expect(await stored([same, other])).toBe(2);
  });

  it("with a deleted response's id among them: that one is refused, the others stored", async () => {
    const gone = crypto.randomUUID();
    await submitResponse(database.db, checkers, "batch", { id: gone, data: answers(0) });
    await deleteResponse(database.db, "batch", gone, null);
    const ids = Array.from({ length: 10 }, () => crypto.randomUUID());
    const outcomes = await Promise.all([gone, ...ids].map((id, i) => outcomeOf(submitResponse(database.db, checkers, "batch", { id, data: answers(i) }))));
    expect(outcomes).toEqual(["conflict", ...ids.map(() => "created")]);
    expect(await stored([gone])).toBe(0);
    expect(await stored(ids)).toBe(ids.length);
  });

  it("keep every column: completion time for a complete response, none for a partial one, the link's unit and id", async () => {
    const [version] = await database.db.select({ surveyId: responses.surveyId, version: responses.version }).from(responses).limit(1);
    const done = crypto.randomUUID();
    const partial = crypto.randomUUID();
    const at = new Date("2026-12-02T08:00:00.123Z");
    const base = { surveyId: version.surveyId, version: version.version, data: answers(7), bodyHash: "h", notAsked: ["suggestions"] };
    const outcomes = await Promise.all([
      insertResponse(database.db, { ...base, id: done, complete: true, completedAt: at, unit: "朝阳区" }),
      insertResponse(database.db, { ...base, id: partial, complete: false, completedAt: null }),
    ]);
    expect(outcomes).toEqual(["inserted", "inserted"]);
    const rows = await database.db
      .select()
      .from(responses)
      .where(inArray(responses.id, [done, partial]));
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(done)).toMatchObject({ complete: true, completedAt: at, unit: "朝阳区", linkId: null, notAsked: ["suggestions"], data: answers(7), bodyHash: "h" });
    expect(byId.get(partial)).toMatchObject({ complete: false, completedAt: null, unit: null });
  });

  it("with one row the database refuses: the others are still stored, and that one alone fails", async () => {
    const [version] = await database.db.select({ surveyId: responses.surveyId, version: responses.version }).from(responses).limit(1);
    const row = (id: string, v: number) => ({ id, surveyId: version.surveyId, version: v, data: answers(0), complete: true, bodyHash: "x" });
    const ids = Array.from({ length: 5 }, () => crypto.randomUUID());
    // Version 99 does not exist: the foreign key refuses that row, and only that row.
    const results = await Promise.allSettled([
      ...ids.map((id) => insertResponse(database.db, row(id, version.version))),
      insertResponse(database.db, row(crypto.randomUUID(), 99)),
    ]);
    expect(results.slice(0, 5).map((r) => (r.status === "fulfilled" ? r.value : "rejected"))).toEqual(ids.map(() => "inserted"));
    expect(results[5].status).toBe("rejected");
    expect(await stored(ids)).toBe(ids.length);
  });
});
