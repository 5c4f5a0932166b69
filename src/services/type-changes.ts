import { listQuestions } from "../validation/questionnaire.js";

export interface TypeChange {
  key: string;
  from: string;
  to: string;
}

/** The question type behind each data key: answers of two types cannot be pooled. */
function answerKinds(json: object): Map<string, string> {
  const kinds = new Map<string, string>();
  for (const q of listQuestions(json)) kinds.set(q.key, q.type);
  return kinds;
}

/**
 * The data keys whose answer kind in `next` differs from what any earlier version gave
 * them. Keys new to `next` or dropped from it are not changes.
 */
export function findTypeChanges(earlier: object[], next: object): TypeChange[] {
  const nextKinds = answerKinds(next);
  const changes: TypeChange[] = [];
  const seen = new Set<string>();
  for (const json of earlier) {
    for (const [key, from] of answerKinds(json)) {
      const to = nextKinds.get(key);
      if (to !== undefined && to !== from && !seen.has(key)) {
        seen.add(key);
        changes.push({ key, from, to });
      }
    }
  }
  return changes;
}
