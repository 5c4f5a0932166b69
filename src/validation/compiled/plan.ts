/**
 * A questionnaire version turned into plain data once: per question its data key, the conditions
 * that show it and make it required, and its checks in the order survey-core runs them, each with
 * the error text in every language read from the model while compiling.
 */
import {
  ConditionRunner,
  EmailValidator,
  ExpressionRunner,
  Helpers,
  type Question,
  type QuestionExpressionModel,
  type QuestionMatrixModel,
  type QuestionMultipleTextModel,
  type QuestionCheckboxModel,
  type QuestionSelectBase,
  type QuestionTextModel,
  type SurveyModel,
  type SurveyValidator,
} from "survey-core";
import type { Language } from "../../../i18n/language.js";
import { NO_ANSWER_TYPES } from "../../questionnaire/element-types.js";
import { comparableOf } from "./min-max.js";
import type { ContainerPlan } from "./container.js";
import { eachRowRequiredCheck } from "./single-matrix.js";

/** survey-core's locale of each language. */
const LOCALES = { en: "en", "zh-Hans": "zh-cn", "zh-Hant": "zh-tw" } as const satisfies Record<Language, string>;

/** One text in every language. */
export type Texts = Readonly<Record<Language, string>>;

/** A condition, parsed once: true when the model would set the property (`res === true`). */
export type Condition = (values: Record<string, unknown>) => boolean;

/** One error survey-core may raise on a question: our code, survey-core's error type, its texts. */
export interface ErrorSlot {
  code: string;
  type: string;
  texts: Texts;
}

/** A check run on the question's value; returns the error it raises, or null. */
export type Check = (value: unknown, values: Record<string, unknown>) => ErrorSlot | null;

export interface QuestionPlan {
  key: string;
  /** Holds an answer (not html or image). */
  answers: boolean;
  /** All must hold for the question to be on screen: its own visibleIf, its panels', its page's. */
  shown: Condition[];
  /** Static `isRequired`, or the requiredIf condition. */
  required: boolean | Condition;
  requiredError: ErrorSlot;
  /** survey-core's `onCheckForErrors` after "required", in its order. */
  ownChecks: Check[];
  /** The question's validators, in order. */
  validators: Check[];
  /** `minSelectedChoices`: its error is not about the answer given, so a partial save ignores it (as model-errors.ts does). */
  minSelected?: ErrorSlot;
  /** `clearIfInvisible` as survey-core resolves it for this question. */
  clearIf: string;
  commentKey: string;
  /** A multiple-text question's items, each checked against its own key of the question's value. */
  items?: QuestionPlan[];
  /** An expression question's value from the answers (undefined: none). */
  compute?: (values: Record<string, unknown>) => unknown;
  /** A dynamic panel's or a matrix's entries and the questions checked in each (container.ts). */
  container?: ContainerPlan;
  /** The question whose selected choices this one offers (`choicesFromQuestion`, carry-forward.ts), and its "other" value if it has one. */
  carried?: { from: string; other: unknown };
}

/** Reads a text in every language by switching the model's locale (put back afterwards). */
function inEveryLanguage(model: SurveyModel, read: () => string): Texts {
  const restore = model.locale;
  const texts: Partial<Record<Language, string>> = {};
  try {
    for (const [lang, locale] of Object.entries(LOCALES) as [Language, string][]) {
      model.locale = locale;
      texts[lang] = read();
    }
  } finally {
    model.locale = restore;
  }
  return texts as Texts;
}

/** A text fixed when the error is made (in English) and never re-read: survey-core's error without an update callback. */
function fixed(en: string): Texts {
  return { en, "zh-Hans": en, "zh-Hant": en };
}

export function compileCondition(expression: string | undefined): Condition | undefined {
  if (!expression) return undefined;
  const runner = new ConditionRunner(expression);
  return (values) => runner.runValues(values) === true;
}

