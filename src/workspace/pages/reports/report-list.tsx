import { useState } from "preact/hooks";
import { LANGUAGES, type Language } from "../../../../i18n/language.js";
import { LOCALE_INFO } from "../../../web/messages.js";
import { api, surveyPath } from "../../api.js";
import { ConfirmButton } from "../../components/confirm-button.js";
import { Link } from "../../components/link.js";
import { Loading } from "../../components/loading.js";
import { Notice } from "../../components/notice.js";
import { ProblemBox } from "../../components/problem-box.js";
import { useBoot } from "../../context.js";
import { fill } from "../../fill.js";
import { dateTime, surveyZone } from "../../format.js";
import { may } from "../../permissions.js";
import { hrefOf, navigate } from "../../router.js";
import { useAction } from "../../use-action.js";
import { useLoad } from "../../use-load.js";
import type { SurveyPageProps } from "../survey-page.js";
import type { ReportSummary, StoredReport } from "./report-types.js";

/** The survey's stored reports: open one, make a new one, delete one. */
export function ReportList({ survey, role }: SurveyPageProps) {
  const { words: w, lang } = useBoot();
  const r = w.reports;
  const loaded = useLoad(() => api<{ reports: ReportSummary[] }>(surveyPath(survey.name, "/reports")), [survey.name]);
  const [form, setForm] = useState<{ title: string; lang: Language }>({ title: "", lang });
  const writable = may(role, "reports");
  const { error, notice, act } = useAction(loaded.reload);
  const create = () =>
    act(async () => {
      const made = await api<StoredReport>(surveyPath(survey.name, "/reports"), { method: "POST", body: { title: form.title.trim() || undefined, lang: form.lang, analyses: [] } });
      navigate(hrefOf({ page: "survey", name: survey.name, tab: "reports", reportId: String(made.id) }));
      return fill(r.created, { title: made.definition.title });
    });
  const remove = (report: ReportSummary) =>
    act(async () => {
      await api(surveyPath(survey.name, `/reports/${report.id}`), { method: "DELETE" });
      return fill(r.removed, { title: report.title });
    });
  return (
    <div>
      <p class="intro">{r.intro}</p>
      {writable ? (
        <form
          class="form inline-form panel"
          onSubmit={(e) => {
            e.preventDefault();
            void create();
          }}
        >
          <h2>{r.create}</h2>
          <div class="field">
            <label for="report-new-title">{r.newTitle}</label>
            <input
              id="report-new-title"
              type="text"
              maxLength={200}
              placeholder={r.newTitleHint}
              value={form.title}
              onInput={(e) => setForm({ ...form, title: e.currentTarget.value })}
            />
          </div>
          <div class="field">
            <label for="report-new-lang">{r.language}</label>
            <select id="report-new-lang" value={form.lang} onChange={(e) => setForm({ ...form, lang: e.currentTarget.value as Language })}>
              {LANGUAGES.map((l) => (
                <option key={l} value={l} lang={LOCALE_INFO[l].htmlLang}>
                  {LOCALE_INFO[l].label}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" class="button primary">
            {r.create}
          </button>
        </form>
      ) : null}
      {error ? <ProblemBox error={error} /> : null}
      <Notice text={notice} />
      <Loading loaded={loaded}>
        {({ reports }) =>
          reports.length === 0 ? (
            <p class="empty">{r.empty}</p>
          ) : (
            <div class="table-wrap">
              <table class="reports">
                <thead>
                  <tr>
                    <th scope="col">{r.title}</th>
                    <th scope="col">{r.language}</th>
                    <th scope="col" class="num">
                      {r.analyses}
                    </th>
                    <th scope="col">{r.shared}</th>
                    <th scope="col">{r.updated}</th>
                    {writable ? <th scope="col">{w.common.actions}</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {reports.map((report) => (
                    <tr key={report.id} data-report={report.id}>
                      <th scope="row">
                        <Link href={hrefOf({ page: "survey", name: survey.name, tab: "reports", reportId: String(report.id) })}>{report.title}</Link>
                      </th>
                      <td>{LOCALE_INFO[report.lang]?.label ?? report.lang}</td>
                      <td class="num">{report.analyses}</td>
                      <td>{report.shared ? w.common.yes : w.common.no}</td>
                      <td>{dateTime(report.updatedAt, lang, surveyZone(survey))}</td>
                      {writable ? (
                        <td>
                          <ConfirmButton small label={r.remove} question={fill(r.removeAsk, { title: report.title })} confirm={r.remove} onConfirm={() => remove(report)} />
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Loading>
    </div>
  );
}
