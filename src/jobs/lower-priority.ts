import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";

/**
 * How much lower than the server's thread a worker thread runs (a nice value, 0–19): on two
 * cores a report or an import check in a worker must not take CPU time the submissions need.
 */
export const WORKER_NICE = 10;

/**
 * Lowers the CPU priority of the calling thread only (not the process: the event loop keeps its
 * own). Linux gives every thread an id of its own that setpriority(2) takes in place of a pid;
 * /proc/thread-self names it. Elsewhere, or where /proc is absent, nothing happens.
 *
 * @param nice the nice value to set, e.g. {@link WORKER_NICE}
 * @returns the thread's id on Linux once its priority is set, otherwise undefined
 */
export function lowerThreadPriority(nice: number): number | undefined {
  if (process.platform !== "linux") return undefined;
  try {
    // "/proc/<pid>/task/<tid>"
    const tid = Number(readlinkSync("/proc/thread-self").split("/").pop());
    if (!Number.isInteger(tid) || tid <= 0) return undefined;
    setPriority(tid, nice);
    return tid;
  } catch {
    // A container without /proc, or a system that refuses: the job still runs, at normal priority.
    return undefined;
  }
}
