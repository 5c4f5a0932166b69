import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { AppError } from "../errors.js";
import { phrase } from "../../i18n/phrase.js";
import { TrustedProxies } from "../lib/trusted-proxies.js";

/** How many submissions one client address may send per minute, and whether loopback clients count. */
export interface SubmitRateLimit {
  perMinute: number;
  /** Limit loopback clients too (off by default: the CLI, tests and a reverse proxy on the same machine). */
  loopback: boolean;
  /** Entries of the `TRUST_PROXY` setting: peers whose `X-Forwarded-For` names the client (none by default). */
  trustProxy?: readonly string[];
}

/** Buckets kept before idle ones are forgotten: one per client address seen lately. */
const MAX_CLIENTS = 100_000;

interface Bucket {
  tokens: number;
  at: number;
}

function isLoopback(address: string): boolean {
  return address === "::1" || address.startsWith("127.") || address.startsWith("::ffff:127.");
}

/** The client's address as Node's socket saw it; undefined outside a Node server (app.request in tests). */
function clientAddress(c: Context): string | undefined {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } }; server?: { incoming?: { socket?: { remoteAddress?: string } } } } | undefined;
  return (env?.server ?? env)?.incoming?.socket?.remoteAddress;
}

/**
 * A per-client-address limit on submissions: a token bucket of `perMinute` tokens refilled
 * evenly over a minute, so a burst of a whole minute's worth is allowed (an office behind one
 * address submitting together) and then one every 60/perMinute seconds. Over it: 429 with
 * Retry-After. The buckets live in this process: several API processes each count their own,
 * so the effective limit behind a load balancer is perMinute times the number of processes (a
 * guard against floods from one address, not an exact quota). Behind a reverse proxy every
 * socket peer is the proxy: with `trustProxy` naming it, the client is read from
 * `X-Forwarded-For` (see {@link TrustedProxies.clientOf}); a header from any other peer is ignored.
 */
export function submitRateLimit(limit: SubmitRateLimit, now: () => number = Date.now) {
  if (!(limit.perMinute > 0)) throw new Error("submitRateLimit: perMinute must be positive");
  const perMs = limit.perMinute / 60_000;
  const proxies = new TrustedProxies(limit.trustProxy ?? []);
  const buckets = new Map<string, Bucket>();
  const forgetIdle = (at: number) => {
    for (const [address, bucket] of buckets) if (bucket.tokens + (at - bucket.at) * perMs >= limit.perMinute) buckets.delete(address);
  };
  return createMiddleware(async (c, next) => {
    const peer = clientAddress(c);
    const address = peer === undefined ? undefined : proxies.clientOf(peer, c.req.header("x-forwarded-for"));
    if (address === undefined || (!limit.loopback && isLoopback(address))) return next();
    const at = now();
    const bucket = buckets.get(address) ?? { tokens: limit.perMinute, at };
    bucket.tokens = Math.min(limit.perMinute, bucket.tokens + (at - bucket.at) * perMs);
    bucket.at = at;
    if (bucket.tokens < 1) {
      const seconds = Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
      c.header("Retry-After", String(seconds));
      throw new AppError("too_many_requests", phrase("responses.tooManySubmissions", { seconds }));
    }
    bucket.tokens -= 1;
    // Map order is insertion order: re-insert so the most recent client is last.
    buckets.delete(address);
    buckets.set(address, bucket);
    if (buckets.size > MAX_CLIENTS) forgetIdle(at);
    if (buckets.size > MAX_CLIENTS) buckets.delete(buckets.keys().next().value as string);
    await next();
  });
}
