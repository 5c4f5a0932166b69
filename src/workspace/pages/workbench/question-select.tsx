import { useWords } from "../../context.js";
import type { Pickable } from "./questions.js";
import { UNIT } from "./state.js";

/** A picker of questions (and derived variables) that fit, optionally with "no groups" and the collection unit. */
export function QuestionSelect(props: {
  label: string;
  name: string;
  value: string | undefined;
  options: Pickable[];
  onChange: (value: string | undefined) => void;
  empty?: string;
  unit?: boolean;
}) {
  const w = useWords().workbench;
  const questions = props.options.filter((q) => !q.derived);
  const derived = props.options.filter((q) => q.derived);
  return (
    <label class="field">
      <span>{props.label}</span>
      <select name={props.name} value={props.value ?? ""} onChange={(e) => props.onChange(e.currentTarget.value || undefined)}>
        <option value="">{props.empty ?? w.pick}</option>
        {props.unit ? <option value={UNIT}>{w.unit}</option> : null}
        <optgroup label={w.questions}>
          {questions.map((q) => (
            <option key={q.name} value={q.name}>
              {q.name} · {q.title}
            </option>
          ))}
        </optgroup>
        {derived.length > 0 ? (
          <optgroup label={w.derived}>
            {derived.map((q) => (
              <option key={q.name} value={q.name}>
                {q.name} · {q.title}
              </option>
            ))}
          </optgroup>
        ) : null}
      </select>
    </label>
  );
}
