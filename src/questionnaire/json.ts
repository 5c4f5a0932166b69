/** Reading a questionnaire JSON before survey-core has seen it: containers and their element lists. */

/** A JSON object (not null, not an array). */
export type JsonObject = Record<string, unknown>;

/** True for a JSON object; arrays and null are not. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A list of elements and the JSON location it was read from. */
export interface ElementList {
  items: unknown;
  location: string;
}

/**
 * The element list of a page, panel or the survey root. SurveyJS also accepts the older
 * `questions` spelling, so a questionnaire written that way is read the same.
 */
export function elementListOf(container: JsonObject, location: string, property = "elements"): ElementList | undefined {
  const prefix = location === "" ? "" : `${location}.`;
  if (container[property] !== undefined) return { items: container[property], location: `${prefix}${property}` };
  if (property === "elements" && container.questions !== undefined) {
    return { items: container.questions, location: `${prefix}questions` };
  }
  return undefined;
}

/** The survey's top-level element lists: one per page, plus root `elements` (SurveyJS makes those a page). */
export function rootElementLists(json: JsonObject): ElementList[] {
  const lists: ElementList[] = [];
  const root = elementListOf(json, "");
  if (root) lists.push(root);
  if (Array.isArray(json.pages)) {
    json.pages.forEach((page, i) => {
      const list = isJsonObject(page) ? elementListOf(page, `pages[${i}]`) : undefined;
      if (list) lists.push(list);
    });
  }
  return lists;
}

/** `pages[0].elements[3] (q_name)`: a location readers can find in the JSON. */
export function describeElement(location: string, element: JsonObject): string {
  return typeof element.name === "string" && element.name !== "" ? `${location} (${element.name})` : location;
}
