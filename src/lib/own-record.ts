/** A zod record for objects keyed by user text, that keeps every key. */
import { z } from "zod";

/**
 * Stands in for `__proto__` while zod checks the record. No request can send it: bodies with
 * U+0000 anywhere are refused before validation (PostgreSQL's jsonb cannot store it either).
 */
const STAND_IN = "\u0000__proto__";

function renamed(input: object, from: string, to: string): Record<string, unknown> {
  // fromEntries defines own keys, so "__proto__" stays an own key, as JSON.parse makes it.
  return Object.fromEntries(Object.entries(input).map(([key, v]) => [key === from ? to : key, v]));
}

/**
 * Like `z.record(z.string(), value)`, but a `"__proto__"` key survives: zod builds a record's
 * output in a plain `{}` and leaves that key out without a word (assigning it would set the
 * prototype), so a choice valued `__proto__` would lose its population count or its label, and
 * an answer under that key would be dropped instead of refused (issue 11).
 * @example ownRecord(z.number()).parse(JSON.parse('{"__proto__": 3}')) // { ["__proto__"]: 3 }, an own key
 */
export function ownRecord<V extends z.ZodType>(value: V, params?: Parameters<typeof z.record>[2]) {
  return z.preprocess(
    (input) => (typeof input === "object" && input !== null && !Array.isArray(input) && Object.hasOwn(input, "__proto__") ? renamed(input, "__proto__", STAND_IN) : input),
    z.record(z.string(), value, params).transform((out) => (Object.hasOwn(out, STAND_IN) ? (renamed(out, STAND_IN, "__proto__") as typeof out) : out)),
  );
}
