import { phrase } from "../../i18n/phrase.js";
import { AppError } from "../errors.js";

/** A heavy job refused because as many as allowed are running: answer 429 with Retry-After. */
export class HeavyJobsBusy extends AppError {
  constructor(readonly retryAfter: number) {
    super("too_many_requests", phrase("jobs.busy", { seconds: retryAfter }));
  }
}

/**
 * A bound on how many heavy jobs (reports, imports, exports) run at once in this process:
 * beyond it a caller is refused at once, with a time to come back, rather than queued behind
 * work that would starve submissions. The wait advised is how long jobs have lately taken,
 * less what the oldest running one has already run.
 */
export class HeavyGate {
  private readonly running = new Set<number>();
  /** Moving average of job durations in ms; the first jobs assume 5 s. */
  private averageMs = 5000;

  /** @param limit how many jobs at most at once (at least 1) */
  constructor(
    readonly limit: number,
    private readonly now: () => number = Date.now,
  ) {
    if (!(Number.isInteger(limit) && limit >= 1)) throw new Error(`HeavyGate: limit must be a positive integer, got ${limit}`);
  }

  /** Jobs running now. */
  get active(): number {
    return this.running.size;
  }

  /**
   * Takes a place for a job.
   *
   * @returns the function that gives the place back (once; later calls do nothing)
   * @throws {HeavyJobsBusy} when `limit` jobs are running
   */
  enter(): () => void {
    const at = this.now();
    if (this.running.size >= this.limit) {
      const oldest = Math.min(...this.running);
      throw new HeavyJobsBusy(Math.max(1, Math.ceil((this.averageMs - (at - oldest)) / 1000)));
    }
    // Two jobs may start in the same millisecond: keep each start distinct.
    let start = at;
    while (this.running.has(start)) start += 0.001;
    this.running.add(start);
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.running.delete(start);
      this.averageMs = 0.7 * this.averageMs + 0.3 * (this.now() - start);
    };
  }
}
