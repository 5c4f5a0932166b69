/**
 * Publishing: the draft is saved, its diff against the current version shown, and only then,
 * on a second press, published as the next version.
 */
import { useState } from "preact/hooks";
import { api, surveyPath } from "../api.js";
import { ProblemBox } from "../components/problem-box.js";
import { useWords } from "../context.js";
import { fill } from "../fill.js";
import { at } from "../base.js";
import { type Diff, DiffList } from "./diff-list.js";

export function PublishPanel({ name, save, revision, onPublished }: { name: string; save: () => Promise<boolean>; revision: () => number; onPublished: () => void }) {
  const w = useWords();
  const [diff, setDiff] = useState<{ basedOn: number | null; diff: Diff } | null>(null);
  const [published, setPublished] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const ask = () =>
    run(async () => {
      setPublished(null);
      if (!(await save())) return;
      setDiff(await api<{ basedOn: number | null; diff: Diff }>(surveyPath(name, "/draft/diff")));
    });
  const publish = () =>
    run(async () => {
      const done = await api<{ version: number; diff?: Diff }>(surveyPath(name, "/publish"), { method: "POST", body: { revision: revision() } });
      setPublished(done.version);
      setDiff(null);
      onPublished();
    });
  return (
    <div class="publish">
      <button type="button" class="button primary" disabled={busy} onClick={() => void ask()}>
        {w.editor.publish}
      </button>
      {published !== null ? (
        <p class="notice" role="status">
          {fill(w.editor.published, { version: published })} <a href={at(`s/${encodeURIComponent(name)}`)}>{at(`s/${encodeURIComponent(name)}`)}</a>
        </p>
      ) : null}
      {error ? <ProblemBox error={error} /> : null}
      {diff ? (
        <section class="panel publish-diff" aria-label={w.editor.publishHeading}>
          <h2>{w.editor.publishHeading}</h2>
          <p>{diff.basedOn ? fill(w.editor.diffAgainst, { version: diff.basedOn }) : w.editor.diffNew}</p>
          <DiffList diff={diff.diff} />
          <p>
            <button type="button" class="button primary" disabled={busy} onClick={() => void publish()}>
              {w.editor.publishConfirm}
            </button>{" "}
            <button type="button" class="button" onClick={() => setDiff(null)}>
              {w.common.cancel}
            </button>
          </p>
        </section>
      ) : null}
    </div>
  );
}
