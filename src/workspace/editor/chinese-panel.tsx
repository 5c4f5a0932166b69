/**
 * Filling one Chinese script from the other (OpenCC on the server): every missing zh-Hant text
 * from zh-Hans, or the reverse for a draft written in Traditional only. The server never
 * overwrites a text a person wrote and hands back the list of texts it made, kept with the draft.
 * Taiwan or Hong Kong is the survey's setting on the server, which the fill follows.
 */
import { useState } from "preact/hooks";
import { api, surveyPath } from "../api.js";
import { ProblemBox } from "../components/problem-box.js";
import { useWords } from "../context.js";
import { fill } from "../fill.js";
import type { Json } from "./element-path.js";

type Standard = "tw" | "hk";
type Direction = "to-traditional" | "to-simplified";

export interface ChinesePanelProps {
  name: string;
  /** The survey's standard as the draft was loaded with. */
  initialStandard: Standard;
  current: () => Json;
  converted: () => string[];
  onConverted: (json: Json, converted: string[]) => void;
}

export function ChinesePanel({ name, initialStandard, current, converted, onConverted }: ChinesePanelProps) {
  const e = useWords().editor;
  const [standard, setStandard] = useState<Standard>(initialStandard);
  const [count, setCount] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  /** The standard is the survey's setting (every editor's, on every browser): kept on the server at once. */
  const choose = async (next: Standard) => {
    const before = standard;
    setStandard(next);
    setBusy(true);
    setError(null);
    try {
      await api(surveyPath(name), { method: "PATCH", body: { traditionalStandard: next } });
    } catch (err) {
      setStandard(before);
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const run = async (direction: Direction) => {
    setBusy(true);
    setError(null);
    setCount(null);
    try {
      // No standard sent: the server fills by the survey's own.
      const body = { json: current(), direction, survey: name, converted: converted() };
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
      <select id="traditional-standard" value={standard} disabled={busy} onChange={(ev) => void choose(ev.currentTarget.value === "hk" ? "hk" : "tw")}>
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
