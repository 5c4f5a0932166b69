import { useState } from "preact/hooks";
import { api, surveyPath } from "../../api.js";
import { ProblemBox } from "../../components/problem-box.js";
import { useWords } from "../../context.js";
import { fill } from "../../fill.js";
import type { Loaded } from "../../use-load.js";
import { parsePopulation, populationText } from "./population-paste.js";
import type { Offer } from "./questions.js";
import { QuestionSelect } from "./question-select.js";
import type { Margin, WorkbenchState } from "./state.js";

/** A population frame saved with the survey (GET/PUT …/populations). */
export interface Frame {
  name: string;
  variable: string;
  counts: Record<string, number>;
}

type Props = { survey: string; state: WorkbenchState; offer: Offer; frames: Loaded<Frame[]>; canSave: boolean; change: (next: Partial<WorkbenchState>) => void };

/** Weights: none, post-stratified or raked to populations typed, pasted, or picked from the saved frames. */
export function WeightsEditor({ survey, state, offer, frames, canSave, change }: Props) {
  const w = useWords().workbench;
  const mode = state.weight?.mode ?? "none";
  const margins = state.weight?.margins ?? [];
  const setMode = (next: string) => {
    if (next === "none") change({ weight: undefined });
    else {
      const kept = margins.length > 0 ? margins : [{ question: "", population: {} }];
      change({ weight: { mode: next as "poststratify" | "rake", margins: next === "poststratify" ? kept.slice(0, 1) : kept } });
    }
  };
  const setMargin = (i: number, next: Margin | null) => {
    const list = next ? margins.map((m, k) => (k === i ? next : m)) : margins.filter((_, k) => k !== i);
    change({ weight: list.length ? { mode: mode as "poststratify" | "rake", margins: list } : undefined });
  };
  const choices = offer.questions.filter((q) => q.kind === "single");
  return (
    <fieldset class="weights">
      <legend>{w.weights}</legend>
      <div class="choices" role="radiogroup" aria-label={w.weights}>
        {(
          [
            ["none", w.weightNone],
            ["poststratify", w.weightPost],
            ["rake", w.weightRake],
          ] as const
        ).map(([value, text]) => (
          <label key={value}>
            <input type="radio" name="weight-mode" value={value} checked={mode === value} onChange={() => setMode(value)} /> {text}
          </label>
        ))}
      </div>
      {margins.map((m, i) => (
        <MarginEditor
          key={i}
          index={i}
          survey={survey}
          margin={m}
          choices={choices}
          frames={frames}
          canSave={canSave}
          onChange={(next) => setMargin(i, next)}
          removable={mode === "rake"}
        />
      ))}
      {mode === "rake" ? (
        <button type="button" class="button small" onClick={() => change({ weight: { mode: "rake", margins: [...margins, { question: "", population: {} }] } })}>
          {w.addMargin}
        </button>
      ) : null}
    </fieldset>
  );
}

function MarginEditor(props: {
  index: number;
  survey: string;
  margin: Margin;
  choices: Offer["questions"];
  frames: Loaded<Frame[]>;
  canSave: boolean;
  removable: boolean;
  onChange: (next: Margin | null) => void;
}) {
  const w = useWords().workbench;
  const { margin, frames, index } = props;
  const [text, setText] = useState(() => populationText(margin.population));
  const [problems, setProblems] = useState<{ line: number; text: string }[]>([]);
  const [frameName, setFrameName] = useState("");
  const [said, setSaid] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const read = (value: string) => {
    setText(value);
    const parsed = parsePopulation(value);
    setProblems(parsed.problems);
    props.onChange({ ...margin, population: parsed.population });
  };
  const pick = (name: string) => {
    const frame = frames.data?.find((f) => f.name === name);
    if (!frame) return;
    setText(populationText(frame.counts));
    setProblems([]);
    props.onChange({ question: frame.variable, population: frame.counts });
  };
  const save = async () => {
    setError(null);
    setSaid(null);
    try {
      const name = frameName.trim();
      const others = (frames.data ?? []).filter((f) => f.name !== name);
      await api(surveyPath(props.survey, "/populations"), { method: "PUT", body: { populations: [...others, { name, variable: margin.question, counts: margin.population }] } });
      await frames.reload();
      setSaid(fill(w.frameSaved, { name }));
    } catch (err) {
      setError(err);
    }
  };
  return (
    <div class="margin" data-margin={index}>
      <QuestionSelect
        label={w.margin}
        name={`margin-${index}`}
        value={margin.question || undefined}
        options={props.choices}
        onChange={(v) => props.onChange({ ...margin, question: v ?? "" })}
      />
      {frames.data?.length ? (
        <label class="field">
          <span>{w.frame}</span>
          <select name={`frame-${index}`} onChange={(e) => pick(e.currentTarget.value)}>
            <option value="">{w.noFrame}</option>
            {frames.data.map((f) => (
              <option key={f.name} value={f.name}>
                {f.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label class="field wide">
        <span>{w.population}</span>
        <textarea name={`population-${index}`} rows={6} value={text} onInput={(e) => read(e.currentTarget.value)} />
      </label>
      {problems.map((p) => (
        <p class="problem" key={p.line}>
          {fill(w.pasteProblem, { line: String(p.line), text: p.text })}
        </p>
      ))}
      {props.canSave ? (
        <div class="save-frame">
          <label>
            {w.frameName} <input name={`frame-name-${index}`} value={frameName} onInput={(e) => setFrameName(e.currentTarget.value)} />
          </label>{" "}
          <button type="button" class="button small" disabled={!frameName.trim() || !margin.question} onClick={() => void save()}>
            {w.saveFrame}
          </button>
          {said ? (
            <span class="notice" role="status">
              {" "}
              {said}
            </span>
          ) : null}
          {error ? <ProblemBox error={error} /> : null}
        </div>
      ) : null}
      {props.removable ? (
        <button type="button" class="button small" onClick={() => props.onChange(null)}>
          {w.remove}
        </button>
      ) : null}
    </div>
  );
}
