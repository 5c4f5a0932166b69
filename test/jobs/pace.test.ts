import { describe, expect, it } from "vitest";
import { Pacer } from "../../src/jobs/pace.js";

/** A clock the test moves by hand; sleeping is real, so pauses are measured against real time too. */
function clock() {
  let now = 10_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe("Pacer", () => {
  it("does not pause a job when no submission arrived lately", async () => {
    const time = clock();
    const pacer = new Pacer(0.25, time.now);
    const pace = pacer.start();
    time.advance(300);
    const started = performance.now();
    await pace();
    expect(performance.now() - started).toBeLessThan(50);
  });

  it("pauses three times as long as the job ran, at a share of a quarter, while submissions arrive", async () => {
    const time = clock();
    const pacer = new Pacer(0.25, time.now);
    const pace = pacer.start();
    time.advance(40);
    pacer.noteForeground();
    expect(pacer.busy).toBe(true);
    const started = performance.now();
    await pace();
    const slept = performance.now() - started;
    expect(slept).toBeGreaterThanOrEqual(115);
    expect(slept).toBeLessThan(1000);
  });

  it("counts a submission as arriving for one second only", () => {
    const time = clock();
    const pacer = new Pacer(0.5, time.now);
    pacer.noteForeground();
    time.advance(999);
    expect(pacer.busy).toBe(true);
    time.advance(2);
    expect(pacer.busy).toBe(false);
  });

  it("never pauses at a share of 1, and refuses a share outside (0, 1]", async () => {
    const time = clock();
    const pacer = new Pacer(1, time.now);
    const pace = pacer.start();
    time.advance(5000);
    pacer.noteForeground();
    const started = performance.now();
    await pace();
    expect(performance.now() - started).toBeLessThan(50);
    expect(() => new Pacer(0)).toThrow(/share/);
    expect(() => new Pacer(1.5)).toThrow(/share/);
  });
});
