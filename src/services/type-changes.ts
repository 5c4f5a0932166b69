import { listQuestionElements } from "../questionnaire/list-questions.js";

export interface TypeChange {
  key: string;
  from: string;
  to: string;
}

/**
 * What an answer to each data key looks like: the question type, and for text questions
 * whether it holds numbers, since number and string answers cannot be pooled either.
 */
function answerKinds(json: object): Map<string, string> {
  const kinds = new Map<string, string>();
  for (const { element, key } of listQuestionElements(json)) {
    const numeric = element.type === "text" && (element.inputType === "number" || element.inputType === "range");
    kinds.set(key, numeric ? "text (number)" : String(element.type));
  }
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
