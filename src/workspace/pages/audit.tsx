import { useEffect, useState } from "preact/hooks";
import { api, surveyPath, withQuery } from "../api.js";
import { ProblemBox } from "../components/problem-box.js";
import { useBoot } from "../context.js";
import { fill } from "../fill.js";
import { dateTime, surveyZone, zoneName } from "../format.js";
import type { AuditEvent } from "../types.js";
import type { SurveyPageProps } from "./survey-page.js";

/** Details as one line of text (`format: csv, rows: 1812`); never HTML. */
function detailsText(details: unknown): string {
  if (details === null || details === undefined) return "";
  if (typeof details !== "object") return String(details);
  return Object.entries(details as Record<string, unknown>)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => `${k}: ${typeof v === "object" ? JSON.stringify(v) : String(v)}`)
    .join(", ");
}

/** The survey's audit log, newest first, a page at a time. */
export function Audit({ survey }: SurveyPageProps) {
  const { words: w, lang, zones } = useBoot();
  const timeZone = surveyZone(survey);
  const zoned = (label: string) => fill(w.common.inZone, { label, zone: zoneName(timeZone, zones) });
  const [events, setEvents] = useState<AuditEvent[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = async (before: string | null) => {
    try {
      const page = await api<{ events: AuditEvent[]; next: string | null }>(withQuery(surveyPath(survey.name, "/audit"), { limit: 50, before }));
      setEvents((old) => (before && old ? [...old, ...page.events] : page.events));
      setNext(page.next === null || page.next === undefined ? null : String(page.next));
    } catch (err) {
      setError(err);
      setEvents((old) => old ?? []);
    }
  };
  useEffect(() => {
    setEvents(null);
    void load(null);
  }, [survey.name]);

  return (
    <div>
      {error ? <ProblemBox error={error} /> : null}
      {events === null ? (
        <p class="loading">{w.common.loading}</p>
      ) : events.length === 0 ? (
        error ? null : (
          <p class="empty">{w.audit.empty}</p>
        )
      ) : (
        <>
          <div class="table-wrap">
            <table class="audit">
              <thead>
                <tr>
                  <th scope="col">{zoned(w.audit.at)}</th>
                  <th scope="col">{w.audit.actor}</th>
                  <th scope="col">{w.audit.action}</th>
                  <th scope="col">{w.audit.details}</th>
                </tr>
              </thead>
              <tbody>
                {events.map((e) => (
                  <tr key={e.id}>
                    <td>{dateTime(e.at, lang, timeZone)}</td>
                    <td>{e.actor ? `${e.actor.name} (${e.actor.login})` : w.audit.system}</td>
                    <td>
                      {w.audit.actions[e.action as keyof typeof w.audit.actions] ?? e.action} <span class="mono muted">{e.action}</span>
                    </td>
                    <td class="details">{detailsText(e.details)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {next ? (
            <button type="button" class="button" onClick={() => void load(next)}>
              {w.audit.loadMore}
            </button>
          ) : null}
        </>
      )}
    </div>
  );
}
