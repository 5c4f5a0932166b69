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
const submitFrom = (address: string, target = app, lang = "zh-CN", forwardedFor?: string) =>
  target.request(
    "/api/surveys/small/responses",
    {
      method: "POST",
      headers: { "content-type": "application/json", "accept-language": lang, ...(forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor }) },
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

describe("behind a reverse proxy", () => {
  /** Three submissions taken from `client` through `peer`, then the fourth: its status. */
  const fourthStatus = async (target: ReturnType<typeof testApp>, peer: string, header: (i: number) => string) => {
    for (let i = 0; i < 3; i++) expect((await submitFrom(peer, target, "zh-CN", header(i))).status).toBe(201);
    return (await submitFrom(peer, target, "zh-CN", header(3))).status;
  };

  it("limits each client behind a trusted proxy on this machine, not the proxy as one exempt client", async () => {
    const proxied = testApp(database, { submitLimit: { perMinute: 3, loopback: false, trustProxy: ["loopback"] } });
    expect(await fourthStatus(proxied, "127.0.0.1", () => "203.0.113.20")).toBe(429);
    // Another client through the same proxy has its own bucket.
    expect((await submitFrom("127.0.0.1", proxied, "zh-CN", "203.0.113.21")).status).toBe(201);
    // The proxy's own requests (no header) are still loopback, exempt.
    for (let i = 0; i < 4; i++) expect((await submitFrom("::1", proxied)).status).toBe(201);
  });

  it("takes the right-most untrusted address: what the client wrote left of it changes nothing", async () => {
    const proxied = testApp(database, { submitLimit: { perMinute: 3, loopback: false, trustProxy: ["10.0.0.0/8", "192.0.2.1"] } });
    // The client forges a fresh left-most address each time; the edge proxy 10.1.2.3 appends the
    // real one (203.0.113.30), and 192.0.2.1 forwards to us.
    expect(await fourthStatus(proxied, "192.0.2.1", (i) => `198.18.0.${i}, 203.0.113.30, 10.1.2.3`)).toBe(429);
    expect((await submitFrom("192.0.2.1", proxied, "zh-CN", "203.0.113.31, 10.1.2.3")).status).toBe(201);
    // An IPv4-mapped peer address is the same proxy.
    expect((await submitFrom("::ffff:192.0.2.1", proxied, "zh-CN", "203.0.113.30")).status).toBe(429);
  });

  it("ignores the header from a peer that is not trusted", async () => {
    const proxied = testApp(database, { submitLimit: { perMinute: 3, loopback: false, trustProxy: ["loopback"] } });
    expect(await fourthStatus(proxied, "203.0.113.40", (i) => `198.18.1.${i}`)).toBe(429);
    // Nor does a header naming loopback make an outside client exempt.
    expect((await submitFrom("203.0.113.40", proxied, "zh-CN", "127.0.0.1")).status).toBe(429);
    const untrusting = testApp(database, { submitLimit: { perMinute: 3, loopback: false } });
    expect(await fourthStatus(untrusting, "203.0.113.41", (i) => `198.18.2.${i}`)).toBe(429);
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

  it("trusts no proxy by default; TRUST_PROXY takes loopback, addresses and CIDR ranges, and names a bad entry", () => {
    expect(readEnv({}).TRUST_PROXY).toEqual([]);
    expect(readEnv({ TRUST_PROXY: "loopback, 10.0.0.0/8 2001:db8::/32,192.0.2.1" }).TRUST_PROXY).toEqual(["loopback", "10.0.0.0/8", "2001:db8::/32", "192.0.2.1"]);
    for (const bad of ["10.0.0.0/33", "localhost", "10.0.0.1/8/2", "::1/129"])
      expect(() => readEnv({ TRUST_PROXY: bad })).toThrow(new RegExp(`TRUST_PROXY: "${bad.replaceAll("/", "\\/")}"`));
  });
});
