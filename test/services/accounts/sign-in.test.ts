import { describe, expect, it } from "vitest";
import { FREE_FAILURES, waitAfter } from "../../../src/services/accounts/sign-in.js";

describe("the sign-in throttle", () => {
  it("lets 10 failures through, then waits 30 s, doubling per failure up to 15 minutes", () => {
    expect(FREE_FAILURES).toBe(10);
    expect([0, 9, 10, 11, 12, 14, 15, 100].map(waitAfter)).toEqual([0, 0, 30, 60, 120, 480, 900, 900]);
  });
});
