/** Where the draft stands: saved, unsaved, saving, refused as stale (someone else saved), failed. */
import { ProblemBox } from "../components/problem-box.js";
import { useWords } from "../context.js";
import { fill } from "../fill.js";
import type { SaveState } from "./use-draft.js";

export function SaveStatus({ state, onSave, onReload }: { state: SaveState; onSave: () => void; onReload: () => void }) {
  const w = useWords();
  if (state.kind === "stale") {
    const detail = state.error.problem?.detail ?? state.error.problem?.title ?? "409";
    return (
      <div class="problem save-status" role="alert" data-save="stale">
        <p>{fill(w.editor.stale, { detail })}</p>
        <button type="button" class="button" onClick={onReload}>
          {w.editor.reload}
        </button>
      </div>
    );
  }
  const text =
    state.kind === "saving" ? w.editor.saving : state.kind === "saved" ? fill(w.editor.saved, { revision: state.revision }) : state.kind === "dirty" ? w.editor.unsaved : "";
  return (
    <div class="save-status" data-save={state.kind}>
      <button type="button" class="button primary" disabled={state.kind === "saving"} onClick={onSave}>
        {w.common.save}
      </button>{" "}
      <span role="status" aria-live="polite">
        {text}
      </span>
      {state.kind === "failed" ? <ProblemBox error={state.error} /> : null}
    </div>
  );
}
