/**
 * The body of a derived variable (issue 14): a name, an optional label, the question it is made
 * `from` and exactly one rule — `groups` of choices, `bins` of a number, a ticked multi-select
 * `option`, or `equals` (a number condition, or one choice of a single-choice question).
 * Only the shape is checked here; what the rule says about the questionnaire is checked by
 * `checkVariable`, which needs the survey.
 */
import { z } from "zod";
import { LANGUAGES, type Language } from "../../../i18n/language.js";
import { hasForbiddenCharacters } from "../../lib/user-text.js";
import { fieldText } from "../../lib/zod-language.js";
import { ownRecord } from "../../lib/own-record.js";

/**
 * A variable's name: it becomes a column of CSV, XLSX and SPSS exports, a path segment and a
 * key in analysis requests, so it is kept to letters (any script), digits, `_`, `.` and `-`,
 * starting with a letter or `_`; quotes, spaces and braces would break one of those.
 */
export const VARIABLE_NAME = /^[\p{L}_][\p{L}\p{N}_.-]{0,63}$/u;

const text = (max: number) =>
  z
    .string({ error: fieldText("variables.textForm", () => ({ max })) })
    .refine((t) => !hasForbiddenCharacters(t) && t.trim().length > 0 && [...t].length <= max, { error: fieldText("variables.textForm", () => ({ max })) })
    .transform((t) => t.trim());

/** A label in one language for all, or per language (zh-Hans, zh-Hant, en; a missing one falls back). */
const label = z.union([text(200), z.strictObject({ "zh-Hans": text(200).optional(), "zh-Hant": text(200).optional(), en: text(200).optional() })], {
  error: fieldText("variables.labelForm"),
});

const choiceValue = z.union([z.string(), z.number(), z.boolean()], { error: fieldText("fields.choiceValueType") });

const bin = z.strictObject({
  label: text(100),
  min: z.number().finite().optional(),
  max: z.number().finite().optional(),
});

/** POST and PUT …/variables: the checked shape of a definition. */
export const variableBody = z
  .strictObject({
    name: z.string({ error: fieldText("variables.nameForm") }),
    label: label.optional(),
    from: z.string({ error: fieldText("fields.nameAQuestion") }).min(1, { error: fieldText("fields.nameAQuestion") }),
    groups: ownRecord(z.array(choiceValue).max(1000), { error: fieldText("variables.groupsForm") }).optional(),
    bins: z.array(bin).max(100).optional(),
    option: choiceValue.optional(),
    equals: choiceValue.optional(),
  })
  .superRefine((body, ctx) => {
    const rules = (["groups", "bins", "option", "equals"] as const).filter((r) => body[r] !== undefined);
    if (rules.length !== 1) ctx.addIssue({ code: "custom", path: rules.length > 1 ? [rules[1]] : ["groups"], message: fieldText("variables.oneRule")({}) });
  });

export type VariableBody = z.infer<typeof variableBody>;
export type VariableLabel = NonNullable<VariableBody["label"]>;
export type VariableRule = "groups" | "bins" | "option" | "equals";

/** Which rule a checked definition uses. */
export function ruleOf(body: VariableBody): VariableRule {
  if (body.groups !== undefined) return "groups";
  if (body.bins !== undefined) return "bins";
  if (body.option !== undefined) return "option";
  return "equals";
}

/** A label in one language: that language's, else the others in catalogue order, else the name. */
export function labelIn(body: Pick<VariableBody, "name" | "label">, lang: Language): string {
  if (body.label === undefined) return body.name;
  if (typeof body.label === "string") return body.label;
  return body.label[lang] ?? LANGUAGES.map((l) => (body.label as Partial<Record<Language, string>>)[l]).find((t) => t) ?? body.name;
}
