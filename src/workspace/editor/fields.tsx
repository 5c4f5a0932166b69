/**
 * The form's fields. Each writes one property of the element being edited and nothing else.
 * Fields whose text is not the JSON value itself (lists, numbers) keep what is typed as typed:
 * the form is re-keyed when the element or the whole draft changes, not on every key.
 */
import { useState } from "preact/hooks";
import { LANGUAGES, type Language } from "../../../i18n/language.js";
import { useWords } from "../context.js";
import { ConvertedMark, useConverted } from "./converted-marks.js";
import type { Json } from "./element-path.js";
import { formatLines, type ItemKeys, parseLines } from "./lines.js";
import { put, textIn, withText } from "./localized.js";

export type Change = (change: (element: Json) => void) => void;

let ids = 0;
const nextId = () => `ef-${++ids}`;

/** A text in each of the three languages. */
export function LocalizedFields({ element, property, label, onChange, multiline }: { element: Json; property: string; label: string; onChange: Change; multiline?: boolean }) {
  const [id] = useState(nextId);
  return (
    <fieldset class="field-group">
      <legend>{label}</legend>
      {LANGUAGES.map((lang) => (
        <LocalizedField key={lang} id={`${id}-${lang}`} element={element} property={property} label={label} lang={lang} onChange={onChange} multiline={multiline} />
      ))}
    </fieldset>
  );
}

/** One language of a text; one filled in by conversion is marked until confirmed or retyped. */
function LocalizedField({
  id,
  element,
  property,
  label,
  lang,
  onChange,
  multiline,
}: {
  id: string;
  element: Json;
  property: string;
  label: string;
  lang: Language;
  onChange: Change;
  multiline?: boolean;
}) {
  const w = useWords();
  const { marked, clear } = useConverted(property, lang);
  const value = textIn(element[property], lang);
  const set = (text: string) => {
    onChange((e) => put(e, property, withText(e[property], lang, text)));
    clear();
  };
  return (
    <div class={marked ? "field field-converted" : "field"}>
      <label for={id}>{`${label} · ${w.editor.languages[lang]}`}</label>
      {marked ? <ConvertedMark onConfirm={clear} /> : null}
      {multiline ? (
        <textarea id={id} data-field={`${property}-${lang}`} rows={3} value={value} onInput={(e) => set(e.currentTarget.value)} />
      ) : (
        <input id={id} data-field={`${property}-${lang}`} value={value} onInput={(e) => set(e.currentTarget.value)} />
      )}
    </div>
  );
}

/** A string property typed as is. */
export function TextField({ element, property, label, onChange }: { element: Json; property: string; label: string; onChange: Change }) {
  const [id] = useState(nextId);
  const value = typeof element[property] === "string" ? (element[property] as string) : "";
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input id={id} data-field={property} value={value} onInput={(e) => onChange((el) => put(el, property, e.currentTarget.value))} />
    </div>
  );
}

/** A number property; what does not read as a number leaves the property as it was. */
export function NumberField({ element, property, label, onChange, asText }: { element: Json; property: string; label: string; onChange: Change; asText?: boolean }) {
  const [id] = useState(nextId);
  const initial = element[property];
  return (
    <div class="field field-short">
      <label for={id}>{label}</label>
      <input
        id={id}
        data-field={property}
        inputMode={asText ? undefined : "decimal"}
        defaultValue={initial === undefined ? "" : String(initial)}
        onInput={(e) => {
          const text = e.currentTarget.value.trim();
          if (text === "") onChange((el) => put(el, property, undefined));
          else if (asText) onChange((el) => put(el, property, text));
          else if (Number.isFinite(Number(text))) onChange((el) => put(el, property, Number(text)));
        }}
      />
    </div>
  );
}

/** A yes/no property, absent when no. */
export function CheckField({ element, property, label, onChange }: { element: Json; property: string; label: string; onChange: Change }) {
  const [id] = useState(nextId);
  return (
    <div class="field field-check">
      <input
        id={id}
        type="checkbox"
        data-field={property}
        checked={element[property] === true}
        onChange={(e) => onChange((el) => put(el, property, e.currentTarget.checked ? true : undefined))}
      />
      <label for={id}>{label}</label>
    </div>
  );
}

/** A list of items as lines, in one language at a time. */
export function LinesField({ element, property, label, keys, onChange }: { element: Json; property: string; label: string; keys: ItemKeys; onChange: Change }) {
  const w = useWords();
  const [id] = useState(nextId);
  const [lang, setLang] = useState<Language>("zh-Hans");
  return (
    <div class="field">
      <label for={id}>{`${label} · ${w.editor.languages[lang]}`}</label>
      <span class="segmented">
        {LANGUAGES.map((l) => (
          <button key={l} type="button" class="button small" aria-pressed={l === lang} onClick={() => setLang(l)}>
            {w.editor.languages[l]}
          </button>
        ))}
      </span>
      <textarea
        key={lang}
        id={id}
        data-field={property}
        rows={6}
        defaultValue={formatLines(element[property], lang, keys)}
        onInput={(e) => {
          const text = e.currentTarget.value;
          onChange((el) => put(el, property, parseLines(text, el[property], lang, keys)));
        }}
      />
      <p class="hint">{w.editor.choicesHint}</p>
    </div>
  );
}
