/**
 * Cheap, deterministic edits of an answer set, each the kind of thing a client gets wrong or a
 * respondent changes: drop or blank an answer, send the wrong type, go out of range, pick a choice
 * the question does not offer, add a key, flip an answer a visibleIf/requiredIf depends on, stop
 * half-way or skip several questions. They read the questionnaire through its one model (readVersion), so they know each
 * question's kind, choices and the answers its logic reads. An edit is a few integers: fast-check
 * draws and replays them for the cost of a few random numbers, not of a survey-core Model.
 */
import fc from "fast-check";
import { readVersion } from "../../src/questionnaire/read-version.js";
import type { QuestionSpec, Scalar } from "../../src/questionnaire/question.js";

/** The edits, by name; `pick` and `n` choose among what the edit can do to that question. */
export const MUTATIONS = ["drop", "blank", "retype", "outOfRange", "notOffered", "extraKey", "toggleDriver", "stopAt", "skipSome", "anything"] as const;
export type MutationName = (typeof MUTATIONS)[number];

/** One edit: which, on which question (modulo their number), and which of its variants. */
export interface Mutation {
  op: MutationName;
  question: number;
  pick: number;
  n: number;
}

/** Draws an edit; toggling a driver weighs more, since the logic is where the checkers differ most. */
export const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  op: fc.oneof({ weight: 3, arbitrary: fc.constantFrom<MutationName>(...MUTATIONS) }, { weight: 1, arbitrary: fc.constant<MutationName>("toggleDriver") }),
  question: fc.nat(),
  pick: fc.nat(),
  n: fc.integer({ min: -3, max: 3 }),
});

/** What the edits need to know of a questionnaire, read once. */
export interface MutationPlan {
  questions: QuestionSpec[];
  /** Answers that a condition, requiredIf or validator expression reads, each with values worth setting it to. */
  drivers: { key: string; values: unknown[] }[];
}

/** Reads what the edits need from a questionnaire. */
export function planMutations(json: object): MutationPlan {
  const questions = readVersion(json).questions;
  const byLowerKey = new Map(questions.map((q) => [q.key.toLowerCase(), q]));
  const literals = new Set<unknown>([0, 1, 3]);
  for (const q of questions) {
    for (const condition of q.conditions) {
      for (const [, text] of condition.matchAll(/'([^']*)'/g)) literals.add(text);
      for (const [number] of condition.matchAll(/(?<![\w{])-?\d+(\.\d+)?(?![\w}])/g)) for (const d of [-1, 0, 1]) literals.add(Number(number) + d);
    }
  }
  const driverKeys = new Set<string>();
  for (const q of questions) for (const reference of q.references) if (byLowerKey.has(reference)) driverKeys.add(byLowerKey.get(reference)!.key);
  const drivers = [...driverKeys].map((key) => {
    const q = questions.find((candidate) => candidate.key === key)!;
    return { key, values: [...offered(q), ...literals, undefined] };
  });
  return { questions, drivers };
}

/** Values the question offers, as it stores them. */
function offered(q: QuestionSpec): unknown[] {
  switch (q.kind) {
    case "single":
      return q.items.map((item) => item.value);
    case "multi":
      return [...q.items.map((item) => [item.value]), q.items.slice(0, 2).map((item) => item.value)];
    case "boolean":
      return [q.valueTrue, q.valueFalse];
    default:
      return [];
  }
}

const NOT_OFFERED = ["不存在的选项", 999, "OTHER", true];
const EXTRA_KEYS = ["q99", "__proto__", "constructor", "toString", "hasOwnProperty", ""];
const ANYTHING: unknown[] = ["", "  ", "other", "none", 0, -1, 2.5, 1e9, true, false, null, [], {}, ["other"], [[]], { a: 1 }, "2005-07-01", "a@b.cn", "很长的意见".repeat(200)];

