import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";

/** The longest wait between two tries of one id: a restarted server is found within this. */
const MAX_RETRY_DELAY_MS = 200;

/** What one POST came back as: the status, or "network" when no answer arrived. */
export type Outcome = number | "network";

/**
 * A crowd of respondents: `concurrency` workers, each posting a new unique valid submission
 * as soon as the last one was acknowledged (201/200), and retrying the same id (same body)
 * after anything else, as the respondent page does. Node's fetch keeps connections alive.
 */
export class LoadClient {
  /** Ids the server acknowledged (201 or 200): each must be stored exactly once. */
  readonly acknowledged = new Set<string>();
  /** How many answers of each kind arrived, e.g. { 201: 900, 503: 12, network: 30 }. */
  readonly outcomes = new Map<Outcome, number>();
  /** Bodies of the 5xx answers, kept to check their shape. */
  readonly failures: { status: number; contentType: string | null; retryAfter: string | null; body: string }[] = [];
  private stopping = false;
  private workers: Promise<void>[] = [];

  constructor(
    private readonly url: () => string,
    private readonly body: (id: string, n: number) => unknown,
  ) {}

  /** Starts the workers; they run until `stop()`. */
  start(concurrency: number): void {
    for (let i = 0; i < concurrency; i++) this.workers.push(this.work());
  }

  /** Lets every worker finish the id it holds (retrying until acknowledged or `deadline`), then resolves. */
  async stop(deadline: number): Promise<void> {
    this.stopping = true;
    this.deadline = deadline;
    await Promise.all(this.workers);
  }

  count(outcome: Outcome): number {
    return this.outcomes.get(outcome) ?? 0;
  }

  private deadline = Number.POSITIVE_INFINITY;
  private sent = 0;

  private async work(): Promise<void> {
    while (!this.stopping) {
      const id = randomUUID();
      const body = JSON.stringify(this.body(id, this.sent++));
      // The same id and body until the server says it has it, like a respondent's phone, waiting
      // longer after each failure: while the server restarts, two dozen clients retrying every
      // 20 ms would take the CPU the starting server needs (it shares the machine's two cores).
      for (let failures = 0; !(await this.post(id, body)); failures++) {
        if (Date.now() > this.deadline) throw new Error(`${id} still not acknowledged at the deadline`);
        await sleep(Math.min(MAX_RETRY_DELAY_MS, 20 * 2 ** failures));
      }
    }
  }

  private async post(id: string, body: string): Promise<boolean> {
    let outcome: Outcome;
    try {
      const res = await fetch(this.url(), {
        method: "POST",
        headers: { "content-type": "application/json", "accept-language": "en" },
        body,
        signal: AbortSignal.timeout(5_000),
      });
      outcome = res.status;
      const text = await res.text();
      if (res.status >= 500) {
        this.failures.push({ status: res.status, contentType: res.headers.get("content-type"), retryAfter: res.headers.get("retry-after"), body: text });
      } else if (res.status !== 200 && res.status !== 201) {
        throw new Error(`unexpected ${res.status} for ${id}: ${text}`);
      }
    } catch (err) {
      if ((err as Error).message.startsWith("unexpected")) throw err;
      outcome = "network";
    }
    this.outcomes.set(outcome, (this.outcomes.get(outcome) ?? 0) + 1);
    if (outcome === 200 || outcome === 201) {
      this.acknowledged.add(id);
      return true;
    }
    return false;
  }
}

/** Resolves once `check()` holds; rejects after `ms`, naming `what`. */
export async function waitUntil(check: () => boolean, ms: number, what: string): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`${what}: not within ${ms} ms`);
    await sleep(25);
  }
}
