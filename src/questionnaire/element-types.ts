/** Which question types the platform accepts, and how survey-core classifies the rest. */
import { Serializer } from "survey-core";

/** Element types a questionnaire may use. */
export const SUPPORTED_TYPES: ReadonlySet<string> = new Set([
  "text",
  "comment",
  "radiogroup",
  "checkbox",
  "dropdown",
  "tagbox",
  "boolean",
  "rating",
  "ranking",
  "matrix",
  "matrixdropdown",
  "matrixdynamic",
  "multipletext",
  "paneldynamic",
  "panel",
  "html",
  "expression",
  "image",
  "imagepicker",
]);

/** Cell types a matrixdropdown / matrixdynamic column may use ("default" = the matrix's `cellType`). */
export const SUPPORTED_CELL_TYPES: ReadonlySet<string> = new Set(["default", "dropdown", "checkbox", "radiogroup", "tagbox", "text", "comment", "boolean", "expression", "rating"]);

/** Types that display something but never hold an answer. */
export const NO_ANSWER_TYPES: ReadonlySet<string> = new Set(["html", "image"]);

/** Validator `type`s survey-core ships (JSON spelling, without the "validator" suffix). */
export const VALIDATOR_TYPES: ReadonlySet<string> = new Set(["numeric", "text", "expression", "answercount", "regex", "email"]);

/** True when survey-core has an element class of this name (question, panel, or a question it ships but we do not support). */
export function isKnownElementType(type: string): boolean {
  if (type === "panel") return true;
  // findClass also knows non-elements (itemvalue, page, validators...): only question descendants count.
  return !!Serializer.findClass(type) && Serializer.isDescendantOf(type, "question");
}
