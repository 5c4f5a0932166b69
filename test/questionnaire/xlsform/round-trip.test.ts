// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm writes question references as ${name}, in plain strings.
/**
 * SurveyJS → sheets → SurveyJS on the reference questionnaire and the kitchen sink: everything the
 * sheets say comes back equal, everything else is on the notes sheet, and the answer checker
 * gives the same verdict on the same generated answer sets before and after.
 */
import { readFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { ConditionsParser } from "survey-core";
import { describe, expect, it } from "vitest";
import type { JsonObject } from "../../../src/questionnaire/json.js";
import type { Book } from "../../../src/questionnaire/xlsform/book.js";
import { fromXlsForm } from "../../../src/questionnaire/xlsform/from-xlsform.js";
import { type Note, toXlsForm } from "../../../src/questionnaire/xlsform/to-xlsform.js";
import { type CheckResult, createModelChecker } from "../../../src/validation/answers.js";
import { answerSetArb, runOn } from "../../validation/answer-sets.js";

const FIXTURES: [string, JsonObject][] = [
  ["the reference questionnaire", JSON.parse(readFileSync("surveys/dangjian-innovation-2023.json", "utf8"))],
  ["the kitchen sink", JSON.parse(readFileSync("test/fixtures/kitchen-sink.json", "utf8"))],
];

function bookOfSheets(sheets: { name: string; headers: string[]; rows: { row: number; cells: string[] }[] }[]): Book {
  return new Map(sheets.map((s) => [s.name, s]));
}

/** The questionnaire without what the notes list: what the sheets were meant to say. */
function withoutNoted(json: JsonObject, notes: Note[]): JsonObject {
  const noted = new Map<string, Set<string>>();
  for (const n of notes) noted.set(n.question, (noted.get(n.question) ?? new Set()).add(n.property));
  const strip = (element: JsonObject): JsonObject | undefined => {
    const own = noted.get(String(element.name));
    if (own?.has("(question)")) return undefined;
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(element)) {
      if (own?.has(key)) continue;
      if ((key === "elements" || key === "templateElements") && Array.isArray(value)) out[key] = value.map((e) => strip(e as JsonObject)).filter((e) => e !== undefined);
      else if (key === "validators" && Array.isArray(value)) out[key] = value.filter((_, i) => !own?.has(`validators[${i}]`));
      else if (key === "choices" && Array.isArray(value)) out[key] = value.filter((_, i) => !own?.has(`choices[${i}]`)).map((c, i) => withoutChoiceNotes(c, i, own));
      else out[key] = value;
    }
    return out;
  };
  const top = noted.get("(survey)");
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(json)) if (!top?.has(key)) out[key] = value;
  out.pages = (json.pages as JsonObject[]).map((p) => strip(p)!);
  return out;
}

/** A choice without its noted properties (`choices[2].visibleIf`). */
function withoutChoiceNotes(choice: unknown, i: number, own: Set<string> | undefined): unknown {
  if (typeof choice !== "object" || choice === null) return choice;
  return Object.fromEntries(Object.entries(choice).filter(([k]) => !own?.has(`choices[${i}].${k}`)));
}

const EXPRESSIONS = new Set(["visibleIf", "expression"]);
/** SurveyJS's scale when a rating does not say one; the reader always writes all three. */
const RATING_DEFAULTS = { rateMin: 1, rateMax: 5, rateStep: 1 };
/**
 * A numeric validator without a message is the question's min/max: the sheet says both as the same
 * constraint, and the answer checker refuses the same answers with the same code.
 */
function limitsAsProperties(element: Record<string, unknown>): Record<string, unknown> {
  if (!Array.isArray(element.validators)) return element;
  const out: Record<string, unknown> = { ...element };
  out.validators = element.validators.filter((v) => {
    const plain = typeof v === "object" && v !== null && v.type === "numeric" && Object.keys(v).every((k) => ["type", "minValue", "maxValue"].includes(k));
    if (!plain || out.min !== undefined || out.max !== undefined) return true;
    if (v.minValue !== undefined) out.min = v.minValue;
    if (v.maxValue !== undefined) out.max = v.maxValue;
    return false;
  });
  return out;
}

/** One spelling for what means the same: texts as locale maps, bare choices as objects, expressions as survey-core prints them. */
function normal(value: unknown, key = ""): unknown {
  if (EXPRESSIONS.has(key) && typeof value === "string") return new ConditionsParser().parseExpression(value)?.toString();
  if (["title", "description", "text", "html", "requiredErrorText"].includes(key) && typeof value === "string") return { default: value };
  if (Array.isArray(value)) return value.map((v) => (key === "choices" && typeof v === "string" ? { value: v, text: { default: v } } : normal(v)));
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = {};
    const filled = (value as { type?: unknown }).type === "rating" ? { ...RATING_DEFAULTS, ...value } : limitsAsProperties(value as Record<string, unknown>);
    for (const [k, v] of Object.entries(filled)) if (!(k === "isRequired" && v === false) && !(k === "validators" && Array.isArray(v) && v.length === 0)) out[k] = normal(v, k);
    return out;
  }
  return value;
}

/** A verdict without its wording: which answers were refused, and why, by code. */
const verdict = (r: CheckResult) => (r.ok ? { ok: true, data: r.data, notAsked: [...r.notAsked].sort() } : { ok: false, errors: r.errors.map((e) => [e.question, e.code]) });

