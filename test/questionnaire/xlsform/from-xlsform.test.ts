// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm writes question references as ${name}, in plain strings.
import { describe, expect, it } from "vitest";
import { say } from "../../../i18n/phrase.js";
import { checkQuestionnaire } from "../../../src/questionnaire/check.js";
import { fromXlsForm } from "../../../src/questionnaire/xlsform/from-xlsform.js";
import { bookOf } from "./book-of.js";

const SURVEY_HEAD = [
  "type",
  "name",
  "label::zh-Hans",
  "label::zh-Hant",
  "label::en",
  "hint::zh-Hans",
  "required",
  "relevant",
  "constraint",
  "constraint_message::zh-Hans",
  "appearance",
];
const CHOICES = [
  ["list_name", "name", "label::zh-Hans", "label::zh-Hant", "label::en"],
  ["yes_no", "yes", "是", "是", "Yes"],
  ["yes_no", "no", "否", "否", "No"],
  ["acts", "三会一课", "三会一课", "三會一課", "Three meetings and one lesson"],
  ["acts", "none", "均未开展", "均未開展", "None"],
];

describe("fromXlsForm", () => {
  it("reads every type, language, requirement, relevance, constraint and group", () => {
    const result = fromXlsForm(
      bookOf({
        survey: [
          SURVEY_HEAD,
          ["select_one yes_no", "hub", "是否枢纽型组织", "是否樞紐型組織", "Hub organisation?", "", "yes", "", "", "", ""],
          ["begin_group", "counts", "人数", "人數", "Numbers", "", "", "${hub} = 'yes'", "", "", "field-list"],
          ["integer", "staff", "从业人员", "從業人員", "Staff", "填写人数", "yes", "", ". >= 0 and . <= 1000000", "请填写0至100万", ""],
          ["integer", "members", "党员", "黨員", "Members", "", "TRUE", "", ". <= ${staff}", "不能超过从业人员", ""],
          ["end_group", "", "", "", "", "", "", "", "", "", ""],
          ["select_multiple acts or_other", "activities", "开展的活动", "開展的活動", "Activities", "", "", "", "count-selected(.) <= 3", "", "minimal"],
          ["decimal", "budget", "经费", "經費", "Budget", "", "", "selected(${activities}, 'none') and ${hub} != ''", "", "", ""],
          ["date", "founded", "成立日期", "成立日期", "Founded", "", "", "", "", "", ""],
          ["text", "suggestions", "建议", "建議", "Suggestions", "", "no", "not(selected(${activities}, 'none'))", "", "", "multiline"],
          ["note", "thanks", "谢谢", "謝謝", "Thanks", "", "", "", "", "", ""],
        ],
        choices: CHOICES,
        settings: [
          ["form_title::zh-Hans", "form_title::en", "default_language"],
          ["党建调查", "Party-building survey", "zh-Hans"],
        ],
      }),
    );
    expect(result).toEqual({
      ok: true,
      json: {
        title: { default: "党建调查", en: "Party-building survey" },
        pages: [
          {
            name: "page1",
            elements: [
              {
                type: "radiogroup",
                name: "hub",
                isRequired: true,
                title: { default: "是否枢纽型组织", "zh-tw": "是否樞紐型組織", en: "Hub organisation?" },
                choices: [
                  { value: "yes", text: { default: "是", "zh-tw": "是", en: "Yes" } },
                  { value: "no", text: { default: "否", "zh-tw": "否", en: "No" } },
                ],
              },
              {
                type: "panel",
                name: "counts",
                title: { default: "人数", "zh-tw": "人數", en: "Numbers" },
                visibleIf: "{hub} = 'yes'",
                elements: [
                  {
                    type: "text",
                    inputType: "number",
                    name: "staff",
                    title: { default: "从业人员", "zh-tw": "從業人員", en: "Staff" },
                    description: "填写人数",
                    isRequired: true,
                    validators: [
                      { type: "regex", regex: "^-?\\d+$" },
                      { type: "numeric", minValue: 0, maxValue: 1000000, text: "请填写0至100万" },
                    ],
                  },
                  {
                    type: "text",
                    inputType: "number",
                    name: "members",
                    title: { default: "党员", "zh-tw": "黨員", en: "Members" },
                    isRequired: true,
                    validators: [
                      { type: "regex", regex: "^-?\\d+$" },
                      { type: "expression", expression: "{members} <= {staff}", text: "不能超过从业人员" },
                    ],
                  },
                ],
              },
              {
                type: "tagbox",
                name: "activities",
                showOtherItem: true,
                title: { default: "开展的活动", "zh-tw": "開展的活動", en: "Activities" },
                choices: [
                  { value: "三会一课", text: { default: "三会一课", "zh-tw": "三會一課", en: "Three meetings and one lesson" } },
                  { value: "none", text: { default: "均未开展", "zh-tw": "均未開展", en: "None" } },
                ],
                validators: [{ type: "expression", expression: "{activities.length} <= 3" }],
              },
              {
                type: "text",
                inputType: "number",
                name: "budget",
                title: { default: "经费", "zh-tw": "經費", en: "Budget" },
                visibleIf: "{activities} contains 'none' and {hub} notempty",
              },
              { type: "text", inputType: "date", name: "founded", title: { default: "成立日期", "zh-tw": "成立日期", en: "Founded" } },
              { type: "comment", name: "suggestions", title: { default: "建议", "zh-tw": "建議", en: "Suggestions" }, visibleIf: "!({activities} contains 'none')" },
              { type: "html", name: "thanks", html: { default: "谢谢", "zh-tw": "謝謝", en: "Thanks" } },
            ],
          },
        ],
      },
    });
    if (result.ok) expect(checkQuestionnaire(result.json)).toEqual([]);
  });

  it("reads the headers of forms in the wild: plain label, language names, `begin group`, `list name`, style pages", () => {
    const result = fromXlsForm(
      bookOf({
        survey: [
          ["type", "name", "label::English (en)", "label::Chinese (zh)", "label::French (fr)", "$kuid"],
          ["start", "start", "", "", "", "a1"],
          ["begin group", "p1", "Part 1", "第一部分", "Partie 1", "a2"],
          ["select_one yn", "ok", "OK?", "好吗？", "D'accord ?", "a3"],
          ["end group", "", "", "", "", "a4"],
        ],
        choices: [
          ["list name", "name", "label::English (en)"],
          ["yn", "1", "Yes"],
          ["yn", "0", "No"],
        ],
        settings: [
          ["default_language", "style", "version"],
          ["English (en)", "pages", "2024"],
        ],
      }),
    );
    expect(result).toEqual({
      ok: true,
      json: {
        pages: [
          {
            name: "p1",
            title: { en: "Part 1", default: "第一部分", fr: "Partie 1" },
            elements: [
              {
                type: "radiogroup",
                name: "ok",
                title: { en: "OK?", default: "好吗？", fr: "D'accord ?" },
                choices: [
                  { value: "1", text: { en: "Yes" } },
                  { value: "0", text: { en: "No" } },
                ],
              },
            ],
          },
        ],
      },
    });
  });

  it("names every problem by sheet, row, column and value, in every language, and makes nothing", () => {
    const result = fromXlsForm(
      bookOf({
        survey: [
          ["type", "name", "label", "label::Klingon", "relevant", "constraint", "required", "calculation", "appearance"],
          ["select_one nolist", "a", "A", "", "", "", "", "", ""],
          ["geopoint", "where", "Where", "", "", "", "", "", ""],
          ["integer", "a", "Again", "", "pulldata('x', 'y', 'z', ${a})", "", "maybe", "", ""],
          ["text", "2bad", "Bad", "", "", ". > today()", "", "", "likert"],
          ["calculate", "c", "", "", "", "", "", "1 + 1", ""],
          ["end_group", "", "", "", "", "", "", "", ""],
          ["begin_group", "g", "G", "", "", "", "", "", ""],
        ],
        choices: [
          ["list_name", "name", "label"],
          ["yn", "y", "Y"],
          ["yn", "y", "Y again"],
          ["", "z", "Z"],
        ],
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const brief = result.problems.map(({ sheet, row, column, value, code }) => [sheet, row, column, value, code]);
    expect(brief).toEqual([
      ["choices", 3, "name", "y", "duplicate_choice"],
      ["choices", 4, "list_name", "z", "missing_list"],
      ["survey", 1, "label::Klingon", "Klingon", "unknown_language"],
      ["survey", 2, "type", "select_one nolist", "unknown_list"],
      ["survey", 3, "type", "geopoint", "unknown_type"],
      ["survey", 4, "name", "a", "duplicate_name"],
      ["survey", 5, "appearance", "likert", "unsupported_appearance"],
      ["survey", 5, "name", "2bad", "bad_name"],
      ["survey", 6, "calculation", "1 + 1", "unsupported_column"],
      ["survey", 6, "type", "calculate", "unknown_type"],
      ["survey", 7, "type", "end_group", "stray_end_group"],
      ["survey", 8, "type", "begin_group", "unclosed_group"],
    ]);
    const one = result.problems.find((p) => p.code === "unknown_list")!;
    expect(say("en", one.wording)).toBe("There is no choice list 'nolist' in the choices sheet.");
    expect(say("zh-Hans", one.wording)).toBe("choices 工作表中没有选项表“nolist”。");
    expect(say("zh-Hant", one.wording)).toBe("choices 工作表中沒有選項表「nolist」。");
  });

  it("reports a row's expressions, requirement and constraint when its name is fine", () => {
    const result = fromXlsForm(
      bookOf({
        survey: [
          ["type", "name", "relevant", "constraint", "required"],
          ["integer", "n", "pulldata('x', 'y', 'z', ${a})", ". > today()", "maybe"],
        ],
      }),
    );
    expect(result.ok ? [] : result.problems.map((p) => [p.row, p.column, p.value, p.code, say("en", p.wording)])).toEqual([
      [2, "required", "maybe", "bad_yes_no", "'maybe' is neither yes nor no."],
      [2, "relevant", "pulldata('x', 'y', 'z', ${a})", "unsupported_expression", expect.stringContaining("'pulldata()' in 'pulldata('x', 'y', 'z', ${a})' cannot be translated")],
      [2, "constraint", ". > today()", "unsupported_expression", expect.stringContaining("'today()'")],
    ]);
  });

  it("refuses a workbook without a survey sheet, and a survey sheet without questions", () => {
    expect(fromXlsForm(bookOf({ choices: [["list_name", "name"]] }))).toMatchObject({ ok: false, problems: [{ sheet: "survey", code: "missing_sheet" }] });
    expect(fromXlsForm(bookOf({ survey: [["type", "name"]] }))).toMatchObject({ ok: false, problems: [{ sheet: "survey", code: "no_questions" }] });
    expect(
      fromXlsForm(
        bookOf({
          survey: [
            ["type", "label"],
            ["text", "A"],
          ],
        }),
      ),
    ).toMatchObject({ ok: false, problems: [{ sheet: "survey", row: 1, column: "name", code: "missing_column" }] });
  });

  it("ignores KoboToolbox's form-builder lock column (kobo--locking-profile), which respondents never see", () => {
    const result = fromXlsForm(
      bookOf({
        survey: [
          ["type", "name", "label", "kobo--locking-profile"],
          ["text", "unit", "单位名称", "lock_all"],
        ],
      }),
    );
    expect(result.ok ? result.json.pages : result.problems).toEqual([{ name: "page1", elements: [{ type: "text", name: "unit", title: "单位名称" }] }]);
  });
});
