import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../src/db/client.js";
import { sessions } from "../../../src/db/schema/index.js";
import { createSession, deleteExpiredSessions, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, verifySession } from "../../../src/services/accounts/sessions.js";
import { createUser } from "../../../src/services/accounts/users.js";
import { openTestDatabase } from "../../helpers/database.js";

let database: Database;
let userId: number;

beforeAll(async () => {
  database = await openTestDatabase();
  userId = (await createUser(database.db, { login: "zhangsan", name: "张三", password: "long enough" })).id;
});
afterAll(async () => database.close());

const hour = 60 * 60 * 1000;

describe("sessions", () => {
  it("end after 12 hours without a request", async () => {
    const start = new Date("2026-03-01T08:00:00Z");
    const { secret } = await createSession(database.db, userId, start);
    expect(SESSION_IDLE_MS).toBe(12 * hour);
    expect(await verifySession(database.db, secret, new Date(start.getTime() + 11 * hour))).toMatchObject({ login: "zhangsan" });
    // Seen at 11 h: alive until 23 h.
    expect(await verifySession(database.db, secret, new Date(start.getTime() + 22 * hour))).toBeDefined();
    expect(await verifySession(database.db, secret, new Date(start.getTime() + 35 * hour))).toBeUndefined();
  });

  it("end 7 days after sign-in however active", async () => {
    const start = new Date("2026-03-01T08:00:00Z");
    const { secret, expiresAt } = await createSession(database.db, userId, start);
    expect(expiresAt.getTime() - start.getTime()).toBe(SESSION_ABSOLUTE_MS);
    for (let h = 10; h < 7 * 24; h += 10) expect(await verifySession(database.db, secret, new Date(start.getTime() + h * hour))).toBeDefined();
    expect(await verifySession(database.db, secret, new Date(start.getTime() + 7 * 24 * hour + 1))).toBeUndefined();
  });

  it("are cleared once past either end", async () => {
    await deleteExpiredSessions(database.db, new Date("2026-04-01T00:00:00Z"));
    expect(await database.db.select().from(sessions)).toEqual([]);
  });

  it("refuse secrets of the wrong shape without a query", async () => {
    expect(await verifySession(database.db, "")).toBeUndefined();
    expect(await verifySession(database.db, "x".repeat(500))).toBeUndefined();
  });
});
