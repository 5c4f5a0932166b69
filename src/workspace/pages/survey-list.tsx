import { api } from "../api.js";
import { Link } from "../components/link.js";
import { Loading } from "../components/loading.js";
import { PageHeading } from "../components/page-heading.js";
import { StatusBadge } from "../components/status-badge.js";
import { useBoot } from "../context.js";
import { fill } from "../fill.js";
import { count, percent, surveyTitle } from "../format.js";
import { hrefOf } from "../router.js";
import type { SurveySummary } from "../types.js";
import { useLoad } from "../use-load.js";
import { roleOf } from "./survey-role.js";

/** The surveys the caller may see: title, status, version, responses today and in all, completion, links. */
export function SurveyList() {
  const { words: w, lang, user } = useBoot();
  const loaded = useLoad(() => api<{ surveys: SurveySummary[] }>("api/surveys"), []);
  return (
    <section>
      <PageHeading focusKey="surveys">{w.list.heading}</PageHeading>
      <p class="intro">{w.list.intro}</p>
      <p class="list-actions">
        <Link href={hrefOf({ page: "newSurvey" })} class="button primary">
          {w.newSurvey.heading}
        </Link>
      </p>
      <Loading loaded={loaded}>
        {({ surveys }) =>
          surveys.length === 0 ? (
            <p class="empty">{w.list.empty}</p>
          ) : (
            <div class="table-wrap">
              <table class="survey-list">
                <thead>
                  <tr>
                    <th scope="col">{w.list.survey}</th>
                    <th scope="col">{w.list.status}</th>
                    <th scope="col">{w.list.version}</th>
                    <th scope="col" class="num">
                      {w.list.today}
                    </th>
                    <th scope="col" class="num">
                      {w.list.total}
                    </th>
                    <th scope="col" class="num">
                      {w.list.completion}
                    </th>
                    <th scope="col" class="num">
                      {w.list.links}
                    </th>
                    <th scope="col">{w.list.role}</th>
                  </tr>
                </thead>
                <tbody>
                  {surveys.map((s) => (
                    <tr key={s.name} data-survey={s.name}>
                      <th scope="row" class="title-cell">
                        <Link href={hrefOf({ page: "survey", name: s.name, tab: "overview" })}>{surveyTitle(s.title, s.name, lang)}</Link>
                        <span class="survey-name">{s.name}</span>
                      </th>
                      <td data-label={w.list.status}>
                        <StatusBadge status={s.status} />
                        {s.status === "draft" ? <span class="hint-inline">{w.list.draftHint}</span> : null}
                      </td>
                      <td data-label={w.list.version}>{s.version === null ? w.list.unpublished : fill(w.list.versionShort, { version: s.version })}</td>
                      <td class="num" data-label={w.list.today}>
                        {s.responses.today === undefined ? w.common.none : count(s.responses.today, lang)}
                      </td>
                      <td class="num" data-label={w.list.total}>
                        {count(s.responses.total, lang)}
                      </td>
                      <td class="num" data-label={w.list.completion}>
                        {percent(s.responses.complete, s.responses.total, lang) || w.common.none}
                      </td>
                      <td class="num" data-label={w.list.links}>
                        {s.links === undefined ? w.common.none : count(s.links, lang)}
                      </td>
                      <td data-label={w.list.role}>{w.roles[roleOf(s, user)]}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Loading>
    </section>
  );
}
