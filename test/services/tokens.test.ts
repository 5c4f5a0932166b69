import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { tokens } from "../../src/db/schema/index.js";
import { createToken, listTokens, revokeToken, verifyToken } from "../../src/services/tokens.js";
import { openTestDatabase } from "../helpers/database.js";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.close());

it("stores only a hash, verifies the token, and stops accepting it once revoked", async () => {
  const { id, token } = await createToken(database.db, "北京课题组");
  const rows = await database.db.select().from(tokens);
  expect(JSON.stringify(rows)).not.toContain(token);
  expect(await verifyToken(database.db, token)).toBe(true);
  expect(await verifyToken(database.db, `${token}x`)).toBe(false);
  expect(await revokeToken(database.db, id)).toBe("北京课题组");
  expect(await verifyToken(database.db, token)).toBe(false);
  expect(await revokeToken(database.db, id)).toBeUndefined();
  expect((await listTokens(database.db))[0]).toMatchObject({ id, label: "北京课题组" });
});

it("refuses a token without a label", async () => {
  await expect(createToken(database.db, "  ")).rejects.toThrow(/label/);
});
