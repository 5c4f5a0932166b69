/**
 * Agreement with survey-core, property-based: answer sets a real form produces are accepted
 * whenever the form would let the respondent finish, and whatever survey-core rejects the checker
 * rejects too, on honest, mutated and arbitrary data.
 */
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import fc from "fast-check";
import { Model } from "survey-core";
import kitchenSink from "../fixtures/kitchen-sink.json" with { type: "json" };
import { createAnswerChecker, type CheckResult } from "../../src/validation/answers.js";
import { listQuestions } from "../../src/questionnaire/check.js";
import { chooserFrom, driveForm } from "./drive-form.js";
import { loadedModel, modelRejects, shapeErrors, storedForm } from "./oracle.js";

const SEED = 20240701;
// survey-core drives every generated form: room for a machine running other suites at once.
const PROPERTY_TIMEOUT = 240_000;
// Each run drives or loads survey-core models (tens of ms): shrinking a failure would take
// minutes, and the seed and counterexample are printed anyway.
const RUN = { endOnFailure: true } as const;

// survey-core warns on console when it is handed a value of the wrong shape ("An attempt to
// assign an incorrect value ..."). The reference model gets such values on purpose; the checker
// must never pass one on, so warnings are counted only around checker calls.
let warn: MockInstance<typeof console.warn>;
beforeEach(() => {
  warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
});
afterEach(() => {
  warn.mockRestore();
});

/** Runs the checker and fails if survey-core complained about a value the checker let through. */
function quietly(check: ReturnType<typeof createAnswerChecker>, data: unknown, complete: boolean): CheckResult {
  const before = warn.mock.calls.length;
  const result = check(data, { complete });
  expect(warn.mock.calls.slice(before)).toEqual([]);
  return result;
}

/** Answers a fresh form the way a respondent would; returns its data and whether the form would complete. */
function respond(json: object, g: fc.GeneratorValue): { data: Record<string, unknown>; formValid: boolean } {
  const form = new Model(json);
  driveForm(form, chooserFrom(g));
  return { data: form.data as Record<string, unknown>, formValid: form.validate(true, false) };
}

function withPolicy(policy: string): object {
  return { ...kitchenSink, clearInvisibleValues: policy };
}

/** The claims about one honest answer set; returns whether it was accepted. */
function checkHonest(json: object, check: ReturnType<typeof createAnswerChecker>, data: Record<string, unknown>, formValid: boolean): boolean {
  const complete = quietly(check, data, true);
  // No shape rule fires on what a real form produces, whatever survey-core thinks of the values.
  expect(shapeErrors(complete)).toEqual([]);
  // The checker accepts exactly when the form would let the respondent complete ...
  expect(complete.ok).toBe(formValid);
  // ... and exactly when a fresh survey-core model loaded with the data validates.
  const oracle = loadedModel(json, data);
  expect(oracle.validate(true, false)).toBe(complete.ok);
  const partial = quietly(check, data, false);
  expect(shapeErrors(partial)).toEqual([]);
  if (complete.ok) {
    const beforeCompletion = storedForm(oracle);
    oracle.doComplete();
    // Stored as survey-core stores it on completion: hidden answers cleared, expressions recomputed.
    expect(complete.data).toEqual(storedForm(oracle));
    expect(partial.ok).toBe(true);
    if (partial.ok && (json as { clearInvisibleValues?: string }).clearInvisibleValues !== "onHidden") {
      expect(partial.data).toEqual(beforeCompletion);
    }
  }
  return complete.ok;
}

describe("answers a real form produces (kitchen sink)", () => {
  it(
    "are accepted exactly when the form completes, and stored as survey-core stores them",
    () => {
      const check = createAnswerChecker(kitchenSink);
      const outcomes = { accepted: 0, rejected: 0 };
      fc.assert(
        fc.property(fc.gen(), (g) => {
          const { data, formValid } = respond(kitchenSink, g);
          outcomes[checkHonest(kitchenSink, check, data, formValid) ? "accepted" : "rejected"]++;
        }),
        { ...RUN, seed: SEED, numRuns: 24 },
      );
      // Both branches must be exercised for the property to mean anything.
      expect(outcomes.accepted).toBeGreaterThanOrEqual(6);
      expect(outcomes.rejected).toBeGreaterThanOrEqual(6);
    },
    PROPERTY_TIMEOUT,
  );

  it.each(["onHidden", "none"])(
    "are accepted and stored alike under clearInvisibleValues = %s",
    (policy) => {
      const json = withPolicy(policy);
      const check = createAnswerChecker(json);
      fc.assert(
        fc.property(fc.gen(), (g) => {
          const { data, formValid } = respond(json, g);
          checkHonest(json, check, data, formValid);
        }),
        { ...RUN, seed: SEED + 1, numRuns: 6 },
      );
    },
    PROPERTY_TIMEOUT,
  );
});

