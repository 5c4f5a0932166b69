import { useWords } from "../context.js";
import type { SurveyStatus } from "../types.js";

/** A survey's status as a coloured word (the word carries it; the colour only helps). */
export function StatusBadge({ status }: { status: SurveyStatus }) {
  const w = useWords();
  return <span class={`badge badge-${status}`}>{w.status[status]}</span>;
}
