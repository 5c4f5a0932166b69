import type { ComponentChildren } from "preact";
import { useWords } from "../context.js";
import type { Loaded } from "../use-load.js";
import { ProblemBox } from "./problem-box.js";

/** The loaded data's children, or the loading line, or the error with a retry button. */
export function Loading<T>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => ComponentChildren }) {
  const w = useWords();
  if (loaded.data !== undefined) return <>{children(loaded.data)}</>;
  if (loaded.error) {
    return (
      <div>
        <ProblemBox error={loaded.error} />
        <button type="button" class="button" onClick={() => void loaded.reload()}>
          {w.common.retry}
        </button>
      </div>
    );
  }
  return <p class="loading">{w.common.loading}</p>;
}
