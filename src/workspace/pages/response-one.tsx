import { useState } from "preact/hooks";
import { api, surveyPath } from "../api.js";
import { ConfirmButton } from "../components/confirm-button.js";
import { Link } from "../components/link.js";
import { Loading } from "../components/loading.js";
import { Notice } from "../components/notice.js";
import { ProblemBox } from "../components/problem-box.js";
import { useBoot } from "../context.js";
import { fill } from "../fill.js";
import { dateTime, surveyZone, zoneName } from "../format.js";
import { may } from "../permissions.js";
import { hrefOf, navigate } from "../router.js";
import type { ResponseOne as Response } from "../types.js";
import { useLoad } from "../use-load.js";
import type { SurveyPageProps } from "./survey-page.js";

/** One response in full: each question's title and the labelled answer, as text; deletion for owners and editors. */
export function ResponseOne({ survey, role, reload, id }: SurveyPageProps & { id: string }) {
  const { words: w, lang, zones } = useBoot();
  const timeZone = surveyZone(survey);
  const zoned = (label: string) => fill(w.common.inZone, { label, zone: zoneName(timeZone, zones) });
  const loaded = useLoad(() => api<Response>(surveyPath(survey.name, `/responses/${encodeURIComponent(id)}`)), [survey.name, id]);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const list = hrefOf({ page: "survey", name: survey.name, tab: "responses" });

  const remove = async () => {
    setError(null);
    try {
      await api(surveyPath(survey.name, `/responses/${encodeURIComponent(id)}`), { method: "DELETE" });
      setNotice(w.responses.deleted);
      await reload();
      navigate(list, { replace: true });
    } catch (err) {
      setError(err);
    }
  };

  return (
    <div>
      <p>
        <Link href={list}>{w.responses.toList}</Link>
      </p>
      <Loading loaded={loaded}>
        {(r) => (
          <>
            <dl class="facts wide">
              <dt>ID</dt>
              <dd class="mono">{r.id}</dd>
              <dt>{w.responses.state}</dt>
              <dd>{r.complete ? w.responses.complete : w.responses.partial}</dd>
              <dt>{w.responses.unit}</dt>
              <dd>{r.unit ?? w.responses.noUnit}</dd>
              <dt>{w.responses.version}</dt>
              <dd>{r.version}</dd>
              <dt>{zoned(w.responses.received)}</dt>
              <dd>{dateTime(r.createdAt, lang, timeZone)}</dd>
              <dt>{zoned(w.responses.completedAt)}</dt>
              <dd>{r.completedAt ? dateTime(r.completedAt, lang, timeZone) : w.common.none}</dd>
            </dl>
            <div class="table-wrap">
              <table class="answers">
                <thead>
                  <tr>
                    <th scope="col">{w.responses.question}</th>
                    <th scope="col">{w.responses.answer}</th>
                  </tr>
                </thead>
                <tbody>
                  {r.answers.map((a) => (
                    <tr key={a.name}>
                      <th scope="row">
                        {a.title || a.name}
                        <span class="survey-name">{a.name}</span>
                      </th>
                      <td class="answer">{a.text === "" && (a.value === undefined || a.value === null) ? <span class="hint-inline">{w.responses.notAnswered}</span> : a.text}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {may(role, "edit") ? (
              <p class="danger-zone">
                <ConfirmButton label={w.responses.delete} question={w.responses.deleteAsk} confirm={w.responses.deleteConfirm} onConfirm={remove} />
              </p>
            ) : null}
          </>
        )}
      </Loading>
      {error ? <ProblemBox error={error} /> : null}
      <Notice text={notice} />
    </div>
  );
}
