/**
 * A new survey (POST /api/surveys/new): its name and title, and where its questionnaire starts:
 * empty, a questionnaire shipped with the platform, or a copy of a survey the caller may read.
 * Made, it opens in the editor; nothing is public until its draft is published.
 */
import { useState } from "preact/hooks";
import { api } from "../api.js";
import { Loading } from "../components/loading.js";
import { PageHeading } from "../components/page-heading.js";
import { ProblemBox } from "../components/problem-box.js";
import { useBoot } from "../context.js";
import { fill } from "../fill.js";
import { surveyTitle } from "../format.js";
import { hrefOf, navigate } from "../router.js";
import type { SurveySummary } from "../types.js";
import { useLoad } from "../use-load.js";

type Kind = "empty" | "shipped" | "copy";
const KINDS: Kind[] = ["empty", "shipped", "copy"];

interface Sources {
  shipped: { id: string; title: unknown }[];
  surveys: SurveySummary[];
}

export function NewSurvey() {
  const { words: w, lang } = useBoot();
  const n = w.newSurvey;
  const loaded = useLoad(async (): Promise<Sources> => {
    const [shipped, list] = await Promise.all([api<{ questionnaires: Sources["shipped"] }>("api/questionnaires/shipped"), api<{ surveys: SurveySummary[] }>("api/surveys")]);
    return { shipped: shipped.questionnaires, surveys: list.surveys };
  }, []);
  const [name, setName] = useState("");
  const [title, setTitle] = useState("");
  const [kind, setKind] = useState<Kind>("empty");
  const [shipped, setShipped] = useState("");
  const [copy, setCopy] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const create = async (sources: Sources) => {
    setBusy(true);
    setError(null);
    try {
      const from =
        kind === "shipped"
          ? { kind, questionnaire: shipped || (sources.shipped[0]?.id ?? "") }
          : kind === "copy"
            ? { kind, survey: copy || (sources.surveys[0]?.name ?? "") }
            : { kind };
      const body = { name: name.trim(), from, ...(title.trim() ? { title: title.trim() } : {}) };
      const made = await api<{ name: string }>("api/surveys/new", { method: "POST", body });
      navigate(hrefOf({ page: "editor", name: made.name }));
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <section>
      <PageHeading focusKey="new-survey">{n.heading}</PageHeading>
      <p class="intro">{n.intro}</p>
      <Loading loaded={loaded}>
        {(sources) => (
          <form
            class="form panel new-survey"
            onSubmit={(e) => {
              e.preventDefault();
              void create(sources);
            }}
          >
            <div class="field">
              <label for="new-name">{n.name}</label>
              <input
                id="new-name"
                type="text"
                maxLength={80}
                autocomplete="off"
                spellcheck={false}
                value={name}
                aria-describedby="new-name-hint"
                onInput={(e) => setName(e.currentTarget.value)}
              />
              <p class="hint" id="new-name-hint">
                {fill(n.nameHint, { name: name.trim() || "…" })}
              </p>
            </div>
            <div class="field">
              <label for="new-title">{n.title}</label>
              <input id="new-title" type="text" maxLength={500} value={title} aria-describedby="new-title-hint" onInput={(e) => setTitle(e.currentTarget.value)} />
              <p class="hint" id="new-title-hint">
                {n.titleHint}
              </p>
            </div>
            <fieldset class="field-group">
              <legend>{n.start}</legend>
              {KINDS.map((k) => (
                <label key={k} class="choice">
                  <input type="radio" name="new-start" value={k} checked={kind === k} onChange={() => setKind(k)} /> {n[k]}
                </label>
              ))}
              {kind === "shipped" ? (
                <div class="field">
                  <label for="new-shipped">{n.shippedLabel}</label>
                  <select id="new-shipped" value={shipped || sources.shipped[0]?.id} onChange={(e) => setShipped(e.currentTarget.value)}>
                    {sources.shipped.map((q) => (
                      <option key={q.id} value={q.id}>
                        {surveyTitle(q.title, q.id, lang)}
                      </option>
                    ))}
                  </select>
                </div>
              ) : null}
              {kind === "copy" ? (
                sources.surveys.length === 0 ? (
                  <p class="empty">{n.nothingToCopy}</p>
                ) : (
                  <div class="field">
                    <label for="new-copy">{n.copyLabel}</label>
                    <select id="new-copy" value={copy || sources.surveys[0]?.name} aria-describedby="new-copy-hint" onChange={(e) => setCopy(e.currentTarget.value)}>
                      {sources.surveys.map((s) => (
                        <option key={s.name} value={s.name}>
                          {surveyTitle(s.title, s.name, lang)} ({s.name})
                        </option>
                      ))}
                    </select>
                    <p class="hint" id="new-copy-hint">
                      {n.copyHint}
                    </p>
                  </div>
                )
              ) : null}
            </fieldset>
            <button type="submit" class="button primary" disabled={busy || (kind === "copy" && sources.surveys.length === 0)}>
              {n.create}
            </button>
            {error ? <ProblemBox error={error} /> : null}
          </form>
        )}
      </Loading>
    </section>
  );
}
