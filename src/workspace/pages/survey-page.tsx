import { useEffect } from "preact/hooks";
import { api } from "../api.js";
import { Link } from "../components/link.js";
import { Loading } from "../components/loading.js";
import { PageHeading } from "../components/page-heading.js";
import { StatusBadge } from "../components/status-badge.js";
import { useBoot } from "../context.js";
import { surveyTitle } from "../format.js";
import { may, TAB_PERMISSION } from "../permissions.js";
import { hrefOf, SURVEY_TABS, type SurveyTab } from "../router.js";
import type { Role, SurveySummary } from "../types.js";
import { useLoad } from "../use-load.js";
import { Audit } from "./audit.js";
import { Links } from "./links.js";
import { Members } from "./members.js";
import { Monitor } from "./monitor.js";
import { Overview } from "./overview.js";
import { ResponseOne } from "./response-one.js";
import { Reports } from "./reports/reports.js";
import { Responses } from "./responses.js";
import { roleOf } from "./survey-role.js";
import { Workbench } from "./workbench/workbench.js";
import { Variables } from "./variables/variables.js";

/** What every page of one survey gets. */
export interface SurveyPageProps {
  survey: SurveySummary;
  role: Role;
  /** Loads the survey (its status, counts) again after a change. */
  reload: () => Promise<void>;
}

/** One survey: its title and status, the tabs the caller's role allows, and the chosen tab's page. */
export function SurveyPage({ name, tab, responseId, reportId }: { name: string; tab: SurveyTab; responseId?: string; reportId?: string }) {
  const { words: w, lang, user } = useBoot();
  const loaded = useLoad(() => api<{ surveys: SurveySummary[] }>("api/surveys"), [name]);
  // On a phone the tabs scroll sideways: keep the current one in sight.
  useEffect(() => {
    document.querySelector(".tabs [aria-current=page]")?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [tab, loaded.data]);
  return (
    <Loading loaded={loaded}>
      {({ surveys }) => {
        const survey = surveys.find((s) => s.name === name);
        if (!survey) return <p class="empty">{w.common.notFound}</p>;
        const role = roleOf(survey, user);
        const tabs = SURVEY_TABS.filter((t) => may(role, TAB_PERMISSION[t]));
        const props = { survey, role, reload: loaded.reload };
        const title = surveyTitle(survey.title, survey.name, lang);
        return (
          <section>
            <p class="crumbs">
              <Link href={hrefOf({ page: "surveys" })}>{w.nav.surveys}</Link>
            </p>
            <PageHeading focusKey={`${name}/${tab}/${responseId ?? reportId ?? ""}`}>
              {title} <span class="heading-sub">· {responseId ? w.responses.one : w.tabs[tab]}</span>
            </PageHeading>
            <p class="survey-meta">
              <StatusBadge status={survey.status} /> <span class="survey-name">{survey.name}</span>
              {may(role, "edit") ? (
                <>
                  {" "}
                  <Link href={hrefOf({ page: "editor", name })} class="button small">
                    {w.editor.open}
                  </Link>
                </>
              ) : null}
            </p>
            <nav class="tabs" aria-label={w.tabs.label}>
              <ul>
                {tabs.map((t) => (
                  <li key={t}>
                    <Link href={hrefOf({ page: "survey", name, tab: t })} current={t === tab}>
                      {w.tabs[t]}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
            {!tabs.includes(tab) ? (
              <p class="empty">{w.common.notFound}</p>
            ) : tab === "overview" ? (
              <Overview {...props} />
            ) : tab === "responses" ? (
              responseId ? (
                <ResponseOne {...props} id={responseId} />
              ) : (
                <Responses {...props} />
              )
            ) : tab === "monitor" ? (
              <Monitor {...props} />
            ) : tab === "analysis" ? (
              <Workbench {...props} />
            ) : tab === "variables" ? (
              <Variables {...props} />
            ) : tab === "reports" ? (
              <Reports {...props} reportId={reportId} />
            ) : tab === "links" ? (
              <Links {...props} />
            ) : tab === "members" ? (
              <Members {...props} />
            ) : (
              <Audit {...props} />
            )}
          </section>
        );
      }}
    </Loading>
  );
}
