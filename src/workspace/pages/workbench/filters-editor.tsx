import { useWords } from "../../context.js";
import type { Offer } from "./questions.js";
import { QuestionSelect } from "./question-select.js";
import type { WorkbenchState } from "./state.js";

/** Filters on any choice question (the categories kept) and on the collection unit. */
export function FiltersEditor({ state, offer, change }: { state: WorkbenchState; offer: Offer; change: (next: Partial<WorkbenchState>) => void }) {
  const w = useWords().workbench;
  const choices = offer.questions.filter((q) => (q.kind === "single" || q.kind === "multiple") && q.categories.length > 0);
  const setFilter = (i: number, next: WorkbenchState["filters"][number] | null) =>
    change({ filters: next ? state.filters.map((f, k) => (k === i ? next : f)) : state.filters.filter((_, k) => k !== i) });
  return (
    <fieldset class="filters">
      <legend>{w.filters}</legend>
      {state.filters.map((f, i) => {
        const q = choices.find((c) => c.name === f.question);
        return (
          <div class="filter" key={i} data-filter={i}>
            <QuestionSelect label={w.filterQuestion} name={`filter-${i}`} value={f.question} options={choices} onChange={(v) => setFilter(i, { question: v ?? "", in: [] })} />
            <div class="choices">
              {q?.categories.map((c) => (
                <label key={String(c.value)}>
                  <input
                    type="checkbox"
                    checked={f.in.includes(c.value)}
                    onChange={(e) => setFilter(i, { ...f, in: e.currentTarget.checked ? [...f.in, c.value] : f.in.filter((v) => v !== c.value) })}
                  />{" "}
                  {c.label}
                </label>
              ))}
            </div>
            <button type="button" class="button small" onClick={() => setFilter(i, null)}>
              {w.remove}
            </button>
          </div>
        );
      })}
      <button type="button" class="button small" onClick={() => change({ filters: [...state.filters, { question: "", in: [] }] })}>
        {w.addFilter}
      </button>
      {offer.units.length > 0 ? (
        <fieldset class="choices units">
          <legend>{w.units}</legend>
          {offer.units.map((u) => (
            <label key={u}>
              <input
                type="checkbox"
                checked={state.units.includes(u)}
                onChange={(e) => change({ units: e.currentTarget.checked ? [...state.units, u] : state.units.filter((x) => x !== u) })}
              />{" "}
              {u}
            </label>
          ))}
        </fieldset>
      ) : null}
    </fieldset>
  );
}
