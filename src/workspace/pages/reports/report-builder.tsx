import { useEffect, useRef, useState } from "preact/hooks";
import { LANGUAGES, type Language } from "../../../../i18n/language.js";
import { LOCALE_INFO } from "../../../web/messages.js";
import { api, surveyPath } from "../../api.js";
import { at } from "../../base.js";
import { Link } from "../../components/link.js";
import { Loading } from "../../components/loading.js";
import { Notice } from "../../components/notice.js";
import { ProblemBox } from "../../components/problem-box.js";
import { useBoot } from "../../context.js";
import { fill } from "../../fill.js";
import { may } from "../../permissions.js";
import { hrefOf } from "../../router.js";
import { useAction } from "../../use-action.js";
import { useLoad } from "../../use-load.js";
import type { SurveyPageProps } from "../survey-page.js";
import { AddAnalysis } from "./add-analysis.js";
import { type Entry, ReportItems } from "./report-items.js";
import type { ReportDefinition, StoredReport } from "./report-types.js";
import { SharePanel } from "./share-panel.js";

let nextKey = 1;
const entriesOf = (definition: ReportDefinition): Entry[] => definition.analyses.map((item) => ({ key: nextKey++, item }));

/**
 * One stored report: its title, language and introduction, its analyses in order (retitle, note,
 * reorder, remove, add), saving over the loaded revision (a 409 says whose save is newer), the
 * preview of the saved report's page, the bundle, and the share link.
 */
export function ReportBuilder({ survey, role, id }: SurveyPageProps & { id: number }) {
  const { words: w } = useBoot();
  const r = w.reports;
  const path = surveyPath(survey.name, `/reports/${id}`);
  const loaded = useLoad(() => api<StoredReport>(path), [path]);
  const [definition, setDefinition] = useState<ReportDefinition | null>(null);
  const [entries, setEntries] = useState<Entry[]>([]);
  const [revision, setRevision] = useState(0);
  const [token, setToken] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const [shown, setShown] = useState(0);
  const [spoken, setSpoken] = useState<string | null>(null);
  const editable = may(role, "reports");
  const { error, notice, act } = useAction(async () => {});
  const loadedOnce = useRef(false);
  useEffect(() => {
    const data = loaded.data;
    if (!data || loadedOnce.current) return;
    loadedOnce.current = true;
    setDefinition(data.definition);
    setEntries(entriesOf(data.definition));
    setRevision(data.revision);
    setToken(data.shareToken);
  }, [loaded.data]);
  const edit = (patch: Partial<ReportDefinition>) => {
    setDefinition((d) => (d ? { ...d, ...patch } : d));
    setDirty(true);
  };
  const editEntries = (next: Entry[]) => {
    setEntries(next);
    setDirty(true);
  };
  const save = () =>
    act(async () => {
      if (!definition) return "";
      const body = { definition: { ...definition, analyses: entries.map((e) => e.item) }, revision };
      const saved = await api<StoredReport>(path, { method: "PUT", body });
      setRevision(saved.revision);
      setDefinition(saved.definition);
      setDirty(false);
      setShown((n) => n + 1);
      return fill(r.saved, { revision: saved.revision });
    });
  return (
    <Loading loaded={loaded}>
      {() =>
        !definition ? null : (
          <div class="report-builder">
            <p class="crumbs">
              <Link href={hrefOf({ page: "survey", name: survey.name, tab: "reports" })}>{r.back}</Link>
            </p>
            <form
              class="form panel report-meta"
              onSubmit={(e) => {
                e.preventDefault();
                void save();
              }}
            >
              <div class="field">
                <label for="report-title">{r.reportTitle}</label>
                <input
                  id="report-title"
                  type="text"
                  required
                  maxLength={200}
                  readOnly={!editable}
                  value={definition.title}
                  onInput={(e) => edit({ title: e.currentTarget.value })}
                />
              </div>
              <div class="field">
                <label for="report-lang">{r.language}</label>
                <select id="report-lang" disabled={!editable} value={definition.lang} onChange={(e) => edit({ lang: e.currentTarget.value as Language })}>
                  {LANGUAGES.map((l) => (
                    <option key={l} value={l} lang={LOCALE_INFO[l].htmlLang}>
                      {LOCALE_INFO[l].label}
                    </option>
                  ))}
                </select>
              </div>
              <div class="field">
                <label for="report-introduction">{r.introduction}</label>
                <textarea
                  id="report-introduction"
                  class="report-text"
                  rows={6}
                  maxLength={20000}
                  readOnly={!editable}
                  aria-describedby="report-introduction-hint report-placeholders"
                  value={definition.introduction ?? ""}
                  onInput={(e) => edit({ introduction: e.currentTarget.value || undefined })}
                />
                <p class="hint" id="report-introduction-hint">
                  {r.introductionHint}
                </p>
                <p class="hint" id="report-placeholders">
                  {r.placeholders}
                </p>
              </div>
              <h2>{r.items}</h2>
              <ReportItems entries={entries} editable={editable} onChange={editEntries} announce={setSpoken} />
              <p class="visually-hidden" role="status" aria-live="polite">
                {spoken ?? ""}
              </p>
              {editable ? (
                <p class="save-row">
                  <button type="submit" class="button primary">
                    {r.save}
                  </button>{" "}
                  <span class="hint">
                    {fill(r.revision, { revision })}
                    {dirty ? ` · ${r.unsaved}` : ""}
                  </span>
                </p>
              ) : null}
            </form>
            {error ? <ProblemBox error={error} /> : null}
            <Notice text={notice} />
            {editable ? (
              <AddAnalysis
                survey={survey.name}
                lang={definition.lang}
                onAdd={(item) => {
                  editEntries([...entries, { key: nextKey++, item }]);
                  setSpoken(fill(r.added, { title: item.title }));
                }}
              />
            ) : null}
            <section class="panel report-preview">
              <h2>{r.preview}</h2>
              <p class="hint">{r.previewHint}</p>
              <p>
                <button type="button" class="button" onClick={() => setShown((n) => n + 1)}>
                  {r.previewRefresh}
                </button>{" "}
                <a class="button" href={at(`${path}/bundle`)} download>
                  {r.download}
                </a>
              </p>
              {shown > 0 ? <iframe key={shown} title={r.previewFrame} sandbox="" src={at(`${path}/html`)} class="report-frame" /> : null}
            </section>
            <SharePanel survey={survey.name} id={id} token={token} editable={editable} onChange={(t) => setToken(t)} act={act} />
          </div>
        )
      }
    </Loading>
  );
}