describe.each(FIXTURES)("round trip of %s", (_, json) => {
  const { sheets, notes } = toXlsForm(json);
  const back = fromXlsForm(bookOfSheets(sheets));

  it("reads back without a problem, and lists on the notes sheet every note", () => {
    expect(back.ok ? [] : back.problems).toEqual([]);
    const notesSheet = sheets.find((s) => s.name === "notes");
    expect(notesSheet?.rows.map((r) => r.cells)).toEqual(notes.map((n) => [n.question, n.property, n.value]));
  });

  it("gives back, equal, everything the notes do not list", () => {
    if (!back.ok) return;
    expect(normal(back.json)).toEqual(normal(withoutNoted(json, notes)));
  });

  it("is checked the same before and after", () => {
    if (!back.ok) return;
    const expected = withoutNoted(json, notes);
    const before = createModelChecker(expected);
    const after = createModelChecker(back.json);
    const seen = { accepted: 0, rejected: 0 };
    fc.assert(
      fc.property(answerSetArb(expected), (set) => {
        const was = verdict(runOn(before, set));
        expect(verdict(runOn(after, set))).toEqual(was);
        seen[was.ok ? "accepted" : "rejected"]++;
      }),
      { seed: 13, numRuns: 150, endOnFailure: true },
    );
    expect(seen.accepted).toBeGreaterThan(0);
    expect(seen.rejected).toBeGreaterThan(0);
  }, 180_000);
});

it("keeps every question of the reference questionnaire on the survey sheet, with skip logic and limits", () => {
  const { sheets, notes } = toXlsForm(FIXTURES[0]![1]);
  const survey = sheets[0]!;
  const col = (name: string) => survey.headers.indexOf(name);
  const names = survey.rows.map((r) => r.cells[col("name")]);
  expect(notes.filter((n) => n.property === "(question)")).toEqual([]);
  for (const q of ["city", "level", "org_type", "staff_count", "member_count", "main_problems", "suggestions", "role_political"]) expect(names).toContain(q);
  // The ratings are XLSForm ranges, SurveyJS's default scale written out.
  const rating = survey.rows.find((r) => r.cells[col("name")] === "role_political")!.cells;
  expect([rating[col("type")], rating[col("parameters")]]).toEqual(["range", "start=1 end=5 step=1"]);
  const member = survey.rows.find((r) => r.cells[col("name")] === "member_count")!.cells;
  expect(member[col("relevant")]).toBe("${level} = '社会组织'");
  expect(member[col("type")]).toBe("decimal");
  // One constraint per row: the first validator the column can say; the others are notes.
  expect(member[col("constraint")]).toBe(". >= 0 and . <= 1000000");
  expect(notes.filter((n) => n.question === "member_count").map((n) => n.property)).toEqual(["validators[1]", "validators[2]", "min"]);
});

/** Pages, panels and questions by name, however deep (what a note's question names). */
function elementsByName(json: unknown): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  const walk = (list: unknown) => {
    if (!Array.isArray(list)) return;
    for (const e of list as Record<string, unknown>[]) {
      if (typeof e?.name === "string") out.set(e.name, e);
      walk(e?.elements);
      walk(e?.templateElements);
    }
  };
  walk((json as { pages?: unknown }).pages);
  return out;
}

it("says every property of every element of the kitchen sink in a column or on the notes sheet", () => {
  const json = FIXTURES[1]![1];
  const { sheets, notes } = toXlsForm(json);
  const back = fromXlsForm(bookOfSheets(sheets));
  if (!back.ok) throw new Error("the kitchen sink does not read back");
  const noted = new Set(notes.map((n) => `${n.question}.${n.property}`));
  const expected = elementsByName(normal(withoutNoted(json, notes)));
  const got = elementsByName(normal(back.json));
  const lost: string[] = [];
  for (const [name, element] of elementsByName(json)) {
    if (noted.has(`${name}.(question)`)) continue;
    for (const key of Object.keys(element)) {
      if (key === "elements" || key === "templateElements" || noted.has(`${name}.${key}`)) continue;
      if (!isDeepStrictEqual(expected.get(name)?.[key], got.get(name)?.[key])) lost.push(`${name}.${key}`);
    }
  }
  for (const key of Object.keys(json)) {
    if (key !== "pages" && !noted.has(`(survey).${key}`) && !isDeepStrictEqual(normal(json[key], key), normal(back.json[key], key))) lost.push(`(survey).${key}`);
  }
  expect(lost).toEqual([]);
  // And each note names something the kitchen sink has: the notes are not padding.
  const all = elementsByName(json);
  for (const n of notes) {
    const owner = n.question === "(survey)" ? json : all.get(n.question);
    expect(owner, `${n.question}.${n.property}`).toBeDefined();
    if (n.property !== "(question)") expect(Object.keys(owner!), `${n.question}.${n.property}`).toContain(n.property.split(/[.[]/)[0]);
  }
  // The sink's own kinds of question the sheet can say: each is on the survey sheet, none is a whole note.
  const whole = notes.filter((n) => n.property === "(question)").map((n) => String((all.get(n.question) as { type?: string }).type));
  expect(new Set(whole)).toEqual(new Set(["dropdown", "ranking", "matrix", "matrixdynamic", "matrixdropdown", "multipletext", "expression", "imagepicker", "image"]));
});
