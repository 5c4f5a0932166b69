/**
 * Skip logic for one condition property (`visibleIf`, `requiredIf`): pick a question and the
 * answers that count, or type the expression. The expression is the truth; the picker shows
 * it when it is one question's answers, and writes it when used.
 */
import { useState } from "preact/hooks";
import type { Language } from "../../../i18n/language.js";
import { useWords } from "../context.js";
import { conditionExpression, readCondition } from "./condition.js";
import { isObject, type Json, walkElements } from "./element-path.js";
import type { Change } from "./fields.js";
import { anyText, put } from "./localized.js";

const CHOICE_TYPES = new Set(["radiogroup", "checkbox", "dropdown", "tagbox", "ranking"]);
const MULTIPLE_TYPES = new Set(["checkbox", "tagbox", "ranking"]);

let ids = 0;

/** The questions a condition can ask about: those with a list of choices, other than `self`. */
function sources(json: Json, self: Json) {
  return [...walkElements(json)]
    .filter(({ element }) => element !== self && typeof element.name === "string" && CHOICE_TYPES.has(String(element.type)) && Array.isArray(element.choices))
    .map(({ element }) => element);
}

export function LogicField({ json, element, property, label, lang, onChange }: { json: Json; element: Json; property: string; label: string; lang: Language; onChange: Change }) {
  const w = useWords();
  const [id] = useState(() => `lf-${++ids}`);
  const expression = typeof element[property] === "string" ? (element[property] as string) : "";
  const parsed = readCondition(expression);
  const [picked, setPicked] = useState(parsed?.question ?? "");
  const question = parsed?.question ?? picked;
  const chosen = new Set(parsed?.values ?? []);
  const all = sources(json, element);
  const source = all.find((q) => q.name === question);
  const choices = source && Array.isArray(source.choices) ? source.choices : [];
  const write = (values: string[], name = question) => {
    const multiple = MULTIPLE_TYPES.has(String(all.find((q) => q.name === name)?.type));
    onChange((e) => put(e, property, conditionExpression({ question: name, values }, multiple)));
  };
  return (
    <fieldset class="field-group logic" data-logic={property}>
      <legend>{label}</legend>
      <div class="field">
        <label for={`${id}-q`}>{w.editor.logicQuestion}</label>
        <select
          id={`${id}-q`}
          value={question}
          onChange={(e) => {
            const name = e.currentTarget.value;
            setPicked(name);
            write([], name);
          }}
        >
          <option value="">{w.common.none}</option>
          {all.map((q) => (
            <option key={String(q.name)} value={String(q.name)}>
              {`${String(q.name)} ${anyText(q.title, lang)}`}
            </option>
          ))}
        </select>
      </div>
      {source ? (
        <fieldset class="field-choices">
          <legend>{w.editor.logicAny}</legend>
          {choices.map((choice, i) => {
            const value = String(isObject(choice) ? choice.value : choice);
            const text = (isObject(choice) ? anyText(choice.text, lang) : "") || value;
            return (
              <label key={`${i}-${value}`} class="choice" title={value}>
                <input
                  type="checkbox"
                  value={value}
                  checked={chosen.has(value)}
                  onChange={(e) => {
                    const next = new Set(chosen);
                    if (e.currentTarget.checked) next.add(value);
                    else next.delete(value);
                    // In the source's own order, so the expression reads like the question.
                    write(choices.map((c) => String(isObject(c) ? c.value : c)).filter((v) => next.has(v)));
                  }}
                />{" "}
                {text}
              </label>
            );
          })}
        </fieldset>
      ) : null}
      <div class="field">
        <label for={`${id}-x`}>{w.editor.expression}</label>
        <input
          id={`${id}-x`}
          class="code"
          data-field={property}
          value={expression}
          spellcheck={false}
          onInput={(e) => onChange((el) => put(el, property, e.currentTarget.value))}
        />
      </div>
    </fieldset>
  );
}
