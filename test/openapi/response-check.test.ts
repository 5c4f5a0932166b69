import { createRoute, z } from "@hono/zod-openapi";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "../../src/db/client.js";
import { testApp } from "../helpers/app.js";
import { openTestDatabase } from "../helpers/database.js";

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.close());

describe("response checking", () => {
  it("answers a logged 500 naming the breach when a response does not fit its declaration", async () => {
    const broken = testApp(database);
    broken.openapi(
      createRoute({
        method: "get",
        path: "/api/broken",
        responses: { 200: { description: "x", content: { "application/json": { schema: z.object({ n: z.number() }) } } } },
      }),
      (c) => c.json({ n: "not a number" } as unknown as { n: number }, 200),
    );
    const logged: unknown[][] = [];
    const spy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void logged.push(args));
    try {
      const res = await broken.request("/api/broken");
      expect(res.status).toBe(500);
      const id = res.headers.get("x-request-id")!;
      expect(((await res.json()) as { requestId: string }).requestId).toBe(id);
      expect(logged).toHaveLength(1);
      expect(String(logged[0][0])).toContain(id);
      expect(String(logged[0][1])).toContain("GET /api/broken answered 200 with a body that does not fit its schema: n:");
    } finally {
      spy.mockRestore();
    }
  });
});
