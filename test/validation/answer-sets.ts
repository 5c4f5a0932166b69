/**
 * Answer sets of every kind for the differential test of the compiled checker against the model
 * checker: honest ones from driving a real form, mutated ones, and arbitrary JSON, each with
 * `complete` and the reader's language, and the way both checkers are run and compared. The
 * pieces are shared by answer-families.ts (many sets per driven form, for the long runs) and
 * answerSetArb (one driven form per set).
 */
import fc from "fast-check";
import { Model } from "survey-core";
import type { Language } from "../../i18n/language.js";
import type { AnswerChecker, CheckResult } from "../../src/validation/answers.js";
import { runInLanguage } from "../../src/lib/request-language.js";
import { listQuestions } from "../../src/questionnaire/check.js";
import { retype } from "./answer-mutations.js";
import { chooserFrom, driveForm } from "./drive-form.js";

/** One submission to check: the data, whether it completes, and who reads the errors. */
export interface AnswerSet {
  kind: "honest" | "mutated" | "arbitrary";
  data: unknown;
  complete: boolean;
  reader: Language | undefined;
}

/** Answers a fresh form the way a respondent would. */
export function honestAnswers(json: object, g: fc.GeneratorValue): Record<string, unknown> {
  const form = new Model(json);
  driveForm(form, chooserFrom(g));
  return form.data as Record<string, unknown>;
}

/** Keys a client might send: mostly the questionnaire's own, some near misses, some anything. */
export function keyArbFor(json: object): fc.Arbitrary<string> {
  const keys = listQuestions(json).map((q) => q.key);
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...keys) },
    { weight: 1, arbitrary: fc.constantFrom(...keys.map((k) => `${k}-Comment`), "__proto__", "constructor", "toString", "q99") },
    { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  );
}

/** Values of the kinds questions hold, and of the kinds they do not. */
export const valueArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    "",
    "  ",
    "other",
    "none",
    0,
    -1,
    3,
    2.5,
    1e9,
    true,
    false,
    null,
    [],
    {},
    ["other"],
    ["none"],
    "2005-07-01",
    "not-an-email",
    "a@b.cn",
    "13800138000",
    "12345",
  ),
  fc.jsonValue({ maxDepth: 2 }),
);

/** Answer sets no form produced: a dictionary of likely keys and values, or any JSON at all. */
export function arbitraryDataArb(json: object): fc.Arbitrary<unknown> {
  return fc.oneof(fc.dictionary(keyArbFor(json), valueArb, { maxKeys: 12 }), fc.jsonValue({ maxDepth: 3 }));
}

/** The reader of the errors: none (a CLI import reads English), or each language of the catalogue. */
export const readerArb: fc.Arbitrary<Language | undefined> = fc.constantFrom<Language | undefined>(undefined, "en", "zh-Hans", "zh-Hant");

/**
 * Every kind of answer set for one questionnaire, each drawn on its own (a new Model for every
 * honest or mutated one; answer-families.ts draws many for the cost of one).
 */
export function answerSetArb(json: object): fc.Arbitrary<AnswerSet> {
  const keyArb = keyArbFor(json);
  const honest = fc.gen().map((g) => honestAnswers(json, g));
  const mutation = fc.oneof(
    fc.record({ kind: fc.constant("set" as const), key: keyArb, value: valueArb }),
    fc.record({ kind: fc.constant("delete" as const), key: keyArb }),
    fc.record({ kind: fc.constant("retype" as const), key: keyArb }),
  );
  const mutated = fc.tuple(honest, fc.array(mutation, { minLength: 1, maxLength: 4 })).map(([data, mutations]) => {
    for (const m of mutations) {
      if (m.kind === "set") Object.defineProperty(data, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
      else if (m.kind === "delete") delete data[m.key];
      else if (Object.hasOwn(data, m.key)) data[m.key] = retype(data[m.key]);
    }
    return data;
  });
  const data = fc.oneof(
    { weight: 3, arbitrary: honest.map((d) => ({ kind: "honest" as const, data: d })) },
    { weight: 4, arbitrary: mutated.map((d) => ({ kind: "mutated" as const, data: d })) },
    { weight: 2, arbitrary: arbitraryDataArb(json).map((d) => ({ kind: "arbitrary" as const, data: d })) },
  );
  return fc.record({ set: data, complete: fc.boolean(), reader: readerArb }).map(({ set, complete, reader }) => ({ ...set, complete, reader }));
}

/** Runs a checker on an answer set, in the reader's language as the server would. */
export function runOn(check: AnswerChecker, set: AnswerSet): CheckResult {
  // Each checker gets its own copy: neither may depend on the other having seen the data.
  const data = structuredClone(set.data);
  return set.reader ? runInLanguage(set.reader, () => check(data, { complete: set.complete })) : check(data, { complete: set.complete });
}

/**
 * A CheckResult as plain JSON, the wording of every error included (it is not enumerable, so a
 * deep equality of the results alone would not compare it).
 */
export function comparable(result: CheckResult): unknown {
  if (result.ok) return { ...result, data: withoutNegativeZero(result.data) };
  return { ok: false, errors: result.errors.map((e) => ({ ...e, wording: e.wording })) };
}

/**
 * -0 written as 0: both are stored as 0 (JSON has no -0). The model checker's reused model can
 * hold a calculated value of -0 from an earlier answer set, since survey-core sees 0 and -0 as
 * equal and keeps the old one; a fresh model, and the compiled checker, compute 0.
 */
function withoutNegativeZero(value: unknown): unknown {
  if (Object.is(value, -0)) return 0;
  if (Array.isArray(value)) return value.map(withoutNegativeZero);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withoutNegativeZero(item)]));
}
