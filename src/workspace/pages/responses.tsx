import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError, api, surveyPath, withQuery } from "../api.js";
import { Link } from "../components/link.js";
import { ProblemBox } from "../components/problem-box.js";
import { useBoot } from "../context.js";
import { fill } from "../fill.js";
import { dateTime, surveyZone, zoneName } from "../format.js";
import { may } from "../permissions.js";
import { hrefOf } from "../router.js";
import type { Link as CollectionLink, ResponseRow } from "../types.js";
import type { SurveyPageProps } from "./survey-page.js";

const PAGE = 50;

interface Filters {
  unit: string;
  state: "" | "true" | "false";
  from: string;
  to: string;
}

const NO_FILTERS: Filters = { unit: "", state: "", from: "", to: "" };

/** The survey's responses, newest first, a page at a time, filtered by unit, state and dates. */
export function Responses({ survey, role }: SurveyPageProps) {
  const { words: w, lang, zones } = useBoot();
  const timeZone = surveyZone(survey);
  const zoned = (label: string) => fill(w.common.inZone, { label, zone: zoneName(timeZone, zones) });
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [rows, setRows] = useState<ResponseRow[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [units, setUnits] = useState<string[]>([]);
  // Only the answer to the latest request counts: an older one arriving late must not replace it.
  const latest = useRef(0);

  const load = async (after: string | null, replace: boolean) => {
    setError(null);
    const request = ++latest.current;
    try {
      const query = { limit: PAGE, after, unit: filters.unit, complete: filters.state, from: filters.from, to: filters.to };
      const page = await api<{ items: ResponseRow[]; next: string | null }>(withQuery(surveyPath(survey.name, "/responses"), query));
      if (request !== latest.current) return;
      setRows((old) => (replace || !old ? page.items : [...old, ...page.items]));
      setNext(page.next);
    } catch (err) {
      if (request !== latest.current) return;
      setError(err);
      if (replace) setRows([]);
    }
  };
  useEffect(() => {
    void load(null, true);
  }, [survey.name, filters]);
  useEffect(() => {
    if (!may(role, "links")) return;
    api<{ links: CollectionLink[] }>(surveyPath(survey.name, "/links"))
      .then(({ links }) => setUnits([...new Set(links.map((l) => l.unit))].sort()))
      .catch((err: unknown) => {
        if (!(err instanceof ApiError)) throw err;
      });
  }, [survey.name, role]);

  const field = <K extends keyof Filters>(key: K, value: Filters[K]) => setDraft({ ...draft, [key]: value });
  return (
    <div>
      <form
        class="filters"
        aria-label={w.responses.filters}
        onSubmit={(e) => {
          e.preventDefault();
          setFilters(draft);
        }}
      >
        <div class="field">
          <label for="f-unit">{w.responses.unit}</label>
          <input id="f-unit" type="text" list="f-units" value={draft.unit} placeholder={w.responses.anyUnit} onInput={(e) => field("unit", e.currentTarget.value)} />
          <datalist id="f-units">
            {units.map((u) => (
              <option key={u} value={u} />
            ))}
          </datalist>
        </div>
        <div class="field">
          <label for="f-state">{w.responses.state}</label>
          <select id="f-state" value={draft.state} onChange={(e) => field("state", e.currentTarget.value as Filters["state"])}>
            <option value="">{w.responses.anyState}</option>
            <option value="true">{w.responses.complete}</option>
            <option value="false">{w.responses.partial}</option>
          </select>
        </div>
        <div class="field">
          <label for="f-from">{zoned(w.responses.from)}</label>
          <input id="f-from" type="date" value={draft.from} onInput={(e) => field("from", e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="f-to">{zoned(w.responses.to)}</label>
          <input id="f-to" type="date" value={draft.to} onInput={(e) => field("to", e.currentTarget.value)} />
        </div>
        <div class="filter-buttons">
          <button type="submit" class="button primary">
            {w.responses.apply}
          </button>
          <button
            type="button"
            class="button"
            onClick={() => {
              setDraft(NO_FILTERS);
              setFilters(NO_FILTERS);
            }}
          >
            {w.responses.reset}
          </button>
        </div>
      </form>
      {error ? <ProblemBox error={error} /> : null}
      {rows === null ? (
        <p class="loading">{w.common.loading}</p>
      ) : rows.length === 0 ? (
        <p class="empty">{w.responses.empty}</p>
      ) : (
        <>
          <div class="table-wrap">
            <table class="responses">
              <thead>
                <tr>
                  <th scope="col">{zoned(w.responses.received)}</th>
                  <th scope="col">{w.responses.state}</th>
                  <th scope="col">{w.responses.unit}</th>
                  <th scope="col">{w.responses.version}</th>
                  <th scope="col">{zoned(w.responses.updated)}</th>
                  <th scope="col">
                    <span class="visually-hidden">{w.common.actions}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id} data-response={r.id}>
                    <td>{dateTime(r.createdAt, lang, timeZone)}</td>
                    <td>{r.complete ? w.responses.complete : w.responses.partial}</td>
                    <td>{r.unit ?? w.responses.noUnit}</td>
                    <td>{r.version}</td>
                    <td>{dateTime(r.updatedAt, lang, timeZone)}</td>
                    <td>
                      <Link href={hrefOf({ page: "survey", name: survey.name, tab: "responses", responseId: r.id })}>{w.responses.open}</Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p class="hint">{fill(w.responses.shown, { n: rows.length })}</p>
          {next ? (
            <button type="button" class="button" onClick={() => void load(next, false)}>
              {w.responses.loadMore}
            </button>
          ) : null}
        </>
      )}
    </div>
  );
}
