// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm writes question references as ${name}, in plain strings.
/** XLSForm's repeat read as SurveyJS's dynamic panel: its questions, their names in expressions, and what is refused. */
import { describe, expect, it } from "vitest";
import { say } from "../../../i18n/phrase.js";
import { fromXlsForm } from "../../../src/questionnaire/xlsform/from-xlsform.js";
import { createModelChecker } from "../../../src/validation/answers.js";
import { bookOf } from "./book-of.js";
import { roundTripOf } from "./round-trip-of.js";

const HEAD = ["type", "name", "label", "relevant", "constraint"];

describe("a repeat", () => {
  const result = fromXlsForm(
    bookOf({
      survey: [
        HEAD,
        ["integer", "members", "How many members", "", ""],
        ["begin_repeat", "member", "Member", "${members} > 0", ""],
        ["text", "member_name", "Name", "", ""],
        ["integer", "age", "Age", "${member_name} != ''", ". >= 18 and . <= ${members} * 100"],
        ["end_repeat", "member", "", "", ""],
      ],
    }),
  );

  it("is a dynamic panel whose questions name each other as SurveyJS does inside it ({panel.q})", () => {
    expect(result.ok ? [] : result.problems).toEqual([]);
    if (!result.ok) return;
    const elements = (result.json.pages as { elements: unknown[] }[])[0]!.elements;
    expect(elements[1]).toEqual({
      type: "paneldynamic",
      name: "member",
      title: "Member",
      visibleIf: "{members} > 0",
      templateElements: [
        { type: "text", name: "member_name", title: "Name" },
        {
          type: "text",
          inputType: "number",
          name: "age",
          title: "Age",
          visibleIf: "{panel.member_name} notempty",
          validators: [
            { type: "regex", regex: "^-?\\d+$" },
            { type: "expression", expression: "{panel.age} >= 18 and {panel.age} <= {members} * 100" },
          ],
        },
      ],
    });
  });

  it("is checked entry by entry", () => {
    if (!result.ok) return;
    const check = createModelChecker(result.json);
    expect(check({ members: 1, member: [{ member_name: "张三", age: 40 }] }, { complete: true }).ok).toBe(true);
    const refused = check({ members: 1, member: [{ member_name: "张三", age: 12 }] }, { complete: true });
    expect(refused.ok ? [] : refused.errors.map((e) => e.question)).toEqual(["member"]);
    expect(
      check(
        {
          members: 1,
          member: [
            { member_name: "张三", age: 18 },
            { member_name: "李四", age: 100 },
          ],
        },
        { complete: true },
      ).ok,
    ).toBe(true);
  });
});

it("refuses, by row, a repeat's question named from outside it, a repeat in a repeat, and ends that close the wrong thing", () => {
  const result = fromXlsForm(
    bookOf({
      survey: [
        HEAD,
        ["begin_repeat", "r", "R", "", ""],
        ["text", "inner", "Inner", "", ""],
        ["begin_repeat", "rr", "RR", "", ""],
        ["end_group", "", "", "", ""],
        ["end_repeat", "", "", "", ""],
        ["text", "outer", "Outer", "${inner} = 'x'", ""],
        ["begin_repeat", "open", "Open", "", ""],
      ],
    }),
  );
  expect(result.ok ? [] : result.problems.map((p) => [p.row, p.column, p.value, p.code])).toEqual([
    [4, "type", "begin_repeat", "unknown_type"],
    [5, "type", "end_group", "stray_end_group"],
    [7, "relevant", "${inner} = 'x'", "unsupported_expression"],
    [8, "type", "begin_repeat", "unclosed_repeat"],
  ]);
  if (result.ok) return;
  expect(say("en", result.problems[1]!.wording)).toBe("This end_group closes no begin_group.");
  expect(say("zh-Hans", result.problems[3]!.wording)).toBe("“open”没有用 end_repeat 结束。");
  expect(say("zh-Hant", result.problems[2]!.wording)).toContain("「${inner}」無法轉換");
});

describe("a dynamic panel through the sheets", () => {
  const trip = roundTripOf({
    pages: [
      {
        name: "page1",
        elements: [
          {
            type: "paneldynamic",
            name: "members",
            title: "支委会成员",
            maxPanelCount: 5,
            templateElements: [
              { type: "boolean", name: "is_secretary", title: "是否为书记" },
              { type: "text", name: "since", inputType: "number", visibleIf: "{panel.is_secretary} = true", min: 1949 },
              { type: "paneldynamic", name: "terms", templateElements: [{ type: "text", name: "term" }] },
            ],
          },
        ],
      },
    ],
  });

  it("is a repeat, its siblings named ${q}, what a repeat cannot say on the notes", () => {
    const survey = trip.sheet("survey");
    const type = survey.headers.indexOf("type");
    expect(survey.rows.map((r) => r.cells[type])).toEqual(["begin_repeat", "select_one boolean_is_secretary", "decimal", "end_repeat"]);
    expect(trip.row("since")).toMatchObject({ relevant: "${is_secretary} = 'true'", constraint: ". >= 1949" });
    expect(trip.notes.map((n) => [n.question, n.property])).toEqual([
      ["members", "maxPanelCount"],
      ["terms", "(question)"],
    ]);
  });

  it("reads back as the dynamic panel it was, checked the same entry by entry", () => {
    const [members] = (trip.json.pages as { elements: { templateElements: unknown[] }[] }[])[0]!.elements;
    expect(members!.templateElements[1]).toEqual({ type: "text", name: "since", inputType: "number", visibleIf: "{panel.is_secretary} = true", min: 1949 });
    for (const data of [
      { members: [{ is_secretary: true, since: 1948 }] },
      { members: [{ is_secretary: true, since: 2000 }, { is_secretary: false }] },
      { members: [{ is_secretary: "yes" }] },
    ]) {
      const [before, after] = trip.verdicts(data);
      expect(after).toEqual(before);
    }
    expect(trip.verdicts({ members: [{ is_secretary: true, since: 1948 }] })[1]).not.toEqual([]);
  });
});
