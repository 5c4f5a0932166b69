// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm writes question references as ${name}, in plain strings.
import fc from "fast-check";
import { ConditionsParser } from "survey-core";
import { describe, expect, it } from "vitest";
import type { BinaryOp, Expr } from "../../../src/questionnaire/xlsform/expression.js";
import { printSurveyJs, readSurveyJs } from "../../../src/questionnaire/xlsform/surveyjs-syntax.js";
import { surveyJsToXlsForm, xlsFormToSurveyJs } from "../../../src/questionnaire/xlsform/translate-expression.js";
import { printXlsForm, readXlsForm } from "../../../src/questionnaire/xlsform/xlsform-syntax.js";

/** survey-core's own normal form of an expression, so tests compare meaning, not spacing. */
const normal = (text: string) => new ConditionsParser().parseExpression(text)?.toString();

describe("XLSForm → SurveyJS", () => {
  const cases: [string, string, { self?: string; multiple?: string[] }?][] = [
    ["${q} = 'a'", "{q} = 'a'"],
    ["selected(${q}, 'a')", "{q} contains 'a'"],
    ["selected(${q}, 'a')", "{q} = 'a'", { multiple: [] }],
    [". <= ${staff}", "{n} <= {staff}", { self: "n" }],
    ["${a} > 3 and (${b} = 'x' or not(selected(${c}, 'y')))", "{a} > 3 and ({b} = 'x' or !({c} contains 'y'))"],
    ["${a} != '' and ${b} = ''", "{a} notempty and {b} empty"],
    ["count-selected(${c}) <= 3", "{c.length} <= 3"],
    ["string-length(.) >= 11", "{phone.length} >= 11", { self: "phone" }],
    ["${x} div 2 + ${y} mod 3 - -1.5 >= 0", "{x} / 2 + {y} % 3 - -1.5 >= 0"],
    ["${yes} = true() or ${n} = 1", "{yes} = true or {n} = 1"],
  ];
  it.each(cases)("%s", (xls, sjs, options) => {
    const ctx = { self: options?.self, isMultiple: options?.multiple ? (n: string) => options.multiple!.includes(n) : undefined };
    const out = xlsFormToSurveyJs(xls, ctx);
    expect(out.ok).toBe(true);
    if (out.ok) expect(normal(out.text)).toBe(normal(sjs));
  });

  it.each([
    ["pulldata('fruits', 'name', 'key', ${q})", "pulldata()"],
    ["${a} = 1 and today() > ${d}", "today()"],
    [". > 3", "."],
    ["${a} = ", "(end)"],
    ["${a} | ${b}", "| ${b}"],
    ["/data/q = 1", "/data/q = 1"],
    ["selected(${q})", "selected()"],
    // survey-core reads no string that holds a quote mark of either kind.
    ['${name} = "it\'s"', "it's"],
  ])("refuses %s, naming %s", (xls, construct) => {
    expect(xlsFormToSurveyJs(xls)).toEqual({ ok: false, construct });
  });
});

describe("SurveyJS → XLSForm", () => {
  it.each([
    ["{level} = '社会组织' and {party_org_form} notempty and {party_org_form} != '未建立'", "${level} = '社会组织' and ${party_org_form} != '' and ${party_org_form} != '未建立'"],
    ["{activities} notempty and !({activities} contains 'none')", "${activities} != '' and not(selected(${activities}, 'none'))"],
    ["{activities} notcontains 'none'", "not(selected(${activities}, 'none'))"],
    ["{satisfaction} <= 2", "${satisfaction} <= 2"],
    ["{meetings_per_year} >= 4 or {org_type} <> 'branch'", "${meetings_per_year} >= 4 or ${org_type} != 'branch'"],
    ["{has_secretary} = true", "${has_secretary} = true()"],
    ["{a} - ({b} - {c}) * 2", "${a} - (${b} - ${c}) * 2"],
    ["({a} = 1) = ({b} < 2)", "(${a} = 1) = (${b} < 2)"],
  ])("%s", (sjs, xls) => {
    expect(surveyJsToXlsForm(sjs)).toEqual({ ok: true, text: xls });
  });

  it("writes the question's own value as . in its constraint", () => {
    expect(surveyJsToXlsForm("{member_count} <= {staff_count}", { self: "member_count" })).toEqual({ ok: true, text: ". <= ${staff_count}" });
  });

  it.each([
    ["sumInArray({trainings}, 'hours')", "sumInArray()"],
    ["{org_level} anyof ['a', 'b']", "anyof"],
    ["{panel.is_secretary} = true", "{panel.is_secretary}"],
    ["{a} ^ 2 > 1", "power"],
    ["{a} = 'x\"y''", "{a} = 'x\"y''"],
  ])("refuses %s, naming %s", (sjs, construct) => {
    expect(surveyJsToXlsForm(sjs)).toEqual({ ok: false, construct });
  });
});

const NAMES = ["q", "a_1", "staff", "组织"];
const OPS: BinaryOp[] = ["and", "or", "=", "!=", "<", "<=", ">", ">=", "+", "-", "*", "/", "%"];
const exprArb: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((tie) => ({
  e: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom(...NAMES).map((name): Expr => ({ kind: "ref", name })),
    fc
      .oneof(
        fc.integer({ min: -999, max: 999 }).map((n) => (n === 0 ? 0 : n)),
        fc.integer({ min: 1, max: 99 }).map((n) => n / 4),
        fc.boolean(),
        fc.constantFrom("a", "社会组织", "x y", "1"),
      )
      .map((value): Expr => ({ kind: "literal", value })),
    tie("e").map((operand): Expr => ({ kind: "not", operand })),
    fc.record({ op: fc.constantFrom(...OPS), left: tie("e"), right: tie("e") }).map((b): Expr => ({ kind: "binary", ...b })),
    fc.record({ name: fc.constantFrom(...NAMES), value: fc.constantFrom("a", "未建立", "x y") }).map((s): Expr => ({ kind: "selected", ...s })),
    fc.record({ name: fc.constantFrom(...NAMES), of: fc.constant("choices" as const) }).map((l): Expr => ({ kind: "length", ...l })),
    fc.record({ name: fc.constantFrom(...NAMES), negated: fc.boolean() }).map((l): Expr => ({ kind: "empty", ...l })),
  ),
})).e;

describe("round trips", () => {
  it("XLSForm text reads back as the tree it was printed from", () => {
    fc.assert(
      fc.property(exprArb, (e) => {
        expect(readXlsForm(printXlsForm(e))).toEqual(e);
      }),
    );
  });
  it("SurveyJS text reads back as the tree it was printed from, and survey-core parses it", () => {
    fc.assert(
      fc.property(exprArb, (e) => {
        expect(readSurveyJs(printSurveyJs(e))).toEqual(e);
      }),
    );
  });
  it("XLSForm → SurveyJS → XLSForm gives the same text", () => {
    fc.assert(
      fc.property(exprArb, (e) => {
        const xls = printXlsForm(e);
        const there = xlsFormToSurveyJs(xls);
        expect(there.ok).toBe(true);
        if (there.ok) expect(surveyJsToXlsForm(there.text)).toEqual({ ok: true, text: xls });
      }),
    );
  });
});
