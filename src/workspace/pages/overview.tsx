import { useState } from "preact/hooks";
import { api, surveyPath } from "../api.js";
import { at } from "../base.js";
import { CopyField } from "../components/copy-field.js";
import { Notice } from "../components/notice.js";
import { ProblemBox } from "../components/problem-box.js";
import { useBoot } from "../context.js";
import { fill } from "../fill.js";
import { count, dateTime, fromZoneInput, surveyZone, toZoneInput, zoneName } from "../format.js";
import { may } from "../permissions.js";
import type { SurveyStatus } from "../types.js";
import type { SurveyPageProps } from "./survey-page.js";

const STATUSES: SurveyStatus[] = ["open", "closed", "draft"];

/** A survey's life (status, closing time, cap), its respondent page and its counts. */
export function Overview({ survey, role, reload }: SurveyPageProps) {
  const { words: w, lang, zones } = useBoot();
  const editable = may(role, "edit");
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const timeZone = surveyZone(survey);
  const zone = zoneName(timeZone, zones);
  const [closesAt, setClosesAt] = useState(toZoneInput(survey.closesAt, timeZone));
  const [cap, setCap] = useState(survey.maxResponses === null ? "" : String(survey.maxResponses));
  const respondentUrl = `${window.location.origin}${at(`s/${encodeURIComponent(survey.name)}`)}`;

  const change = async (body: Record<string, unknown>, done: string) => {
    setError(null);
    setNotice(null);
    try {
      await api(surveyPath(survey.name), { method: "PATCH", body });
      await reload();
      setNotice(done);
    } catch (err) {
      setError(err);
    }
  };
  const statusWord = { open: w.overview.toOpen, closed: w.overview.toClosed, draft: w.overview.toDraft };

  return (
    <div class="panels">
      <section class="panel" aria-labelledby="life-heading">
        <h2 id="life-heading">{w.overview.status}</h2>
        <p class="status-line">
          <span class={`badge badge-${survey.status}`}>{w.status[survey.status]}</span>
        </p>
        <p class="hint">{w.overview.statusHint}</p>
        <dl class="facts">
          <dt>{w.overview.timeZone}</dt>
          <dd>
            {zone} <span class="survey-name">{timeZone}</span>
          </dd>
        </dl>
        {editable ? (
          <div class="button-row">
            {/* A survey with nothing published cannot be opened (the server says 409): no button for it. */}
            {STATUSES.filter((s) => s !== survey.status && !(s === "open" && survey.version === null)).map((s) => (
              <button
                key={s}
                type="button"
                class={s === "closed" ? "button danger" : s === "open" ? "button primary" : "button"}
                onClick={() => void change({ status: s }, fill(w.overview.statusChanged, { status: w.status[s] }))}
              >
                {statusWord[s]}
              </button>
            ))}
          </div>
        ) : null}
        {editable ? (
          <form
            class="form"
            onSubmit={(e) => {
              e.preventDefault();
              void change({ closesAt: fromZoneInput(closesAt, timeZone), maxResponses: cap === "" ? null : Number(cap) }, w.common.saved);
            }}
          >
            <div class="field">
              <label for="closes-at">{fill(w.common.inZone, { label: w.overview.closesAt, zone })}</label>
              <input id="closes-at" type="datetime-local" value={closesAt} onInput={(e) => setClosesAt(e.currentTarget.value)} aria-describedby="closes-at-hint" />
              <p class="hint" id="closes-at-hint">
                {fill(w.overview.closesAtHint, { zone })}
              </p>
            </div>
            <div class="field">
              <label for="max-responses">{w.overview.maxResponses}</label>
              <input id="max-responses" type="number" min={1} step={1} inputMode="numeric" value={cap} onInput={(e) => setCap(e.currentTarget.value)} aria-describedby="max-hint" />
              <p class="hint" id="max-hint">
                {w.overview.maxResponsesHint}
              </p>
            </div>
            <button type="submit" class="button">
              {w.overview.saveLimits}
            </button>
          </form>
        ) : (
          <dl class="facts">
            <dt>{fill(w.common.inZone, { label: w.overview.closesAt, zone })}</dt>
            <dd>{survey.closesAt ? dateTime(survey.closesAt, lang, timeZone) : w.overview.noClosing}</dd>
            <dt>{w.overview.maxResponses}</dt>
            <dd>{survey.maxResponses === null ? w.overview.noCap : count(survey.maxResponses, lang)}</dd>
          </dl>
        )}
        {error ? <ProblemBox error={error} /> : null}
        <Notice text={notice} />
      </section>
      <section class="panel" aria-labelledby="page-heading">
        <h2 id="page-heading">{w.overview.respondentLink}</h2>
        <p class="hint">{w.overview.respondentHint}</p>
        <CopyField id="respondent-url" label={w.links.url} value={respondentUrl} />
        <p>
          <a href={respondentUrl} target="_blank" rel="noopener">
            {respondentUrl}
          </a>
        </p>
        {survey.version === null ? (
          <p class="hint" data-unpublished>
            {w.overview.unpublished}
          </p>
        ) : survey.status === "draft" ? (
          <p class="hint">{w.overview.draftPreview}</p>
        ) : null}
      </section>
      <section class="panel" aria-labelledby="counts-heading">
        <h2 id="counts-heading">{w.overview.counts}</h2>
        <dl class="facts">
          <dt>{w.overview.total}</dt>
          <dd>{count(survey.responses.total, lang)}</dd>
          <dt>{w.overview.complete}</dt>
          <dd>{count(survey.responses.complete, lang)}</dd>
          <dt>{w.overview.partial}</dt>
          <dd>{count(survey.responses.partial, lang)}</dd>
          <dt>{w.overview.yourRole}</dt>
          <dd>{w.roles[role]}</dd>
        </dl>
        {survey.unit ? <p class="hint">{fill(w.overview.scopedTo, { unit: survey.unit })}</p> : null}
      </section>
    </div>
  );
}
