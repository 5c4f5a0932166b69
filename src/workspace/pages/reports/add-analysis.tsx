import { useEffect, useState } from "preact/hooks";
import type { Language } from "../../../../i18n/language.js";
import { api, surveyPath } from "../../api.js";
import { useWords } from "../../context.js";
import type { OfferedQuestion } from "./question-list.js";
import { ANALYSIS_KINDS, type AnalysisKind, type ReportItem } from "./report-types.js";

/** Which questions each field of each kind takes, by the questionnaire model's kinds. */
const CHOICE = ["single", "multi"];
const SINGLE = ["single"];
const NUMBER = ["number", "computed"];
const FIELDS: Record<AnalysisKind, { field: string; kinds: string[]; optional?: true }[]> = {
  frequencies: [{ field: "question", kinds: CHOICE }],
  crosstab: [
    { field: "row", kinds: CHOICE },
    { field: "column", kinds: SINGLE },
  ],
  ratio: [
    { field: "numerator", kinds: NUMBER },
    { field: "denominator", kinds: NUMBER },
    { field: "by", kinds: SINGLE, optional: true },
  ],
  numeric: [
    { field: "question", kinds: NUMBER },
    { field: "by", kinds: SINGLE, optional: true },
  ],
};

/**
 * A simple form for an analysis of the report (kind and questions), so the builder is usable on
 * its own; the workbench's "Add to report" adds analyses with their filters and weights.
 */
export function AddAnalysis({ survey, lang, onAdd }: { survey: string; lang: Language; onAdd: (item: ReportItem) => void }) {
  const w = useWords();
  const r = w.reports;
  const [questions, setQuestions] = useState<OfferedQuestion[] | null>(null);
  const [kind, setKind] = useState<AnalysisKind>("frequencies");
  const [chosen, setChosen] = useState<Record<string, string>>({});
  useEffect(() => {
    let live = true;
    void (async () => {
      const [{ json }, { offeredQuestions }] = await Promise.all([api<{ json: object }>(surveyPath(survey)), import("./question-list.js")]);
      if (live) setQuestions(offeredQuestions(json, lang));
    })();
    return () => {
      live = false;
    };
  }, [survey, lang]);
  if (!questions) return <p class="loading">{w.common.loading}</p>;
  const fields = FIELDS[kind];
  const offered = (kinds: string[]) => questions.filter((q) => kinds.includes(q.kind));
  const selected = (field: string, kinds: string[], optional?: true) => chosen[`${kind}.${field}`] ?? (optional ? "" : (offered(kinds)[0]?.name ?? ""));
  const titleOf = (name: string) => questions.find((q) => q.name === name)?.title ?? name;
  const add = () => {
    const values = Object.fromEntries(fields.map((f) => [f.field, selected(f.field, f.kinds, f.optional)]).filter(([, v]) => v !== ""));
    const title =
      kind === "crosstab"
        ? `${titleOf(values.row)} × ${titleOf(values.column)}`
        : kind === "ratio"
          ? `${titleOf(values.numerator)} / ${titleOf(values.denominator)}`
          : titleOf(values.question);
    onAdd({ type: kind, title, ...values });
  };
  return (
    <form
      class="form inline-form panel add-analysis"
      onSubmit={(e) => {
        e.preventDefault();
        add();
      }}
    >
      <h2>{r.add}</h2>
      <div class="field">
        <label for="add-kind">{r.kind}</label>
        <select id="add-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as AnalysisKind)}>
          {ANALYSIS_KINDS.map((k) => (
            <option key={k} value={k}>
              {r.kinds[k]}
            </option>
          ))}
        </select>
      </div>
      {fields.map((f) => (
        <div class="field" key={`${kind}.${f.field}`}>
          <label for={`add-${f.field}`}>{r[f.field as "question" | "row" | "column" | "numerator" | "denominator" | "by"]}</label>
          <select id={`add-${f.field}`} value={selected(f.field, f.kinds, f.optional)} onChange={(e) => setChosen({ ...chosen, [`${kind}.${f.field}`]: e.currentTarget.value })}>
            {f.optional ? <option value="">{r.noGroup}</option> : null}
            {offered(f.kinds).map((q) => (
              <option key={q.name} value={q.name}>
                {q.title} ({q.name})
              </option>
            ))}
          </select>
        </div>
      ))}
      <button type="submit" class="button">
        {r.addButton}
      </button>
    </form>
  );
}
