import { availableParallelism } from "node:os";
import { HeavyGate } from "./heavy-gate.js";
import { Pacer } from "./pace.js";
import { WorkerPool } from "./worker-pool.js";

export { HeavyGate, HeavyJobsBusy } from "./heavy-gate.js";
export { Pacer } from "./pace.js";
export { WorkerPool } from "./worker-pool.js";

/** Where heavy work runs: the bound on how many jobs at once, the worker threads they use, and their pace behind submissions. */
export interface HeavyJobs {
  gate: HeavyGate;
  pool: WorkerPool;
  pacer: Pacer;
}

/**
 * The gate and the pool for `limit` concurrent jobs. Worker threads: as many as jobs, but
 * leaving one core to the event loop (the submissions), and at least one.
 *
 * @param limit heavy jobs at once (HEAVY_JOBS)
 * @param share the part of the time a job may run while submissions arrive (HEAVY_SHARE)
 */
export function createHeavyJobs(limit: number, share = 1): HeavyJobs {
  return { gate: new HeavyGate(limit), pool: new WorkerPool(Math.max(1, Math.min(limit, availableParallelism() - 1))), pacer: new Pacer(share) };
}
