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
import { typeLabel } from "./outline.js";

const DIFF_KEYS = ["added", "removed", "retitled", "typeChanged", "choicesAdded", "choicesRemoved", "logicChanged"] as const;
type DiffKey = (typeof DIFF_KEYS)[number];
export type Diff = Partial<Record<DiffKey, unknown[]>>;

const shown = (v: unknown) => (v === null || v === undefined ? "—" : typeof v === "string" ? v : JSON.stringify(v));

/** One entry of a diff list (see src/questionnaire/diff.ts) in a line: the question, then what changed. */
function describe(entry: unknown, types: Record<string, string>): string {
  if (typeof entry !== "object" || entry === null) return String(entry);
  const e = entry as Record<string, unknown>;
  const name = String(e.name ?? "");
  if (Array.isArray(e.values)) return `${name}: ${e.values.map(shown).join(", ")}`;
  if ("before" in e || "after" in e) {
    const where = e.property ? `${name}.${String(e.property)}` : e.language ? `${name} [${String(e.language)}]` : name;
    return `${where}: ${shown(e.before)} → ${shown(e.after)}`;
  }
  return [name, e.type ? `(${typeLabel(types, e.type)})` : "", e.title ? String(e.title) : ""].filter(Boolean).join(" ");
}

export function DiffList({ diff }: { diff: Diff }) {
  const w = useWords().editor;
  const shown = DIFF_KEYS.filter((k) => (diff[k]?.length ?? 0) > 0);
  if (shown.length === 0) return <p class="empty">{w.noChanges}</p>;
  return (
    <dl class="diff">
      {shown.map((k) => (
        <div key={k} data-diff={k}>
          <dt>{w.diff[k]}</dt>
          <dd>
            <ul>
              {diff[k]?.map((entry, i) => (
                <li key={i}>{describe(entry, w.types)}</li>
              ))}
            </ul>
          </dd>
        </div>
      ))}
    </dl>
  );
}

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