describe("mutated and arbitrary answers (kitchen sink)", () => {
  const keys = listQuestions(kitchenSink).map((q) => q.key);
  const honest = fc.sample(
    fc.gen().map((g) => respond(kitchenSink, g).data),
    { seed: SEED + 2, numRuns: 8 },
  );

  const keyArb = fc.oneof(
    fc.constantFrom(...keys),
    fc.constantFrom("__proto__", "constructor", "toString", "q99", "org_name-Comment", "members-Comment", "intro", "banner", "training_hours", "trainings-total"),
    fc.string({ maxLength: 6 }),
  );
  const jsonValue = fc.jsonValue({ maxDepth: 3 });
  const mutation = fc.oneof(
    fc.record({ kind: fc.constant("set" as const), key: keyArb, value: jsonValue }),
    fc.record({ kind: fc.constant("delete" as const), key: keyArb }),
    fc.record({ kind: fc.constant("retype" as const), path: fc.array(fc.nat(), { maxLength: 4 }) }),
    fc.record({ kind: fc.constant("nested" as const), path: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), value: jsonValue }),
  );
  type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

  it(
    "are rejected whenever survey-core rejects them, with one well-formed error per question",
    () => {
      const check = createAnswerChecker(kitchenSink);
      const outcomes = { modelRejected: 0, accepted: 0 };
      fc.assert(
        fc.property(fc.nat({ max: honest.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 3 }), (index, mutations) => {
          const data = structuredClone(honest[index]);
          for (const m of mutations) apply(data, m);
          const result = quietly(check, data, true);
          expectWellFormed(result);
          if (modelRejects(kitchenSink, data)) {
            outcomes.modelRejected++;
            expect(result.ok).toBe(false);
          }
          if (result.ok) outcomes.accepted++;
        }),
        { ...RUN, seed: SEED + 3, numRuns: 60 },
      );
      expect(outcomes.modelRejected).toBeGreaterThan(20);
      expect(outcomes.accepted).toBeGreaterThan(3);
    },
    PROPERTY_TIMEOUT,
  );

  it(
    "never throw on arbitrary input",
    () => {
      const check = createAnswerChecker(kitchenSink);
      const anyData = fc.oneof(
        fc.jsonValue({ maxDepth: 4 }),
        fc.dictionary(keyArb, fc.jsonValue({ maxDepth: 3 })),
        fc.anything({ maxDepth: 3, withBoxedValues: true, withMap: true, withSet: true, withNullPrototype: true, withObjectString: true }),
      );
      fc.assert(
        fc.property(anyData, fc.boolean(), (data, complete) => {
          expectWellFormed(quietly(check, data, complete));
        }),
        { seed: SEED + 4, numRuns: 150 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  /** Applies one mutation in place. Paths index into the value tree, wrapping around at each level. */
  function apply(data: Record<string, unknown>, m: Mutation): void {
    if (m.kind === "set") {
      Object.defineProperty(data, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
    } else if (m.kind === "delete") {
      delete data[m.key];
    } else {
      const [parent, key] = locate(data, m.path);
      if (parent === undefined) return;
      const current = (parent as Record<string, unknown>)[key];
      (parent as Record<string, unknown>)[key] = m.kind === "nested" ? m.value : retype(current);
    }
  }

  function locate(root: unknown, path: number[]): [object | undefined, string] {
    let parent: object | undefined;
    let key = "";
    let node: unknown = root;
    for (const step of path) {
      if (typeof node !== "object" || node === null) break;
      const keys = Object.keys(node);
      if (keys.length === 0) break;
      parent = node;
      key = keys[step % keys.length];
      node = (node as Record<string, unknown>)[key];
    }
    return [parent, key];
  }
});

/** The wrong-but-plausible version of a value: what a sloppy client would send. */
function retype(value: unknown): unknown {
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return Number.isNaN(Number(value)) ? [value] : Number(value);
  if (typeof value === "boolean") return value ? "true" : 0;
  if (Array.isArray(value)) return value.length > 0 ? value[0] : {};
  if (value && typeof value === "object") return Object.values(value);
  return "";
}

function expectWellFormed(result: CheckResult): void {
  if (result.ok) {
    expect(typeof result.data).toBe("object");
    return;
  }
  expect(result.errors.length).toBeGreaterThan(0);
  const questions = result.errors.map((e) => e.question);
  expect(new Set(questions).size).toBe(questions.length);
  for (const e of result.errors) {
    expect(typeof e.question).toBe("string");
    expect(e.code).toMatch(/^[a-z_]+$/);
    expect(e.message.length).toBeGreaterThan(0);
  }
}
