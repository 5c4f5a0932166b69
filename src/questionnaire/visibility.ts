/** Whether a question was shown to the respondent, judged from the answers as the form judged it. */
import { own } from "../lib/own.js";
import { ConditionRunner } from "survey-core";
import type { QuestionSpec } from "./question.js";

const MEMO_LIMIT = 10_000;

interface Compiled {
  runner: ConditionRunner;
  variables: string[];
  memo: Map<string, boolean>;
}

/**
 * Evaluates the `visibleIf` conditions of a question and its containers on a response's data.
 * Conditions depend on a few answers only, so results are remembered by those answers' values:
 * a million responses cost a million map look-ups, not a million expression runs.
 */
export class Visibility {
  private readonly compiled = new Map<string, Compiled>();

  /** True when every condition holds (the question was on screen), false when one fails. */
  asked(spec: QuestionSpec, data: Record<string, unknown>): boolean {
    if (spec.hidden) return false;
    for (const condition of spec.conditions) if (!this.holds(condition, data)) return false;
    return true;
  }

  private holds(condition: string, data: Record<string, unknown>): boolean {
    let entry = this.compiled.get(condition);
    if (!entry) {
      const runner = new ConditionRunner(condition);
      const variables = [...new Set((runner as unknown as { getVariables(): string[] }).getVariables().map((v) => v.split(/[.[]/)[0]))];
      entry = { runner, variables, memo: new Map() };
      this.compiled.set(condition, entry);
    }
    const key = JSON.stringify(entry.variables.map((v) => own(data, v) ?? null));
    let result = entry.memo.get(key);
    if (result === undefined) {
      result = entry.runner.runValues({ ...pick(data, entry.variables) }) === true;
      if (entry.memo.size >= MEMO_LIMIT) entry.memo.clear();
      entry.memo.set(key, result);
    }
    return result;
  }
}

function pick(data: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  // Own answers only: a condition naming {toString} must not read the function every object has.
  return Object.fromEntries(keys.flatMap((key) => (own(data, key) === undefined ? [] : [[key, own(data, key)]])));
}
