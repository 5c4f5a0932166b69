/**
 * The reader on XLSForm files it was not written against: pyxform's own fixtures and ODK's
 * (test/fixtures/xlsform/README.md names each source, commit and licence).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { say } from "../../../i18n/phrase.js";
import { AppError } from "../../../src/errors.js";
import { checkQuestionnaire, listQuestions } from "../../../src/questionnaire/check.js";
import { fromXlsForm } from "../../../src/questionnaire/xlsform/from-xlsform.js";
import { questionnaireFromXlsx } from "../../../src/services/xlsform/index.js";
import { readBook } from "../../../src/services/xlsform/workbook.js";

const bytes = (name: string) => new Uint8Array(readFileSync(`test/fixtures/xlsform/${name.includes("-") ? name : `pyxform-${name}`}.xlsx`));

/**
 * The names of the question rows of a survey sheet, read independently of the converter: every
 * row with a type that is neither a group's beginning nor an end; `inRepeat` gives those between
 * a repeat's begin and end rows (a repeat's own row is one question), otherwise those outside.
 */
async function questionRows(name: string, inRepeat = false): Promise<string[]> {
  const survey = (await readBook(bytes(name))).get("survey")!;
  const type = survey.headers.indexOf("type");
  const column = survey.headers.indexOf("name");
  const out: string[] = [];
  let depth = 0;
  for (const r of survey.rows) {
    const t = r.cells[type]?.trim() ?? "";
    if (/^end[ _]repeat/.test(t)) depth--;
    if (t === "" || /^(begin[ _]group|end[ _])/.test(t)) continue;
    if (depth > 0 === inRepeat) out.push(r.cells[column]!.trim());
    if (/^begin[ _]repeat/.test(t)) depth++;
  }
  return out;
}

/** The 422 of a workbook, each problem as [sheet, row, column, value, code]. */
async function refusal(name: string): Promise<{ app: AppError; brief: unknown[][] }> {
  const error = await questionnaireFromXlsx(bytes(name)).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  const app = error as AppError;
  expect(app.status).toBe(422);
  const brief = (app.errors ?? []).map((e) => {
    const p = e as { sheet?: string; row?: number; column?: string; value?: string };
    return [p.sheet, p.row, p.column, p.value, e.code];
  });
  return { app, brief };
}

describe.each([
  ["text_and_integer", { your_name: "text", your_age: "text" }],
  ["yes_or_no_question", { good_day: "radiogroup" }],
  ["specify_other", { sex: "radiogroup" }],
  ["odk-central-simple", { name: "text", age: "text" }],
  ["odk-pyodk-simple_repeat", { session_num: "text", today: "text", name: "text", observation: "paneldynamic" }],
])("%s", (name, types) => {
  it("converts with every question kept, ready to publish", async () => {
    const result = fromXlsForm(await readBook(bytes(name)));
    expect(result.ok ? [] : result.problems).toEqual([]);
    if (!result.ok) return;
    expect(checkQuestionnaire(result.json)).toEqual([]);
    const questions = listQuestions(result.json);
    expect(questions.map((q) => q.key)).toEqual(await questionRows(name));
    expect(Object.fromEntries(questions.map((q) => [q.key, q.type]))).toEqual(types);
  });
});

it("keeps the English labels, the integer rule and the other item", async () => {
  const text = fromXlsForm(await readBook(bytes("text_and_integer")));
  expect(text.ok && text.json.pages).toEqual([
    {
      name: "page1",
      elements: [
        { type: "text", name: "your_name", title: { en: "What is your name?" } },
        { type: "text", inputType: "number", validators: [{ type: "regex", regex: "^-?\\d+$" }], name: "your_age", title: { en: "How many years old are you?" } },
      ],
    },
  ]);
  const other = fromXlsForm(await readBook(bytes("specify_other")));
  expect(other.ok && other.json.pages).toMatchObject([
    {
      elements: [
        {
          name: "sex",
          showOtherItem: true,
          choices: [
            { value: "male", text: { en: "Male" } },
            { value: "female", text: { en: "Female" } },
          ],
        },
      ],
    },
  ]);
});

describe.each([
  ["group", [[4, "phone number"]]],
  [
    "loop",
    [
      [3, "begin loop over toilet_type"],
      [5, "end loop"],
    ],
  ],
])("pyxform's %s", (name, refused) => {
  it("is refused with a 422 that names each construct not read, by row", async () => {
    const error = await questionnaireFromXlsx(bytes(name)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    const app = error as AppError;
    expect(app.status).toBe(422);
    expect(app.errors?.map((e) => [(e as { row?: number }).row, (e as { value?: string }).value, e.code])).toEqual(refused.map(([row, value]) => [row, value, "unknown_type"]));
    expect(say("zh-Hans", app.errors![0]!.wording!)).toContain(`“${refused[0]![1]}”不是可读取的题型`);
  });
});

describe("ODK's forms with constructs not read", () => {
  it("pyodk's fav_color: the 422 names the geopoint and its appearance, and nothing the reader takes", async () => {
    const { app, brief } = await refusal("odk-pyodk-fav_color");
    // Its `audit` row (device metadata, with `parameters`) is skipped as pyxform's metadata is; its
    // labels in English (en) and French (fr), `true()` requirements and `selected()` are read.
    expect(brief).toEqual([
      ["survey", 6, "appearance", "hide-input", "unsupported_appearance"],
      ["survey", 6, "type", "geopoint", "unknown_type"],
    ]);
    expect(say("en", app.errors![1]!.wording!)).toContain("'geopoint' is not a question type read here");
    expect(say("zh-Hant", app.errors![1]!.wording!)).toContain("「geopoint」不是可讀取的題型");
  });
});

it("pyodk's simple_repeat is a dynamic panel holding the repeat's questions; its `string` questions are text", async () => {
  const result = fromXlsForm(await readBook(bytes("odk-pyodk-simple_repeat")));
  const repeat = result.ok ? (result.json.pages as { elements: { name: string; templateElements?: { name: string }[] }[] }[])[0]!.elements.at(-1) : undefined;
  expect(repeat?.templateElements?.map((e) => e.name)).toEqual(await questionRows("odk-pyodk-simple_repeat", true));
  expect(repeat?.templateElements?.map((e) => e.name)).toEqual(["thing", "count", "notes"]);
});
