/**
 * The per-client limit on submissions (issue 11), through the real app with a low limit: a
 * client's burst up to the limit is taken, the next is a 429 with Retry-After in the caller's
 * language, other clients and loopback are not held back, and the bucket refills with time.
 */
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { onError } from "../../src/errors.js";
import type { Database } from "../../src/db/client.js";
import { readEnv } from "../../src/env.js";
import { submitRateLimit } from "../../src/middleware/submit-rate-limit.js";
import { publishSurvey } from "../../src/services/surveys.js";
import small from "../fixtures/small-survey.json" with { type: "json" };
import { testApp } from "../helpers/app.js";
import { openTestDatabase } from "../helpers/database.js";

let database: Database;
let app: ReturnType<typeof testApp>;

beforeAll(async () => {
  database = await openTestDatabase();
  await publishSurvey(database.db, "small", small);
  app = testApp(database, { submitLimit: { perMinute: 3, loopback: false } });
});
afterAll(async () => database?.close());

/** A submission from `address`, as @hono/node-server hands the socket to the app. */
const submitFrom = (address: string, target = app, lang = "zh-CN") =>
  target.request(
    "/api/surveys/small/responses",
    {
      method: "POST",
      headers: { "content-type": "application/json", "accept-language": lang },
      body: JSON.stringify({ id: crypto.randomUUID(), data: { level: "市", main_problems: ["经费不足"] } }),
    },
    { incoming: { socket: { remoteAddress: address } } },
  );

describe("a low limit", () => {
  it("takes a burst up to the limit from one address, then answers 429 with Retry-After", async () => {
    for (let i = 0; i < 3; i++) expect((await submitFrom("203.0.113.7")).status).toBe(201);
    const refused = await submitFrom("203.0.113.7", app, "en");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(refused.headers.get("content-type")).toContain("application/problem+json");
    const body = (await refused.json()) as { detail: string; detailCode: string };
    expect(body).toMatchObject({ detailCode: "responses.tooManySubmissions" });
    expect(body.detail).toMatch(/^Too many submissions from this address; try again in \d+ s\.$/);
    expect(((await (await submitFrom("203.0.113.7")).json()) as { detail: string }).detail).toMatch(/^此地址提交过于频繁/);
  });

  it("does not hold back another address, nor loopback clients", async () => {
    expect((await submitFrom("198.51.100.9")).status).toBe(201);
    for (let i = 0; i < 5; i++) expect((await submitFrom("127.0.0.1")).status).toBe(201);
    expect((await submitFrom("::1")).status).toBe(201);
  });

  it("counts loopback clients too when asked", async () => {
    const strict = testApp(database, { submitLimit: { perMinute: 2, loopback: true } });
    expect((await submitFrom("127.0.0.1", strict)).status).toBe(201);
    expect((await submitFrom("127.0.0.1", strict)).status).toBe(201);
    expect((await submitFrom("127.0.0.1", strict)).status).toBe(429);
  });
});

describe("the bucket", () => {
  it("refills evenly over the minute", async () => {
    let now = 0;
    const tiny = new Hono();
    tiny.onError(onError);
    tiny.use(submitRateLimit({ perMinute: 2, loopback: true }, () => now));
    tiny.post("/", (c) => c.text("ok"));
    const call = () => tiny.request("/", { method: "POST" }, { incoming: { socket: { remoteAddress: "::1" } } });
    expect([(await call()).status, (await call()).status]).toEqual([200, 200]);
    const refused = await call();
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("30");
    now += 30_000;
    expect((await call()).status).toBe(200);
    expect((await call()).status).toBe(429);
  });
});

describe("the setting", () => {
  it("is 600 a minute by default, loopback exempt, and 0 turns it off", () => {
    expect(readEnv({}).SUBMIT_RATE_LIMIT).toBe(600);
    expect(readEnv({}).SUBMIT_RATE_LIMIT_LOOPBACK).toBe(false);
    expect(readEnv({ SUBMIT_RATE_LIMIT: "0" }).SUBMIT_RATE_LIMIT).toBe(0);
    expect(readEnv({ SUBMIT_RATE_LIMIT_LOOPBACK: "true" }).SUBMIT_RATE_LIMIT_LOOPBACK).toBe(true);
  });
});
