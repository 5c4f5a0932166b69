/**
 * Filling one Chinese script from the other (OpenCC on the server): every missing zh-Hant text
 * from zh-Hans, or the reverse for a draft written in Traditional only. The server never
 * overwrites a text a person wrote and hands back the list of texts it made, kept with the draft.
 */
import { useState } from "preact/hooks";
import { api } from "../api.js";
import { ProblemBox } from "../components/problem-box.js";
import { useWords } from "../context.js";
import { fill } from "../fill.js";
import type { Json } from "./element-path.js";

type Standard = "tw" | "hk";
type Direction = "to-traditional" | "to-simplified";

/** The standard is the survey's, not the browser's: remembered per survey. */
const storageKey = (name: string) => `editor.traditional-standard.${name}`;

function storedStandard(name: string): Standard {
  try {
    return window.localStorage.getItem(storageKey(name)) === "hk" ? "hk" : "tw";
  } catch {
    return "tw";
  }
}

export interface ChinesePanelProps {
  name: string;
  current: () => Json;
  converted: () => string[];
  onConverted: (json: Json, converted: string[]) => void;
}

export function ChinesePanel({ name, current, converted, onConverted }: ChinesePanelProps) {
  const e = useWords().editor;
  const [standard, setStandard] = useState<Standard>(() => storedStandard(name));
  const [count, setCount] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const choose = (next: Standard) => {
    setStandard(next);
    try {
      window.localStorage.setItem(storageKey(name), next);
    } catch {
      // Private windows may refuse storage: the choice then lasts for this page only.
    }
  };
  const run = async (direction: Direction) => {
    setBusy(true);
    setError(null);
    setCount(null);
    try {
      const body = { json: current(), direction, standard, converted: converted() };
      const answer = await api<{ json: Json; converted: string[]; count: number }>("api/questionnaires/convert-chinese", { method: "POST", body });
      onConverted(answer.json, answer.converted);
      setCount(answer.count);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="chinese-panel">
      <label for="traditional-standard">{e.traditionalStandard}</label>{" "}
      <select id="traditional-standard" value={standard} onChange={(ev) => choose(ev.currentTarget.value === "hk" ? "hk" : "tw")}>
        <option value="tw">{e.standards.tw}</option>
        <option value="hk">{e.standards.hk}</option>
      </select>{" "}
      <button type="button" class="button small" disabled={busy} onClick={() => void run("to-traditional")}>
        {e.fillTraditional}
      </button>{" "}
      <button type="button" class="button small" disabled={busy} onClick={() => void run("to-simplified")}>
        {e.fillSimplified}
      </button>
      {count !== null ? (
        <p class="notice" role="status">
          {count === 0 ? e.filledNone : fill(e.filledCount, { n: count })}
        </p>
      ) : null}
      {error ? <ProblemBox error={error} /> : null}
    </div>
  );
}