/** Applies the edits in order to `data`, which it changes. */
export function applyMutations(plan: MutationPlan, data: Record<string, unknown>, mutations: readonly Mutation[]): void {
  const { questions } = plan;
  for (const m of mutations) {
    const q = questions[m.question % questions.length];
    const at = (list: readonly unknown[]): unknown => list[m.pick % list.length];
    switch (m.op) {
      case "drop":
        delete data[q.key];
        break;
      case "blank":
        put(data, q.key, at(["", null, [], {}, "  "]));
        break;
      case "retype":
        if (Object.hasOwn(data, q.key)) data[q.key] = retype(data[q.key]);
        break;
      case "outOfRange":
        put(data, q.key, outOfRange(q, data[q.key], m));
        break;
      case "notOffered":
        put(data, q.key, notOffered(q, data[q.key], at(NOT_OFFERED) as Scalar));
        break;
      case "extraKey":
        put(data, at([...EXTRA_KEYS, `${q.key}-Comment`, q.key.toUpperCase(), `${q.key} `]) as string, at(ANYTHING));
        break;
      case "toggleDriver": {
        if (plan.drivers.length === 0) break;
        const driver = plan.drivers[(m.question + m.n + 3) % plan.drivers.length];
        const value = driver.values[m.pick % driver.values.length];
        if (value === undefined) delete data[driver.key];
        else put(data, driver.key, structuredClone(value));
        break;
      }
      case "stopAt":
        // A respondent who stopped at this question: what follows it was never answered.
        for (const later of questions.slice(m.question % questions.length)) delete data[later.key];
        break;
      case "skipSome":
        // A respondent who skipped several questions (the bits of `pick` say which): often what is
        // left is valid, so the accepted path (stored data, notAsked, computed values) is compared too.
        questions.forEach((skipped, j) => {
          if ((m.pick >> (j % 31)) & 1) delete data[skipped.key];
        });
        break;
      case "anything":
        put(data, q.key, structuredClone(at(ANYTHING)));
        break;
    }
  }
}

/** Sets a key as JSON.parse would, even "__proto__". */
function put(data: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(data, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The wrong-but-plausible version of a value: what a sloppy client would send. */
export function retype(value: unknown): unknown {
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return Number.isNaN(Number(value)) ? [value] : Number(value);
  if (typeof value === "boolean") return value ? "true" : 0;
  if (Array.isArray(value)) return value.length > 0 ? value[0] : {};
  if (value && typeof value === "object") return Object.values(value);
  return "";
}

/** A value just or far outside what the question allows: numbers and dates past their bounds, text past its length, too many choices. */
function outOfRange(q: QuestionSpec, current: unknown, m: Mutation): unknown {
  switch (q.kind) {
    case "number": {
      const base = typeof current === "number" ? current : 0;
      return [base + m.n * 1000, -1, 1e9, -1e9, base + 0.5, 1000001][m.pick % 6];
    }
    case "date":
      return ["1800-01-01", "2999-12-31", "1921-06-30", "2026-01-01", "2020-02-30", "2020-13-01", "not a date"][m.pick % 7];
    case "multi":
      // Every choice at once: past any maximum count, and with exclusive choices beside others.
      return q.items.map((item) => item.value);
    case "ranking":
      return [...q.items.map((item) => item.value), q.items[0]?.value];
    case "text":
      return typeof current === "string" && m.pick % 2 === 0 ? current.repeat(60) : "x".repeat([1, 51, 501, 5000][m.pick % 4]);
    case "matrix":
    case "matrixdropdown":
      return { ...(isObject(current) ? current : {}), [`row${m.n}`]: "x" };
    default:
      return m.n;
  }
}

/** A choice the question does not offer, where its answer holds choices. */
function notOffered(q: QuestionSpec, current: unknown, value: Scalar): unknown {
  if (q.kind === "multi" || q.kind === "ranking") return [...(Array.isArray(current) ? current : []), value];
  if (q.kind === "matrix") {
    const row = q.rows[0]?.value;
    return row === undefined ? value : { ...(isObject(current) ? current : {}), [String(row)]: value };
  }
  return value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
