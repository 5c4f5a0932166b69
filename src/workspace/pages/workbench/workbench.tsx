import { useEffect, useRef, useState } from "preact/hooks";
import { surveyPath, api } from "../../api.js";
import { Loading } from "../../components/loading.js";
import { ProblemBox } from "../../components/problem-box.js";
import { useBoot } from "../../context.js";
import { fill } from "../../fill.js";
import { may } from "../../permissions.js";
import { useLoad } from "../../use-load.js";
import type { SurveyPageProps } from "../survey-page.js";
import { AddToReport } from "./add-to-report.js";
import { analyse } from "./call.js";
import { Downloads } from "./downloads.js";
import { FiltersEditor } from "./filters-editor.js";
import { WorkbenchResult, type AnyResult } from "./workbench-result.js";
import { useLive } from "./live.js";
import { loadOffer, type Offer } from "./questions.js";
import { QuestionSelect } from "./question-select.js";
import { CI_METHODS, chartOf, chartsFor, EMPTY_STATE, isComplete, KINDS, queryOf, requestOf, stateFromQuery, type WorkbenchState } from "./state.js";
import { type Frame, WeightsEditor } from "./weights-editor.js";

interface Shown {
  state: WorkbenchState;
  body: Record<string, unknown>;
  result: AnyResult;
  spec: Record<string, unknown>;
  /** performance.now() of the click that asked for it, to time the drawing. */
  startedAt: number;
}

