import { useState } from "preact/hooks";
import { api, ApiError, surveyPath } from "../../api.js";
import { ProblemBox } from "../../components/problem-box.js";
import { useBoot } from "../../context.js";
import { fill } from "../../fill.js";
import { useLoad } from "../../use-load.js";
import type { AnalysisKind, ChartKind } from "./state.js";

interface ReportSummary {
  id: string | number;
  title: string;
}
type Definition = { title: string; lang?: string; analyses: unknown[] } & Record<string, unknown>;

/**
 * "Add to report": the current analysis (its filter, weight, chart and title) appended to a stored
 * report (`PUT …/reports/{id}`) or made into a new one (`POST …/reports`). Disabled with a note
 * while the server has no reports API (404).
 */
export function AddToReport({ survey, kind, body, chart, title }: { survey: string; kind: AnalysisKind; body: Record<string, unknown>; chart: ChartKind; title: string }) {
  const { words, lang } = useBoot();
  const w = words.workbench;
  const reports = useLoad(async () => {
    try {
      const list = await api<{ reports?: ReportSummary[] } | ReportSummary[]>(surveyPath(survey, "/reports"));
      return Array.isArray(list) ? list : (list.reports ?? []);
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) return null;
      throw err;
    }
  }, [survey]);
  const [target, setTarget] = useState("");
  const [said, setSaid] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (reports.data === null) {
    return (
      <p class="add-report">
        <button type="button" class="button" disabled>
          {w.addToReport}
        </button>{" "}
        <span class="note">{w.reportsUnavailable}</span>
      </p>
    );
  }
  const item = { type: kind, ...body, chart, title };
  const add = async () => {
    setError(null);
    setSaid(null);
    try {
      if (target === "") {
        const definition = { title, lang, analyses: [item] };
        await api(surveyPath(survey, "/reports"), { method: "POST", body: definition });
        setSaid(fill(w.addedToReport, { title }));
      } else {
        const path = surveyPath(survey, `/reports/${encodeURIComponent(target)}`);
        // The stored report (src/routes/reports.ts): a PUT names the revision it was based on (409 when stale).
        const stored = await api<{ definition: Definition; revision: number }>(path);
        const definition = stored.definition;
        await api(path, { method: "PUT", body: { definition: { ...definition, analyses: [...(definition.analyses ?? []), item] }, revision: stored.revision } });
        setSaid(fill(w.addedToReport, { title: definition.title }));
      }
      await reports.reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <div class="add-report">
      <label>
        {w.reportTitle}{" "}
        <select value={target} onChange={(e) => setTarget(e.currentTarget.value)}>
          <option value="">{w.newReport}</option>
          {(reports.data ?? []).map((r) => (
            <option key={r.id} value={String(r.id)}>
              {r.title}
            </option>
          ))}
        </select>
      </label>{" "}
      <button type="button" class="button" onClick={() => void add()} disabled={reports.data === undefined}>
        {w.addToReport}
      </button>
      {said ? (
        <p class="notice" role="status">
          {said}
        </p>
      ) : null}
      {error ? <ProblemBox error={error} /> : null}
    </div>
  );
}
