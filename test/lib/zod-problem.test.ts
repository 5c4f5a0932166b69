import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "../../src/errors.js";
import { zodProblem } from "../../src/lib/zod-problem.js";

describe("zodProblem", () => {
  it("names each bad field by its dotted path, and the whole input by its root name", () => {
    const schema = z.strictObject({ analyses: z.array(z.object({ question: z.string() })) });
    const nested = schema.safeParse({ analyses: [{ question: "a" }, { question: 3 }] });
    const error = zodProblem(nested.error!, { code: "unprocessable", detail: "Bad.", root: "(body)" });
    expect(error).toBeInstanceOf(AppError);
    expect(error.status).toBe(422);
    expect(error.detail).toBe("Bad.");
    expect(error.errors).toEqual([{ question: "analyses.1.question", code: "invalid_type", message: expect.stringContaining("string") }]);
    const whole = z.object({}).safeParse(7);
    expect(zodProblem(whole.error!, { code: "bad_request", detail: "x", root: "(definition)" }).errors?.[0].question).toBe("(definition)");
  });
});
