import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { WORKER_NICE } from "../../src/jobs/lower-priority.js";
import { WorkerPool } from "../../src/jobs/worker-pool.js";

/** A thread's nice value as the kernel reports it: field 19 of /proc/self/task/<tid>/stat. */
function niceOf(tid: number): number {
  const stat = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
  // The thread's name (field 2, in parentheses) may hold spaces: count from after it.
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]);
}

describe.runIf(process.platform === "linux")("the worker threads' CPU priority", () => {
  const pool = new WorkerPool(1);
  afterAll(() => pool.close());

  it("is lowered for the worker thread only, not for the server's thread", async () => {
    const before = niceOf(process.pid);
    const { svg } = await pool.run("renderChart", { spec: { data: { values: [{ a: 1 }] }, mark: "bar", encoding: { x: { field: "a", type: "quantitative" } } } });
    expect(svg).toContain("<svg");
    const [tid] = pool.threadIds();
    expect(tid).toBeGreaterThan(0);
    expect(tid).not.toBe(process.pid);
    // The thread belongs to this process (a task of ours), and runs at the lowered priority.
    expect(niceOf(tid)).toBe(WORKER_NICE);
    expect(niceOf(process.pid)).toBe(before);
    expect(before).toBeLessThan(WORKER_NICE);
  }, 60_000);
});
