/** Shapes of choice-based answers: one choice, several choices, a ranking. */
import { phrase } from "../../i18n/phrase.js";
import { issue, isPlainObject, isScalar, quote, wrongType, indexSegment, type Issue, type Scalar, type Shape } from "./shape.js";

/** What a choice question accepts, resolved once from the survey-core model. */
export interface ChoiceSpec {
  /** Choice values, plus the special items (other, none, refuse, don't know) that are switched on. */
  values: ReadonlySet<Scalar>;
  /** Values that must be the only one selected (none, refuse, don't know, `isExclusive` items). */
  exclusive: ReadonlySet<Scalar>;
  /** Choices come from a URL or from another question's rows: cannot be listed offline. */
  anyScalar: boolean;
  /** How many values outside the list may appear: the "other" text stored in the value (1) or respondents' own choices (`allowCustomChoices`, unlimited). */
  freeText: number;
}

function checkOne(spec: ChoiceSpec, value: unknown): Issue | null {
  if (!isScalar(value)) return wrongType(phrase("types.choiceValue"), value);
  if (spec.values.has(value) || spec.anyScalar) return null;
  if (spec.freeText > 0 && typeof value === "string" && value !== "") return null;
  return issue("not_a_choice", phrase("answers.notAChoice", { value: quote(value) }));
}

/** radiogroup, dropdown, single-select imagepicker. */
export function singleChoiceShape(spec: ChoiceSpec): Shape {
  return (value) => checkOne(spec, value);
}

export interface MultiChoiceOptions {
  /** `maxSelectedChoices`; 0 = no limit. */
  max: number;
  /** checkbox `valuePropertyName`: values are stored as `{ [name]: value }`. */
  valuePropertyName?: string;
}

/** checkbox, tagbox, multi-select imagepicker: unique values from the list, within the limits. */
export function multiChoiceShape(spec: ChoiceSpec, options: MultiChoiceOptions): Shape {
  return (value) => {
    const values = unwrapArray(value, options.valuePropertyName);
    if (!Array.isArray(values)) return values;
    const seen = new Set<Scalar>();
    let outside = 0;
    for (let i = 0; i < values.length; i++) {
      const item = values[i];
      const found = checkOne(spec, item);
      if (found) return { ...found, path: indexSegment(i) };
      const scalar = item as Scalar;
      if (seen.has(scalar)) return issue("duplicate_choice", phrase("answers.duplicateChoice", { value: quote(item) }), indexSegment(i));
      seen.add(scalar);
      if (!spec.values.has(scalar) && !spec.anyScalar && ++outside > spec.freeText) {
        return issue("not_a_choice", phrase("answers.notAChoice", { value: quote(item) }), indexSegment(i));
      }
      if (spec.exclusive.has(scalar) && values.length > 1) {
        return issue("exclusive_choice", phrase("answers.exclusiveChoice", { value: quote(item) }));
      }
    }
    if (options.max > 0 && values.length > options.max) {
      return issue("too_many_choices", phrase("answers.tooManyChoices", { max: options.max, got: values.length }));
    }
    return null;
  };
}

/**
 * ranking: the choices in the respondent's order. Without `selectToRankEnabled` the form ranks
 * every choice, so a fixed list must come back complete; choices shown by condition or loaded
 * elsewhere only allow a subset.
 */
export function rankingShape(spec: ChoiceSpec, mustRankAll: ReadonlySet<Scalar> | undefined): Shape {
  const multi = multiChoiceShape({ ...spec, exclusive: new Set() }, { max: 0 });
  return (value) => {
    const found = multi(value);
    if (found || !mustRankAll || !Array.isArray(value)) return found;
    const missing = [...mustRankAll].filter((choice) => !value.includes(choice));
    if (missing.length === 0) return null;
    return issue("incomplete_ranking", phrase("answers.incompleteRanking", { missing: missing.map(quote) }));
  };
}

/** The array of selected values, unwrapping `{ [valuePropertyName]: value }` items. */
function unwrapArray(value: unknown, valuePropertyName: string | undefined): unknown[] | Issue {
  if (!Array.isArray(value)) return wrongType(phrase("types.choiceArray"), value);
  if (!valuePropertyName) return value;
  const out: unknown[] = [];
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    if (!isPlainObject(item) || Object.keys(item).length !== 1 || !Object.hasOwn(item, valuePropertyName)) {
      return issue("wrong_type", phrase("answers.notValueObject", { property: valuePropertyName, got: quote(item) }), indexSegment(i));
    }
    out.push(item[valuePropertyName]);
  }
  return out;
}
