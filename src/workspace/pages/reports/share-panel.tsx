import { api, surveyPath } from "../../api.js";
import { at } from "../../base.js";
import { CopyField } from "../../components/copy-field.js";
import { useWords } from "../../context.js";

/** The report's read-only address: make it, copy it, end it. */
export function SharePanel(props: {
  survey: string;
  id: number;
  token: string | null;
  editable: boolean;
  onChange: (token: string | null, said: string) => void;
  act: (work: () => Promise<string>) => Promise<void>;
}) {
  const w = useWords();
  const r = w.reports;
  const base = surveyPath(props.survey, `/reports/${props.id}/share`);
  const make = () =>
    props.act(async () => {
      const { token } = await api<{ token: string; path: string }>(base, { method: "POST" });
      props.onChange(token, r.shareMade);
      return r.shareMade;
    });
  const end = () =>
    props.act(async () => {
      await api(base, { method: "DELETE" });
      props.onChange(null, r.shareRevoked);
      return r.shareRevoked;
    });
  return (
    <section class="panel share-panel">
      <h2>{r.share}</h2>
      <p class="hint">{r.shareIntro}</p>
      {props.token ? <CopyField id="share-url" label={r.shareUrl} value={new URL(at(`r/${props.token}`), window.location.href).href} /> : <p>{r.shareNone}</p>}
      {props.editable ? (
        props.token ? (
          <button type="button" class="button danger" onClick={() => void end()}>
            {r.shareRevoke}
          </button>
        ) : (
          <button type="button" class="button" onClick={() => void make()}>
            {r.shareCreate}
          </button>
        )
      ) : null}
    </section>
  );
}
