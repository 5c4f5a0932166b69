import { availableParallelism } from "node:os";
import { HeavyGate } from "./heavy-gate.js";
import { WorkerPool } from "./worker-pool.js";

export { HeavyGate, HeavyJobsBusy } from "./heavy-gate.js";
export { WorkerPool } from "./worker-pool.js";

/** Where heavy work runs: the bound on how many jobs at once, and the worker threads they use. */
export interface HeavyJobs {
  gate: HeavyGate;
  pool: WorkerPool;
}

/**
 * The gate and the pool for `limit` concurrent jobs. Worker threads: as many as jobs, but
 * leaving one core to the event loop (the submissions), and at least one.
 *
 * @param limit heavy jobs at once (HEAVY_JOBS)
 */
export function createHeavyJobs(limit: number): HeavyJobs {
  return { gate: new HeavyGate(limit), pool: new WorkerPool(Math.max(1, Math.min(limit, availableParallelism() - 1))) };
}
