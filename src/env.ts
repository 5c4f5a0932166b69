import { z } from "zod";
import { parseTrustedProxies } from "./lib/trusted-proxies.js";

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** PostgreSQL only: connections at most in this process's pool, and the longest one statement may run. */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(1000).default(10),
  STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
  DATA_DIR: z.string().default("./data"),
  SURVEYS_DIR: z.string().default("./surveys"),
  PUBLIC_URL: z.string().optional(),
  /** Submissions per minute per client address; 0 turns the limit off. Generous: an office behind one address submits together. */
  SUBMIT_RATE_LIMIT: z.coerce.number().int().min(0).default(600),
  /** Whether loopback clients (the CLI, a reverse proxy on this machine) are limited too. */
  SUBMIT_RATE_LIMIT_LOOPBACK: z
    .enum(["true", "false", "1", "0", ""])
    .default("false")
    .transform((v) => v === "true" || v === "1"),
  /**
   * Server processes sharing the port (and nothing else but the database). Default: one on the
   * embedded database (it belongs to one process), one per core on PostgreSQL.
   */
  WORKERS: z.coerce.number().int().min(1).max(256).optional(),
  /** Reports, imports and exports running at once; beyond it 429 with Retry-After. Two fits a 2-core machine: one core stays with submissions. */
  HEAVY_JOBS: z.coerce.number().int().min(1).default(2),
  /** The part of the time a report or import may run while submissions arrive (src/jobs/pace.ts); 1 never pauses them. */
  HEAVY_SHARE: z.coerce.number().gt(0).max(1).default(0.25),
  /** Reverse proxies whose X-Forwarded-For names the client: `loopback`, addresses, CIDR ranges; none by default. */
  TRUST_PROXY: z
    .string()
    .default("")
    .transform((text, ctx) => {
      const parsed = parseTrustedProxies(text);
      if ("entries" in parsed) return parsed.entries;
      ctx.addIssue({ code: "custom", message: `"${parsed.bad}" is not loopback, an IP address or a CIDR range` });
      return z.NEVER;
    }),
});

export type Env = z.infer<typeof schema>;

/** The one place that reads process.env: everything else receives its settings. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return parsed.data;
}
