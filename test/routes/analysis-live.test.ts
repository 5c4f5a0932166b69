/**
 * Live results through the HTTP API (issue 14, item 3): several streams of one analysis share
 * one computation; a submission makes every stream send the new result after one recomputation;
 * a quiet survey is checked but never recomputed; closed streams leave nothing behind; bad
 * requests get `event: problem`; the POST's role checks hold.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { createUser } from "../../src/services/accounts/users.js";
import { LiveResults, liveKey } from "../../src/services/analysis/live.js";
import { createToken } from "../../src/services/tokens.js";
import small from "../fixtures/small-survey.json" with { type: "json" };
import { testApp } from "../helpers/app.js";
import { openTestDatabase, researcherHeaders } from "../helpers/database.js";

const INTERVAL_MS = 150;
let database: Database;
let live: LiveResults;
let app: ReturnType<typeof testApp>;
let headers: Record<string, string>;

const submit = (level: string) =>
  app.request("/api/surveys/small/responses", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ id: crypto.randomUUID(), data: { level, main_problems: ["经费不足"] } }),
  });

beforeAll(async () => {
  database = await openTestDatabase();
  live = new LiveResults(database.db, INTERVAL_MS);
  app = testApp(database, { live });
  headers = await researcherHeaders(database);
  expect((await app.request("/api/surveys", { method: "POST", headers, body: JSON.stringify({ name: "small", json: small }) })).status).toBe(201);
  for (const level of ["市", "市", "区(县)"]) expect((await submit(level)).status).toBe(201);
});
afterAll(async () => {
  live.close();
  await database.close();
});

interface SseEvent {
  event: string;
  data: any;
}

/** An open stream: its events as they come, and a way to hang up. */
async function open(kind: string, request: unknown, extra: Record<string, string> = headers) {
  const query = typeof request === "string" ? request : encodeURIComponent(JSON.stringify(request));
  const res = await app.request(`/api/surveys/small/analysis/${kind}/live?request=${query}`, { headers: extra });
  if (res.status !== 200 || !res.body) return { status: res.status, res, next: async () => null as SseEvent | null, close: async () => {} };
  expect(res.headers.get("content-type")).toContain("text/event-stream");
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  const next = async (timeoutMs = 5000): Promise<SseEvent | null> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const end = buffer.indexOf("\n\n");
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const lines = block.split("\n").filter((l) => !l.startsWith(":"));
        if (lines.length === 0) continue;
        const event =
          lines
            .find((l) => l.startsWith("event:"))
            ?.slice(6)
            .trim() ?? "message";
        const data = lines
          .filter((l) => l.startsWith("data:"))
          .map((l) => l.slice(5).trimStart())
          .join("\n");
        return { event, data: JSON.parse(data) };
      }
      const left = deadline - Date.now();
      if (left <= 0) return null;
      const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), left))]);
      if (chunk === null) return null;
      if (chunk.done) return null;
      buffer += decoder.decode(chunk.value, { stream: true });
    }
  };
  return { status: res.status, res, next, close: () => reader.cancel() };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("shared live results", () => {
  it("three streams of one analysis share one computation; a submission sends each the new result, computed once", async () => {
    const before = live.computations;
    const a = await open("frequencies", { question: "level" });
    const first = await a.next();
    expect(first?.event).toBe("result");
    expect(first?.data.n).toBe(3);
    // The same request with its keys in another order and its default language spelled out.
    const b = await open("frequencies", { lang: "zh-Hans", question: "level" });
    const c = await open("frequencies", { question: "level", includePartial: false });
    expect((await b.next())?.data.counts).toEqual(first?.data.counts);
    expect((await c.next())?.data.counts).toEqual(first?.data.counts);
    expect(live.computations - before).toBe(1);
    expect(live.streams).toBe(3);

    // The POST's answer is the stream's.
    const post = await app.request("/api/surveys/small/analysis/frequencies", { method: "POST", headers, body: JSON.stringify({ question: "level" }) });
    expect(await post.json()).toEqual(first?.data);

    expect((await submit("街道(乡镇)")).status).toBe(201);
    const updates = await Promise.all([a.next(), b.next(), c.next()]);
    for (const u of updates) {
      expect(u?.event).toBe("result");
      expect(u?.data.n).toBe(4);
    }
    expect(live.computations - before).toBe(2);

    // A quiet survey is looked at, never recomputed.
    const checks = live.checks;
    await sleep(INTERVAL_MS * 5);
    expect(live.checks).toBeGreaterThan(checks);
    expect(live.computations - before).toBe(2);

    await Promise.all([a.close(), b.close(), c.close()]);
    await sleep(50);
    expect(live.streams).toBe(0);
    // With no stream open the survey is no longer watched.
    const after = live.checks;
    await sleep(INTERVAL_MS * 4);
    expect(live.checks).toBe(after);
  });

  it("a burst of submissions costs one computation per interval, not one per response", async () => {
    const s = await open("crosstab", { row: "main_problems", column: "level" });
    expect((await s.next())?.event).toBe("result");
    const before = live.computations;
    await Promise.all(Array.from({ length: 10 }, () => submit("市")));
    let last: SseEvent | null = null;
    for (let e = await s.next(2000); e; e = await s.next(INTERVAL_MS * 4)) last = e;
    expect(last?.data.bases.reduce((x: number, y: number) => x + y, 0)).toBe(14);
    expect(live.computations - before).toBeLessThanOrEqual(3);
    await s.close();
  });

  it("different requests and unit scopes are different keys", () => {
    const base = { survey: "small", kind: "frequencies", request: { question: "level" } };
    expect(liveKey({ ...base, scope: null })).not.toBe(liveKey({ ...base, scope: "朝阳区" }));
    expect(liveKey({ ...base, scope: null })).toBe(liveKey({ ...base, request: { question: "level" }, scope: null }));
    expect(liveKey({ ...base, scope: null })).not.toBe(liveKey({ ...base, kind: "crosstab", scope: null }));
  });
});