/** The analysis workbench: pick, filter, weight, compute; the API's table and chart side by side; its state in the address. */
export function Workbench({ survey, role }: SurveyPageProps) {
  const { words } = useBoot();
  const w = words.workbench;
  const offer = useLoad(() => loadOffer(survey.name), [survey.name]);
  const frames = useLoad(() => api<{ populations: Frame[] }>(surveyPath(survey.name, "/populations")).then((r) => r.populations), [survey.name]);
  const [state, setState] = useState<WorkbenchState>(() => (typeof window === "undefined" ? EMPTY_STATE : stateFromQuery(window.location.search)));
  const [shown, setShown] = useState<Shown | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [live, setLive] = useState(false);
  const results = useRef<HTMLElement>(null);

  const change = (next: Partial<WorkbenchState>) => {
    const merged = { ...state, ...next };
    setState(merged);
    window.history.replaceState(null, "", `${window.location.pathname}?${queryOf(merged)}`);
  };

  const run = async (current: WorkbenchState) => {
    const startedAt = performance.now();
    setBusy(true);
    setError(null);
    try {
      const body = requestOf(current);
      const chart = chartOf(current);
      const [result, spec] = await Promise.all([
        analyse<AnyResult>(survey.name, current.kind, body),
        analyse<Record<string, unknown>>(survey.name, current.kind, { ...body, format: "vega-lite", chart }),
      ]);
      setShown({ state: current, body, result, spec, startedAt });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  // A bookmarked analysis computes as it opens.
  useEffect(() => {
    if (isComplete(state)) void run(state);
  }, []);

  const liveMode = useLive<AnyResult>(live, survey.name, shown?.state.kind ?? state.kind, shown?.body ?? null, (result) => setShown((s) => (s ? { ...s, result } : s)));

  const drawn = () => {
    if (!shown || !results.current) return;
    results.current.dataset.drawnMs = String(Math.round(performance.now() - shown.startedAt));
  };

  return (
    <Loading loaded={offer}>
      {(o: Offer) => {
        const choice = o.questions.filter((q) => q.kind === "single" || q.kind === "multiple");
        const single = o.questions.filter((q) => q.kind === "single");
        const numeric = o.questions.filter((q) => q.numeric);
        const charts = chartsFor(state);
        return (
          <div class="workbench">
            <form
              class="workbench-form"
              onSubmit={(e) => {
                e.preventDefault();
                void run(state);
              }}
            >
              <div class="pickers">
                <label class="field">
                  <span>{w.kind}</span>
                  <select name="kind" value={state.kind} onChange={(e) => change({ kind: e.currentTarget.value as WorkbenchState["kind"], chart: undefined })}>
                    {KINDS.map((k) => (
                      <option key={k} value={k}>
                        {w.kinds[k]}
                      </option>
                    ))}
                  </select>
                </label>
                {state.kind === "frequencies" ? (
                  <>
                    <QuestionSelect label={w.question} name="question" value={state.question} options={choice} onChange={(v) => change({ question: v })} />
                    <label class="field">
                      <span>{w.ciMethod}</span>
                      <select name="ci" value={state.ci ?? "wilson"} onChange={(e) => change({ ci: e.currentTarget.value as WorkbenchState["ci"] })}>
                        {CI_METHODS.map((m) => (
                          <option key={m} value={m}>
                            {w.ciMethods[m]}
                          </option>
                        ))}
                      </select>
                    </label>
                  </>
                ) : state.kind === "crosstab" ? (
                  <>
                    <QuestionSelect label={w.row} name="row" value={state.row} options={choice} onChange={(v) => change({ row: v })} />
                    <QuestionSelect label={w.column} name="column" value={state.column} options={single} onChange={(v) => change({ column: v })} unit />
                  </>
                ) : state.kind === "ratio" ? (
                  <>
                    <QuestionSelect label={w.numerator} name="numerator" value={state.numerator} options={numeric} onChange={(v) => change({ numerator: v })} />
                    <QuestionSelect label={w.denominator} name="denominator" value={state.denominator} options={numeric} onChange={(v) => change({ denominator: v })} />
                    <QuestionSelect label={w.by} name="by" value={state.by} options={single} onChange={(v) => change({ by: v })} empty={w.noGroup} unit />
                  </>
                ) : (
                  <>
                    <QuestionSelect label={w.question} name="question" value={state.question} options={numeric} onChange={(v) => change({ question: v })} />
                    <QuestionSelect label={w.by} name="by" value={state.by} options={single} onChange={(v) => change({ by: v })} empty={w.noGroup} unit />
                  </>
                )}
                {charts.length > 1 ? (
                  <label class="field">
                    <span>{w.chart}</span>
                    <select name="chart" value={chartOf(state)} onChange={(e) => change({ chart: e.currentTarget.value as WorkbenchState["chart"] })}>
                      {charts.map((k) => (
                        <option key={k} value={k}>
                          {w.charts[k]}
                        </option>
                      ))}
                    </select>
                  </label>
                ) : null}
              </div>
              <FiltersEditor state={state} offer={o} change={change} />
              {state.kind !== "numeric" ? <WeightsEditor survey={survey.name} state={state} offer={o} frames={frames} canSave={may(role, "export")} change={change} /> : null}
              <p class="actions">
                <button type="submit" class="button primary" disabled={!isComplete(state) || busy}>
                  {busy ? w.running : w.run}
                </button>{" "}
                <label>
                  <input type="checkbox" name="live" checked={live} onChange={(e) => setLive(e.currentTarget.checked)} disabled={!shown} /> {w.live}
                </label>
                {liveMode !== "off" ? <span class="note"> {liveMode === "stream" ? w.liveOn : w.livePolling}</span> : null}
              </p>
            </form>
            {error ? <ProblemBox error={error} /> : null}
            <section class="workbench-results" ref={results} aria-live="polite" data-kind={shown?.state.kind}>
              {shown ? (
                <>
                  <p class="pooling">
                    {w.pooling}: {shown.result.versions.map((v) => fill(w.poolingItem, { version: String(v.version), count: String(v.responses) })).join("；")}
                  </p>
                  <WorkbenchResult kind={shown.state.kind} result={shown.result} spec={shown.spec} onDrawn={drawn} />
                  <Downloads survey={survey.name} kind={shown.state.kind} body={{ ...shown.body, chart: chartOf(shown.state) }} />
                  <AddToReport
                    survey={survey.name}
                    kind={shown.state.kind}
                    body={shown.body}
                    chart={chartOf(shown.state)}
                    title={String((shown.spec.usermeta as { title?: string } | undefined)?.title ?? survey.name)}
                  />
                </>
              ) : (
                <p class="empty">{w.empty}</p>
              )}
            </section>
          </div>
        );
      }}
    </Loading>
  );
}
