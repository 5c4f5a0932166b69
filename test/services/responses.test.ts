/**
 * The responses table's reads: filters by unit, state, version and Beijing day, keyset paging,
 * deletion with its tombstone, and the unit scope every read honours.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { deletedResponses, responses } from "../../src/db/schema/index.js";
import { AppError } from "../../src/errors.js";
import { AnswerCheckers } from "../../src/services/answer-checkers.js";
import { createLink } from "../../src/services/links.js";
import { getResponse } from "../../src/services/response-view.js";
import { deleteResponse, listResponses, submitResponse } from "../../src/services/responses.js";
import { publishSurvey } from "../../src/services/surveys.js";
import small from "../fixtures/small-survey.json" with { type: "json" };
import { openTestDatabase } from "../helpers/database.js";

let database: Database;
const checkers = new AnswerCheckers();
const good = { level: "社会组织", staff_count: 12, main_problems: ["经费不足"] };
/** id → [unit, complete, created at] */
const seeded: [string, string | null, boolean, string][] = [];

async function seed(unit: string | null, complete: boolean, at: string, links: Record<string, string>) {
  const id = crypto.randomUUID();
  await submitResponse(database.db, checkers, "table", { id, data: complete ? good : { level: "市" }, complete, ...(unit ? { link: links[unit] } : {}) });
  await database.db
    .update(responses)
    .set({ createdAt: new Date(at) })
    .where(eq(responses.id, id));
  seeded.push([id, unit, complete, at]);
  return id;
}

beforeAll(async () => {
  database = await openTestDatabase();
  await publishSurvey(database.db, "table", small);
  const links: Record<string, string> = {};
  for (const unit of ["朝阳区", "海淀区"]) links[unit] = (await createLink(database.db, "table", { unit })).code;
  // Beijing days: 2024-03-01 runs from 2024-02-29T16:00Z to 2024-03-01T16:00Z.
  await seed("朝阳区", true, "2024-03-01T02:00:00Z", links); // 03-01
  await seed("朝阳区", false, "2024-03-01T10:00:00Z", links); // 03-01
  await seed("朝阳区", true, "2024-03-01T23:30:00Z", links); // 03-02 in Beijing
  await seed("海淀区", true, "2024-03-01T15:59:00Z", links); // 03-01, 23:59 in Beijing
  await seed("海淀区", false, "2024-03-01T16:00:00Z", links); // 03-02, midnight in Beijing
  await seed(null, true, "2024-03-04T01:00:00Z", links); // 03-04
}, 60_000);
afterAll(async () => database.close());

const ids = (page: { items: { id: string }[] }) => page.items.map((i) => i.id);
const expectedIds = (keep: (unit: string | null, complete: boolean, at: string) => boolean) =>
  seeded
    .filter(([, unit, complete, at]) => keep(unit, complete, at))
    .sort((a, b) => b[3].localeCompare(a[3]))
    .map(([id]) => id);

describe("listResponses", () => {
  it("lists newest first", async () => {
    expect(ids(await listResponses(database.db, "table", { limit: 100 }))).toEqual(expectedIds(() => true));
  });

  it("filters by unit, by state and by Beijing day, combined with AND", async () => {
    expect(ids(await listResponses(database.db, "table", { limit: 100, unit: "朝阳区" }))).toEqual(expectedIds((u) => u === "朝阳区"));
    expect(ids(await listResponses(database.db, "table", { limit: 100, complete: false }))).toEqual(expectedIds((_, c) => !c));
    // 2024-03-02 in Beijing: the response at 23:30 UTC on 03-01 and the one at midnight.
    const onSecond = await listResponses(database.db, "table", { limit: 100, fromDay: "2024-03-02", toDay: "2024-03-02" });
    expect(ids(onSecond)).toEqual(expectedIds((_, __, at) => at === "2024-03-01T23:30:00Z" || at === "2024-03-01T16:00:00Z"));
    const both = await listResponses(database.db, "table", { limit: 100, unit: "海淀区", complete: true, fromDay: "2024-03-01", toDay: "2024-03-01" });
    expect(ids(both)).toEqual(expectedIds((u, c, at) => u === "海淀区" && c && at === "2024-03-01T15:59:00Z"));
    expect(ids(await listResponses(database.db, "table", { limit: 100, unit: "西城区" }))).toEqual([]);
  });

  it("pages with the cursor through filtered rows without gaps or repeats", async () => {
    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await listResponses(database.db, "table", { limit: 2, after, fromDay: "2024-03-01" });
      seen.push(...ids(page));
      after = page.next ?? undefined;
      pages++;
    } while (after);
    expect(seen).toEqual(expectedIds(() => true));
    expect(pages).toBe(3);
  });

  it("keeps a unit-scoped caller to that unit, whatever unit the caller asks for", async () => {
    expect(ids(await listResponses(database.db, "table", { limit: 100, scope: "朝阳区" }))).toEqual(expectedIds((u) => u === "朝阳区"));
    expect(ids(await listResponses(database.db, "table", { limit: 100, unit: "海淀区", scope: "朝阳区" }))).toEqual([]);
    expect(ids(await listResponses(database.db, "table", { limit: 100, complete: true, scope: "海淀区" }))).toEqual(expectedIds((u, c) => u === "海淀区" && c));
    expect(ids(await listResponses(database.db, "table", { limit: 100, scope: null }))).toHaveLength(seeded.length);
  });
});

describe("getResponse and deleteResponse under a unit scope", () => {
  it("does not show or delete another unit's response (404), and does within the unit", async () => {
    const [haidian] = expectedIds((u) => u === "海淀区");
    const notFound = { code: "not_found", wording: { key: "responses.notFound", params: { name: "table", id: haidian } } };
    await expect(getResponse(database.db, "table", haidian, "en", "朝阳区")).rejects.toMatchObject(notFound);
    expect((await getResponse(database.db, "table", haidian, "en", "海淀区")).unit).toBe("海淀区");
    await expect(deleteResponse(database.db, "table", haidian, null, "朝阳区")).rejects.toBeInstanceOf(AppError);
    expect(await database.db.select().from(responses).where(eq(responses.id, haidian))).toHaveLength(1);
    await deleteResponse(database.db, "table", haidian, null, "海淀区");
    expect(await database.db.select().from(responses).where(eq(responses.id, haidian))).toHaveLength(0);
    const [tombstone] = await database.db.select().from(deletedResponses).where(eq(deletedResponses.responseId, haidian));
    expect(tombstone).toMatchObject({ responseId: haidian, deletedBy: null });
    expect(tombstone.deletedAt).toBeInstanceOf(Date);
  });
});