describe("problems", () => {
  it("a request that is not JSON: event problem naming `request`, in the caller's language", async () => {
    const s = await open("frequencies", "%7Bnot-json", { ...headers, "accept-language": "en" });
    const e = await s.next();
    expect(e?.event).toBe("problem");
    expect(e?.data).toMatchObject({ status: 422, errors: [{ question: "request", code: "not_json" }] });
    expect(e?.data.detail).toMatch(/not JSON/);
  });

  it("an unknown question: the analysis's own 422 body, in zh-Hans by default", async () => {
    const s = await open("frequencies", { question: "nope" });
    const e = await s.next();
    expect(e?.event).toBe("problem");
    expect(e?.data.status).toBe(422);
    expect(e?.data.errors[0]).toMatchObject({ question: "question", code: "unknown_question" });
    expect(e?.data.detail).toMatch(/[\u4e00-\u9fff]/);
    await s.close();
  });

  it("a body the schema refuses: the field named", async () => {
    const s = await open("crosstab", { row: "level" });
    const e = await s.next();
    expect(e?.event).toBe("problem");
    expect(e?.data.errors.map((x: { question: string }) => x.question)).toContain("column");
  });
});

describe("roles", () => {
  it("signed out 401, a non-member 404, a viewer may watch", async () => {
    expect((await open("frequencies", { question: "level" }, {})).status).toBe(401);
    const strangerUser = await createUser(database.db, { login: "stranger", name: "s", password: "correct horse battery" });
    const stranger = { authorization: `Bearer ${(await createToken(database.db, "s", strangerUser.id)).token}` };
    expect((await open("frequencies", { question: "level" }, stranger)).status).toBe(404);
    const viewerUser = await createUser(database.db, { login: "viewer", name: "v", password: "correct horse battery" });
    const viewer = { authorization: `Bearer ${(await createToken(database.db, "v", viewerUser.id)).token}`, "content-type": "application/json" };
    expect((await app.request("/api/surveys/small/members/viewer", { method: "PUT", headers, body: JSON.stringify({ role: "viewer" }) })).status).toBe(200);
    const s = await open("frequencies", { question: "level" }, viewer);
    expect(s.status).toBe(200);
    expect((await s.next())?.event).toBe("result");
    await s.close();
  });
});
