import { api, surveyPath } from "../api.js";
import { Loading } from "../components/loading.js";
import { useBoot } from "../context.js";
import { fill } from "../fill.js";
import { count, percent, surveyZone, zoneName } from "../format.js";
import type { Monitor as MonitorData, MonitorCounts } from "../types.js";
import { useLoad } from "../use-load.js";
import { MonitorChart } from "./monitor-chart.js";
import type { SurveyPageProps } from "./survey-page.js";

/** What a research group checks every morning: arrivals per day, complete vs partial, by unit and level against the expected counts. */
export function Monitor({ survey }: SurveyPageProps) {
  const { words: w, lang, zones } = useBoot();
  const loaded = useLoad(() => api<MonitorData>(surveyPath(survey.name, "/monitor")), [survey.name]);
  return (
    <Loading loaded={loaded}>
      {(m) => {
        const total = m.total.complete + m.total.partial;
        // The zone the server counted the days in; the survey's own on servers that do not say.
        const zone = zoneName(m.timeZone ?? surveyZone(survey), zones);
        return (
          <div>
            <dl class="tiles">
              <div>
                <dt>{w.monitor.total}</dt>
                <dd>{count(total, lang)}</dd>
              </div>
              <div>
                <dt>{w.monitor.complete}</dt>
                <dd>{count(m.total.complete, lang)}</dd>
              </div>
              <div>
                <dt>{w.monitor.partial}</dt>
                <dd>{count(m.total.partial, lang)}</dd>
              </div>
            </dl>
            <h2>{fill(w.monitor.perDay, { zone })}</h2>
            {m.days.length === 0 ? <p class="empty">{w.monitor.empty}</p> : <MonitorChart days={m.days} zone={zone} />}
            <h2>{w.monitor.byUnit}</h2>
            <CountTable
              first={w.monitor.unit}
              rows={m.units.map((u) => ({
                key: `${u.unit ?? ""}\u0000${u.level ?? ""}`,
                name: u.unit ?? w.monitor.noUnit,
                level: u.level ?? "",
                expected: u.expected,
                complete: u.complete,
                partial: u.partial,
              }))}
              withLevel
            />
            <h2>{w.monitor.byLevel}</h2>
            <CountTable
              first={w.monitor.level}
              rows={m.levels.map((l) => ({ key: l.level ?? "", name: l.level ?? w.monitor.noLevel, expected: l.expected, complete: l.complete, partial: l.partial }))}
            />
          </div>
        );
      }}
    </Loading>
  );
}

type Row = { key: string; name: string; level?: string; expected: number | null } & MonitorCounts;

function CountTable({ first, rows, withLevel = false }: { first: string; rows: Row[]; withLevel?: boolean }) {
  const { words: w, lang } = useBoot();
  if (rows.length === 0) return <p class="empty">{w.monitor.empty}</p>;
  return (
    <div class="table-wrap">
      <table class="counts">
        <thead>
          <tr>
            <th scope="col">{first}</th>
            {withLevel ? <th scope="col">{w.monitor.level}</th> : null}
            <th scope="col" class="num">
              {w.monitor.complete}
            </th>
            <th scope="col" class="num">
              {w.monitor.partial}
            </th>
            <th scope="col" class="num">
              {w.monitor.expected}
            </th>
            <th scope="col">{w.monitor.progress}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const share = r.expected ? Math.min(1, r.complete / r.expected) : null;
            return (
              <tr key={r.key}>
                <th scope="row">{r.name}</th>
                {withLevel ? <td>{r.level}</td> : null}
                <td class="num">{count(r.complete, lang)}</td>
                <td class="num">{count(r.partial, lang)}</td>
                <td class="num">{r.expected === null ? w.common.none : count(r.expected, lang)}</td>
                <td>
                  {share === null ? (
                    w.common.none
                  ) : (
                    <span class="progress-cell">
                      <progress max={1} value={share} aria-label={`${r.name}: ${percent(r.complete, r.expected, lang)}`} />
                      <span>{percent(r.complete, r.expected, lang)}</span>
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
