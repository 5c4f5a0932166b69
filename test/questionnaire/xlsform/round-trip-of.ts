/** A questionnaire through the sheets and back, and the answer checker's verdict on one answer set before and after. */
import type { JsonObject } from "../../../src/questionnaire/json.js";
import { fromXlsForm } from "../../../src/questionnaire/xlsform/from-xlsform.js";
import { toXlsForm } from "../../../src/questionnaire/xlsform/to-xlsform.js";
import { createModelChecker } from "../../../src/validation/answers.js";

export function roundTripOf(json: JsonObject) {
  const { sheets, notes } = toXlsForm(json);
  const back = fromXlsForm(new Map(sheets.map((s) => [s.name, s])));
  if (!back.ok) throw new Error(JSON.stringify(back.problems));
  const sheet = (name: string) => sheets.find((s) => s.name === name)!;
  /** The cells of a survey row by header, for the question named. */
  const row = (name: string) => {
    const survey = sheet("survey");
    const cells = survey.rows.find((r) => r.cells[survey.headers.indexOf("name")] === name)!.cells;
    return Object.fromEntries(survey.headers.map((h, i) => [h, cells[i]]).filter(([, v]) => v !== ""));
  };
  const before = createModelChecker(json);
  const after = createModelChecker(back.json);
  /** The question names and codes refused (or [] when accepted), before and after. */
  const verdicts = (data: Record<string, unknown>) =>
    [before, after].map((check) => {
      const r = check(structuredClone(data), { complete: true });
      return r.ok ? [] : r.errors.map((e) => [e.question, e.code]);
    });
  return { sheets, notes, json: back.json, sheet, row, verdicts };
}
