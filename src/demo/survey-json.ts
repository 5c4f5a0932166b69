/**
 * Reading a SurveyJS questionnaire just enough to keep a generator honest: every value
 * a generator writes must be a choice the questionnaire offers, so a renamed choice
 * fails loudly here instead of producing demo data that no longer matches.
 */

/** The part of a SurveyJS element the generators read. */
interface ElementJson {
  name?: unknown;
  type?: unknown;
  choices?: unknown;
  elements?: unknown;
  pages?: unknown;
}

function children(node: ElementJson): ElementJson[] {
  const list = [node.pages, node.elements].find(Array.isArray);
  return (list ?? []) as ElementJson[];
}

/**
 * Finds a question (or panel) by name anywhere in a survey JSON.
 * @example findElement(json, "level")?.type // "radiogroup"
 */
export function findElement(json: unknown, name: string): ElementJson | undefined {
  const stack: ElementJson[] = [json as ElementJson];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.name === name && node !== json) return node;
    stack.push(...children(node));
  }
  return undefined;
}

/**
 * The stored values of a choice question's choices, in questionnaire order.
 * @example choiceValues(json, "level") // ["市", "区(县)", "街道(乡镇)", "社区(村)", "社会组织"]
 */
export function choiceValues(json: unknown, name: string): string[] {
  const element = findElement(json, name);
  if (!element || !Array.isArray(element.choices)) {
    throw new Error(`choiceValues: the questionnaire has no choice question '${name}'`);
  }
  return element.choices.map((choice: unknown) =>
    String(typeof choice === "object" && choice !== null ? (choice as { value: unknown }).value : choice),
  );
}

/**
 * Throws unless the questionnaire has every named question, and each listed value
 * among the choices of its question.
 * @example requireQuestionnaire(json, { level: ["市"], staff_count: [] })
 */
export function requireQuestionnaire(json: unknown, expected: Readonly<Record<string, readonly string[]>>): void {
  for (const [name, values] of Object.entries(expected)) {
    if (!findElement(json, name)) throw new Error(`requireQuestionnaire: the questionnaire has no question '${name}'`);
    if (values.length === 0) continue;
    const offered = new Set(choiceValues(json, name));
    const missing = values.filter((v) => !offered.has(v));
    if (missing.length > 0) {
      throw new Error(`requireQuestionnaire: question '${name}' offers no choice ${missing.map((v) => `'${v}'`).join(", ")}`);
    }
  }
}
