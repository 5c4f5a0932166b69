/**
 * The one walk over a questionnaire's JSON by survey-core's own class metadata (`Serializer`):
 * every object (the survey, pages, elements at any depth, choices, matrix rows and columns,
 * multiple-text items, validators, triggers, calculated values, completedHtmlOnCondition…) with
 * its class, and every property survey-core declares for that class, in its order. A new question
 * type or property needs no list here. Paths follow text-paths.ts. Readers of texts
 * (localisable-texts.ts) and of question names (rename-question.ts) are visitors of this walk.
 */
import { type JsonObjectProperty, Serializer } from "survey-core";
import { isJsonObject, type JsonObject } from "./json.js";
import { pathKey } from "./text-paths.js";

/** One property of one object, present or not (a choice without a text still shows its value). */
export interface PropertyVisit {
  object: JsonObject;
  className: string;
  /** The owner's path: `survey`, `question:q`, `question:q/choices:a`… */
  path: string;
  property: JsonObjectProperty;
}

export interface PropertyWalker {
  /** Every declared property of every object, before the walk goes into the property's list. */
  property?(visit: PropertyVisit): void;
  /** An item of a list that is not an object, e.g. the bare `"北京"` of `choices: ["北京"]`. */
  bareItem?(list: unknown[], index: number, className: string, path: string): void;
}

const ELEMENT_LISTS = new Set(["elements", "questions", "templateElements"]);

/** Whether a class is survey-core's item value (a choice, a row) or one made from it. */
export function isItemValueClass(className: string): boolean {
  return className === "itemvalue" || Serializer.isDescendantOf(className, "itemvalue");
}

/** A matrix column's properties depend on its cell type: a dropdown column has choices of its own. */
function propertiesOf(object: JsonObject, className: string): JsonObjectProperty[] {
  const own = Serializer.getProperties(className);
  if (className !== "matrixdropdowncolumn") return own;
  const cellType = typeof object.cellType === "string" && object.cellType !== "default" ? object.cellType : "dropdown";
  const names = new Set(own.map((p) => p.name));
  const cell = Serializer.findClass(cellType) ? Serializer.getProperties(cellType).filter((p) => !names.has(p.name) && (p.name === "choices" || p.isLocalizable)) : [];
  return [...own, ...cell];
}

function itemKey(item: unknown, index: number): string | number {
  if (typeof item === "string" || typeof item === "number" || typeof item === "boolean") return String(item);
  if (isJsonObject(item)) {
    const v = item.value;
    if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return String(v);
    if (typeof item.name === "string" && item.name !== "") return item.name;
  }
  return index;
}

/** The class of a list's item: the property's own, else (validators, triggers) the item's type with the list's suffix. */
function itemClassOf(property: JsonObjectProperty, item: unknown): string | undefined {
  if (property.name !== "validators" && property.className) return property.className;
  const suffix = property.name === "validators" ? "validator" : property.type === "triggers" ? "trigger" : undefined;
  if (!suffix || !isJsonObject(item) || typeof item.type !== "string") return undefined;
  return item.type.endsWith(suffix) ? item.type : `${item.type}${suffix}`;
}

/**
 * Walks `root` (the survey by default; any element with its class for a part of one), calling
 * the walker for every property of every object in survey-core's order, owners in page order.
 * Unnamed pages and elements are `page#<n>` / `element#<n>`, counted in the walk from 0.
 * @example walkProperties({ elements: [{ type: "text", name: "q", visibleIf: "{a} = 1" }] }, { property: (v) => v.object[v.property.name] }) // visits survey…, then question:q's properties
 */
export function walkProperties(root: JsonObject, walker: PropertyWalker, className = "survey", path = "survey"): void {
  let unnamed = 0;

  const visitObject = (object: JsonObject, cls: string, at: string) => {
    for (const property of propertiesOf(object, cls)) {
      walker.property?.({ object, className: cls, path: at, property });
      const name = property.name;
      const value = Object.hasOwn(object, name) ? object[name] : undefined;
      if (property.isLocalizable || !Array.isArray(value)) continue;
      if (ELEMENT_LISTS.has(name)) {
        visitElements(value);
        continue;
      }
      if (name === "pages") {
        for (const page of value) {
          if (!isJsonObject(page)) continue;
          visitObject(page, "page", typeof page.name === "string" && page.name !== "" ? `page:${pathKey(page.name)}` : `page#${unnamed++}`);
        }
        continue;
      }
      value.forEach((item, index) => {
        const itemClass = itemClassOf(property, item);
        if (!itemClass || !Serializer.findClass(itemClass)) return;
        const itemPath = `${at}/${name}:${pathKey(itemKey(item, index))}`;
        if (isJsonObject(item)) visitObject(item, itemClass, itemPath);
        else walker.bareItem?.(value, index, itemClass, itemPath);
      });
    }
  };

  const visitElements = (elements: unknown[]) => {
    for (const element of elements) {
      if (!isJsonObject(element) || typeof element.type !== "string" || !Serializer.findClass(element.type)) continue;
      const kind = element.type === "panel" ? "panel" : "question";
      visitObject(element, element.type, typeof element.name === "string" && element.name !== "" ? `${kind}:${pathKey(element.name)}` : `element#${unnamed++}`);
    }
  };

  visitObject(root, className, path);
}
