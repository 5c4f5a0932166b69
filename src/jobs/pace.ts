/**
 * Heavy work paced behind submissions. Worker threads at a lower priority do not cover what a
 * report or an import makes PostgreSQL (or the embedded database, in this very thread) do, and on
 * a machine whose cores submissions already keep busy any CPU the heavy work takes is taken from
 * them. So while submissions are arriving, a job pauses between its steps for long enough that it
 * runs at most `share` of the wall-clock time; with nothing else to serve it runs at full speed.
 */

/** Submissions this recent count as "arriving". */
const RECENT_MS = 1000;
/** The longest single pause: a step that took very long is not followed by a very long sleep. */
const MAX_PAUSE_MS = 5000;

export class Pacer {
  private lastForeground = Number.NEGATIVE_INFINITY;

  /**
   * @param share the part of the wall-clock time a job may run while submissions arrive, in (0, 1]; 1 never pauses
   * @param now the clock, in milliseconds
   */
  constructor(
    readonly share: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    if (!(share > 0 && share <= 1)) throw new Error(`Pacer: share must be in (0, 1], got ${share}`);
  }

  /** A submission arrived. */
  noteForeground(): void {
    this.lastForeground = this.now();
  }

  /** Whether a submission arrived within the last second. */
  get busy(): boolean {
    return this.now() - this.lastForeground < RECENT_MS;
  }

  /**
   * The pace of one job: call the function it returns between the job's steps. It lets waiting
   * requests in (always), and while submissions arrive it sleeps (1 − share) / share times as long
   * as the job ran since its previous call.
   */
  start(): () => Promise<void> {
    let since = this.now();
    return async () => {
      const worked = this.now() - since;
      const pause = this.busy && this.share < 1 ? Math.min(MAX_PAUSE_MS, (worked * (1 - this.share)) / this.share) : 0;
      await new Promise((resolve) => (pause >= 1 ? setTimeout(resolve, pause) : setImmediate(resolve)));
      since = this.now();
    };
  }
}
