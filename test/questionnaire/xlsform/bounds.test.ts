// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm writes question references as ${name}, in plain strings.
/** Limits as constraints: a number's min/max and a text's length, both ways, checked the same after the trip. */
import { describe, expect, it } from "vitest";
import { fromXlsForm } from "../../../src/questionnaire/xlsform/from-xlsform.js";
import { bookOf } from "./book-of.js";
import { roundTripOf } from "./round-trip-of.js";

const elementsOf = (survey: string[][]) => {
  const result = fromXlsForm(bookOf({ survey }));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return (result.json.pages as { elements: unknown[] }[])[0]!.elements;
};

describe("reading a constraint that only sets limits", () => {
  it("is a number's min and max without a message, a numeric validator with one", () => {
    expect(
      elementsOf([
        ["type", "name", "constraint", "constraint_message"],
        ["decimal", "share", ". >= 0 and . <= 100", ""],
        ["integer", "age", ". >= 18", "成年人"],
        ["decimal", "odd", ". >= 0 or . <= 100", ""],
      ]),
    ).toEqual([
      { type: "text", inputType: "number", name: "share", min: 0, max: 100 },
      {
        type: "text",
        inputType: "number",
        validators: [
          { type: "regex", regex: "^-?\\d+$" },
          { type: "numeric", minValue: 18, text: "成年人" },
        ],
        name: "age",
      },
      { type: "text", inputType: "number", name: "odd", validators: [{ type: "expression", expression: "{odd} >= 0 or {odd} <= 100" }] },
    ]);
  });

  it("is a text's maxLength without a message, a text validator with one or with a minimum", () => {
    expect(
      elementsOf([
        ["type", "name", "appearance", "constraint", "constraint_message"],
        ["text", "remark", "multiline", "string-length(.) <= 300", ""],
        ["text", "org", "", "string-length(.) >= 2 and string-length(.) <= 50", "2至50个字"],
        ["text", "code", "", "string-length(.) >= 4", ""],
        ["text", "half", "", "string-length(.) <= 2.5", ""],
      ]),
    ).toEqual([
      { type: "comment", name: "remark", maxLength: 300 },
      { type: "text", name: "org", validators: [{ type: "text", minLength: 2, maxLength: 50, text: "2至50个字" }] },
      { type: "text", name: "code", validators: [{ type: "text", minLength: 4 }] },
      { type: "text", name: "half", validators: [{ type: "expression", expression: "{half.length} <= 2.5" }] },
    ]);
  });
});

describe("writing limits", () => {
  const trip = roundTripOf({
    pages: [
      {
        name: "page1",
        elements: [
          { type: "text", inputType: "number", name: "members", min: 3, max: 5000 },
          { type: "text", inputType: "number", name: "meetings", validators: [{ type: "numeric", minValue: 0, maxValue: 52 }] },
          { type: "comment", name: "improvement", maxLength: 5 },
          { type: "text", name: "org", validators: [{ type: "text", minLength: 2, maxLength: 10, text: { default: "2至10个字", en: "2 to 10 characters" } }] },
          { type: "text", name: "plain", validators: [{ type: "text", maxLength: 10 }] },
        ],
      },
    ],
  });

  it("puts each in the constraint column, a validator's text in constraint_message", () => {
    expect(trip.row("members")).toMatchObject({ type: "decimal", constraint: ". >= 3 and . <= 5000" });
    expect(trip.row("meetings")).toMatchObject({ type: "decimal", constraint: ". >= 0 and . <= 52" });
    expect(trip.row("improvement")).toMatchObject({ type: "text", appearance: "multiline", constraint: "string-length(.) <= 5" });
    expect(trip.row("org")).toMatchObject({
      constraint: "string-length(.) >= 2 and string-length(.) <= 10",
      "constraint_message::zh-Hans": "2至10个字",
      "constraint_message::en": "2 to 10 characters",
    });
    // Without a message it would read back as maxLength, which refuses otherwise (too_long): a note.
    expect(trip.row("plain").constraint).toBeUndefined();
    expect(trip.notes).toEqual([{ question: "plain", property: "validators[0]", value: '{"type":"text","maxLength":10}' }]);
  });

  it("reads them back as they were (a plain numeric validator as the min/max it means)", () => {
    const [members, meetings, improvement, org] = (trip.json.pages as { elements: unknown[] }[])[0]!.elements;
    expect(members).toEqual({ type: "text", inputType: "number", name: "members", min: 3, max: 5000 });
    expect(meetings).toEqual({ type: "text", inputType: "number", name: "meetings", min: 0, max: 52 });
    expect(improvement).toEqual({ type: "comment", name: "improvement", maxLength: 5 });
    expect(org).toEqual({ type: "text", name: "org", validators: [{ type: "text", minLength: 2, maxLength: 10, text: { default: "2至10个字", en: "2 to 10 characters" } }] });
  });

  it("refuses and accepts the same answers before and after", () => {
    const same = (data: Record<string, unknown>) => {
      const [before, after] = trip.verdicts(data);
      expect(after).toEqual(before);
      return before;
    };
    expect(same({ members: 2 })).toEqual([["members", "invalid"]]);
    expect(same({ members: 5001, meetings: 53 })).toEqual([
      ["members", "invalid"],
      ["meetings", "invalid"],
    ]);
    expect(same({ improvement: "太长了的文字" })).toEqual([["improvement", "too_long"]]);
    expect(same({ org: "短" })).toEqual([["org", "invalid"]]);
    expect(same({ members: 3, meetings: 52, improvement: "短", org: "正好" })).toEqual([]);
  });
});

describe("a date's limits", () => {
  it("read from date() bounds, the message as the limits' error texts; other uses of date() are refused by name", () => {
    expect(
      elementsOf([
        ["type", "name", "constraint", "constraint_message"],
        ["date", "founded", ". >= date('1921-07-01') and . <= date('2025-12-31')", ""],
        ["date", "born", ". <= date('2010-01-01')", "太年轻"],
      ]),
    ).toEqual([
      { type: "text", inputType: "date", name: "founded", min: "1921-07-01", max: "2025-12-31" },
      { type: "text", inputType: "date", name: "born", max: "2010-01-01", maxErrorText: "太年轻" },
    ]);
    const odd = fromXlsForm(
      bookOf({
        survey: [
          ["type", "name", "relevant"],
          ["date", "d", "${d} > date('2020-01-01')"],
        ],
      }),
    );
    expect(odd.ok ? [] : odd.problems.map((p) => [p.row, p.column, p.code])).toEqual([[2, "relevant", "unsupported_expression"]]);
  });

  it("written and read back, refusing the same days before and after", () => {
    const trip = roundTripOf({ pages: [{ name: "page1", elements: [{ type: "text", inputType: "date", name: "founded", min: "1921-07-01", max: "2025-12-31" }] }] });
    expect(trip.row("founded")).toMatchObject({ type: "date", constraint: ". >= date('1921-07-01') and . <= date('2025-12-31')" });
    expect(trip.notes).toEqual([]);
    for (const founded of ["1921-06-30", "1921-07-01", "2025-12-31", "2026-01-01"]) {
      const [before, after] = trip.verdicts({ founded });
      expect(after).toEqual(before);
    }
    expect(trip.verdicts({ founded: "2026-01-01" })[1]).toEqual([["founded", "invalid"]]);
  });
});
