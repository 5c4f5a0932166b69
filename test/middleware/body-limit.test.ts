/**
 * The body cap over real HTTP, where @hono/node-server reads bodies: a body with a
 * Content-Length is judged by the header and then read straight from the socket, a chunked one
 * is counted as it streams; over the cap either way is a 413 in the one error shape, nothing
 * stored; under it the submission is stored as always.
 */
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { RESPONSE_BODY_LIMIT } from "../../src/routes/responses.js";
import { publishSurvey } from "../../src/services/surveys.js";
import small from "../fixtures/small-survey.json" with { type: "json" };
import { startServer, type TestServer } from "../browser/helpers.js";
import { openTestDatabase } from "../helpers/database.js";

let database: Database;
let server: TestServer;

beforeAll(async () => {
  database = await openTestDatabase();
  await publishSurvey(database.db, "small", small);
  server = await startServer(database);
});
afterAll(async () => {
  await server?.close();
  await database?.close();
});

/** Posts `body` in `pieces` writes; `chunked` leaves out Content-Length so Node sends it chunked. */
function post(body: string, chunked: boolean, pieces = 4): Promise<{ status: number; body: { status?: number; type?: string; detail?: string; id?: string } }> {
  const bytes = Buffer.from(body);
  const url = new URL("/api/surveys/small/responses", server.origin);
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: "POST",
      headers: { "content-type": "application/json", "accept-language": "en", ...(chunked ? {} : { "content-length": String(bytes.length) }) },
    });
    req.on("response", (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (text += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    // The server may answer 413 and close before the whole body is written.
    req.on("error", reject);
    const size = Math.ceil(bytes.length / pieces);
    for (let i = 0; i < bytes.length; i += size) req.write(bytes.subarray(i, i + size));
    req.end();
  });
}

async function stored(id: string): Promise<number> {
  const { responses } = await import("../../src/db/schema/index.js");
  const { eq } = await import("drizzle-orm");
  return (await database.db.select({ id: responses.id }).from(responses).where(eq(responses.id, id))).length;
}

const submission = (id: string, suggestions = "多建党员活动阵地") => JSON.stringify({ id, data: { level: "市", main_problems: ["经费不足"], suggestions } });

describe.each([
  ["with a Content-Length", false],
  ["chunked", true],
])("a submission %s", (_, chunked) => {
  it("under the cap is stored", async () => {
    const id = crypto.randomUUID();
    const res = await post(submission(id), chunked);
    expect(res.status).toBe(201);
    expect(res.body.id).toBe(id);
    expect(await stored(id)).toBe(1);
  });

  it("over the cap is a 413 naming the limit, and nothing is stored", async () => {
    const id = crypto.randomUUID();
    const res = await post(submission(id, "x".repeat(RESPONSE_BODY_LIMIT)), chunked).catch((error: NodeJS.ErrnoException) => {
      // A server that answers before the body ends may reset the socket under the client's writes.
      if (error.code === "EPIPE" || error.code === "ECONNRESET") return null;
      throw error;
    });
    if (res) {
      expect(res.status).toBe(413);
      expect(res.body.status).toBe(413);
      expect(res.body.type).toBe("/problems/payload-too-large");
      expect(res.body.detail).toBe(`The request body is larger than the limit of ${RESPONSE_BODY_LIMIT} bytes.`);
    }
    expect(await stored(id)).toBe(0);
  });
});