/** The plan of one top-level question of a questionnaire that passed {@link outOfScope}. */
export function planQuestion(model: SurveyModel, question: Question): QuestionPlan {
  const shown: Condition[] = [];
  const own = compileCondition(question.visibleIf);
  if (own) shown.push(own);
  for (let parent = question.parent; parent; parent = parent.parent) {
    const condition = compileCondition((parent as unknown as { visibleIf?: string }).visibleIf);
    if (condition) shown.push(condition);
  }
  const slot = (code: string, type: string, texts: Texts): ErrorSlot => ({ code, type, texts });
  const type = question.getType();
  const ownChecks: Check[] = [];
  let minSelected: ErrorSlot | undefined;
  if (["radiogroup", "dropdown", "checkbox", "tagbox"].includes(type) && (question as QuestionSelectBase).showOtherItem) {
    ownChecks.push(
      otherCheck(
        question as QuestionSelectBase,
        model.commentSuffix,
        slot(
          "other_text_required",
          "otherempty",
          inEveryLanguage(model, () => (question as QuestionSelectBase).otherErrorText || question.getLocalizationString("otherRequiredError")),
        ),
      ),
    );
  }
  if (type === "text") ownChecks.push(...textChecks(model, question as QuestionTextModel, slot));
  if (type === "checkbox" || type === "tagbox") {
    const box = question as QuestionCheckboxModel;
    if (box.minSelectedChoices >= 1) {
      minSelected = slot("invalid", "custom", fixed(box.getLocalizationFormatString("minSelectError", box.minSelectedChoices)));
      ownChecks.push(minSelectedCheck(box, minSelected));
    }
  }
  if (type === "matrix") {
    const rowsError = slot(
      "required",
      "requiredinallrowserror",
      inEveryLanguage(model, () => question.getLocalizationString("requiredInAllRowsError")),
    );
    const check = eachRowRequiredCheck(question as QuestionMatrixModel, rowsError);
    if (check) ownChecks.push(check);
  }
  return {
    key: question.getValueName(),
    answers: !NO_ANSWER_TYPES.has(type),
    shown,
    required: compileCondition(question.requiredIf) ?? question.isRequired,
    requiredError: slot(
      "required",
      "required",
      inEveryLanguage(model, () => question.requiredErrorText || question.getLocalizationString("requiredError")),
    ),
    ownChecks,
    validators: question.validators.map((validator) => validatorCheck(model, validator)),
    minSelected,
    clearIf: question.clearIfInvisible,
    commentKey: question.getValueName() + model.commentSuffix,
    items: type === "multipletext" ? (question as QuestionMultipleTextModel).items.map((item) => planQuestion(model, item.editor)) : undefined,
    compute: type === "expression" ? computeOf(question as QuestionExpressionModel) : undefined,
  };
}

/** survey-core's QuestionExpressionModel: the expression's value, rounded to `precision`. */
function computeOf(question: QuestionExpressionModel): (values: Record<string, unknown>) => unknown {
  const runner = new ExpressionRunner(question.expression);
  const precision = question.precision;
  return (values) => {
    const value: unknown = runner.runValues(values);
    if (value === Infinity) return undefined;
    if (precision < 0 || !Helpers.isNumber(value)) return value;
    return parseFloat((value as number).toFixed(precision));
  };
}

type Slot = (code: string, type: string, texts: Texts) => ErrorSlot;

/** "Other" ticked and its text left empty (the text sits under `<key>-Comment`). */
function otherCheck(select: QuestionSelectBase, commentSuffix: string, error: ErrorSlot): Check {
  const otherValue = select.otherItem.value;
  // A matrix cell's template question has no survey of its own: the suffix is the questionnaire's.
  const commentKey = select.getValueName() + commentSuffix;
  const multi = select.getType() === "checkbox" || select.getType() === "tagbox";
  return (value, values) => {
    const ticked = multi ? Array.isArray(value) && value.includes(otherValue) : value === otherValue;
    return ticked && !values[commentKey] ? error : null;
  };
}

function minSelectedCheck(box: QuestionCheckboxModel, error: ErrorSlot): Check {
  const min = box.minSelectedChoices;
  const noneValues = new Set<unknown>(box.choices.filter((c) => c.isExclusive).map((c) => c.value));
  if (box.showNoneItem) noneValues.add(box.noneItem.value);
  return (value) => {
    const length = Array.isArray(value) ? value.length : 0;
    if (length === 1 && noneValues.has((value as unknown[])[0])) return null;
    return length < min ? error : null;
  };
}

/** Numeric min/max of a number input, and the e-mail check of an email input without an e-mail validator. */
function textChecks(model: SurveyModel, text: QuestionTextModel, slot: Slot): Check[] {
  const checks: Check[] = [];
  // A date input without min/max still has survey-core's default bounds (settings.minDate, maxDate) as renderedMin/Max.
  const comparable = comparableOf(text.inputType);
  const min = comparable(text.renderedMin);
  const max = comparable(text.renderedMax);
  // The bound is worded as survey-core words it: a date by its toDateString(), which no locale changes.
  const word = (errorText: () => string, bound: unknown) =>
    inEveryLanguage(model, () => (text as unknown as { getMinMaxErrorText(t: string, v: unknown): string }).getMinMaxErrorText(errorText(), bound));
  if (!Helpers.isValueEmpty(text.renderedMin)) {
    const error = slot(
      "invalid",
      "custom",
      word(() => text.minErrorText, min),
    );
    checks.push((value) => (!Helpers.isValueEmpty(value) && (comparable(value) as number) < (min as number) ? error : null));
  }
  if (!Helpers.isValueEmpty(text.renderedMax)) {
    const error = slot(
      "invalid",
      "custom",
      word(() => text.maxErrorText, max),
    );
    checks.push((value) => (!Helpers.isValueEmpty(value) && (comparable(value) as number) > (max as number) ? error : null));
  }
  if (text.inputType === "email" && !text.validators.some((v) => v.getType() === "emailvalidator")) {
    const error = slot(
      "invalid",
      "custom",
      inEveryLanguage(model, () => text.getLocalizationString("invalidEmail")),
    );
    checks.push((value) => (!value || EMAIL.test(value as string) ? null : error));
  }
  return checks;
}

/** survey-core's own e-mail pattern (EmailValidator keeps it as `re`). */
const EMAIL = (new EmailValidator() as unknown as { re: RegExp }).re;

/** survey-core's Base.isValueEmpty: strings are trimmed first. */
export function isEmptyValue(value: unknown): boolean {
  return Helpers.isValueEmpty(typeof value === "string" ? value.trim() : value);
}

interface ValidatorLike {
  getType(): string;
  getErrorText(name: string | null): string;
  text: string;
  minValue?: number | null;
  maxValue?: number | null;
  minLength?: number;
  maxLength?: number;
  allowDigits?: boolean;
  minCount?: number | null;
  maxCount?: number | null;
  regex?: string;
  caseInsensitive?: boolean;
  expression?: string;
}

/** One validator, as its survey-core class decides (survey-core/src/validator.ts), with its texts read once. */
function validatorCheck(model: SurveyModel, surveyValidator: SurveyValidator): Check {
  const v = surveyValidator as unknown as ValidatorLike;
  const custom = (name: string | null): ErrorSlot => ({ code: "invalid", type: "custom", texts: inEveryLanguage(model, () => v.getErrorText(name)) });
  switch (v.getType()) {
    case "numericvalidator": {
      const error = custom(null);
      // RequreNumericError keeps the validator's text as it read when made; without one it says survey-core's own words.
      const notNumber: ErrorSlot = {
        code: "not_a_number",
        type: "requirenumeric",
        texts: v.text ? fixed(inEveryLanguage(model, () => v.text).en) : inEveryLanguage(model, () => model.getLocalizationString("numericError")),
      };
      const min = v.minValue ?? null;
      const max = v.maxValue ?? null;
      return (value) => {
        if (isEmptyValue(value)) return null;
        if (!Helpers.isNumber(value)) return notNumber;
        const n = Helpers.getNumber(value);
        if (min !== null && min > n) return error;
        if (max !== null && max < n) return error;
        return null;
      };
    }
    case "textvalidator": {
      const error = custom(null);
      const digits = custom("textNoDigitsAllow");
      const { minLength = 0, maxLength = 0, allowDigits = true } = v;
      return (value) => {
        if (isEmptyValue(value)) return null;
        if (!allowDigits && /\d+$/.test(value as string)) return digits;
        const length = (value as { length?: number }).length as number;
        if (minLength > 0 && length < minLength) return error;
        if (maxLength > 0 && length > maxLength) return error;
        return null;
      };
    }
    case "answercountvalidator": {
      const minText = model.getLocalizationFormatString("minSelectError", v.minCount);
      const maxText = model.getLocalizationFormatString("maxSelectError", v.maxCount);
      const tooFew = custom(minText);
      const tooMany = custom(maxText);
      const { minCount, maxCount } = v;
      return (value) => {
        if (!Array.isArray(value) || value.length === 0) return null;
        if (minCount && value.length < minCount) return tooFew;
        if (maxCount && value.length > maxCount) return tooMany;
        return null;
      };
    }
    case "regexvalidator": {
      const error = custom(null);
      if (!v.regex) return () => null;
      const re = new RegExp(v.regex, v.caseInsensitive ? "i" : "");
      return (value) => {
        if (isEmptyValue(value)) return null;
        if (Array.isArray(value)) for (const item of value) if (!re.test(item as string)) return error;
        return re.test(value as string) ? null : error;
      };
    }
    case "emailvalidator": {
      const error = custom(null);
      return (value) => (!value || EMAIL.test(value as string) ? null : error);
    }
    case "expressionvalidator": {
      const error = custom(null);
      const condition = v.expression ? new ConditionRunner(v.expression) : undefined;
      return (_value, values) => (!condition || condition.runValues(values) ? null : error);
    }
    default:
      throw new TypeError(`planQuestion: validator ${v.getType()} is not compiled`);
  }
}
