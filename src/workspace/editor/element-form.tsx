/**
 * The form for the selected element: its name, texts in three languages, the fields of its
 * type, required, skip logic, and the problems the checks find in it. It changes the element
 * in place (on a copy of the draft), so properties the form does not show stay as they were.
 */
import type { Language } from "../../../i18n/language.js";
import { useWords } from "../context.js";
import { ConvertedContext, ownerOf } from "./converted-marks.js";
import type { ElementPath, Json } from "./element-path.js";
import { type Change, CheckField, LinesField, LocalizedFields, NumberField, TextField } from "./fields.js";
import { CHOICE_KEYS, NAMED_KEYS } from "./lines.js";
import { put } from "./localized.js";
import { LogicField } from "./logic-field.js";
import { typeLabel } from "./outline.js";
import type { ShownProblem } from "./problems.js";

const CHOICE_TYPES = new Set(["radiogroup", "checkbox", "dropdown", "tagbox", "ranking"]);
const INPUT_TYPES = ["text", "number", "date", "email"] as const;

export interface ElementFormProps {
  json: Json;
  element: Json;
  path: ElementPath;
  lang: Language;
  problems: ShownProblem[];
  onChange: Change;
  converted: readonly string[];
  onConverted: (next: string[]) => void;
}

export function ElementForm({ json, element, path, lang, problems, onChange, converted, onConverted }: ElementFormProps) {
  const w = useWords();
  const e = w.editor;
  const isRoot = path.length === 0;
  const isPage = path.length === 1 && path[0][0] === "pages";
  const type = typeof element.type === "string" ? element.type : "";
  const isQuestion = !isRoot && !isPage && type !== "panel";
  const props = { element, onChange };
  return (
    <ConvertedContext.Provider value={{ owner: ownerOf(element, path), converted, onConverted }}>
      <form class="element-form" onSubmit={(ev) => ev.preventDefault()}>
        <h2>{isRoot ? e.survey : isPage ? e.page : typeLabel(e.types, type)}</h2>
        {problems.length > 0 ? (
          <ul class="problem element-problems" aria-label={e.problems}>
            {problems.map((p, i) => (
              <li key={i}>{p.message}</li>
            ))}
          </ul>
        ) : null}
        {isRoot ? null : <TextField {...props} property="name" label={e.name} />}
        <LocalizedFields {...props} property="title" label={e.title} />
        <LocalizedFields {...props} property="description" label={e.description} />
        {type === "text" ? <TextFields {...props} /> : null}
        {CHOICE_TYPES.has(type) ? <LinesField {...props} property="choices" label={e.choices} keys={CHOICE_KEYS} /> : null}
        {CHOICE_TYPES.has(type) && type !== "ranking" ? <CheckField {...props} property="showOtherItem" label={e.showOther} /> : null}
        {type === "checkbox" || type === "tagbox" ? <NumberField {...props} property="maxSelectedChoices" label={e.maxSelected} /> : null}
        {type === "rating" ? (
          <div class="field-row">
            <NumberField {...props} property="rateMin" label={e.rateMin} />
            <NumberField {...props} property="rateMax" label={e.rateMax} />
          </div>
        ) : null}
        {type === "matrix" || type === "matrixdropdown" ? <LinesField {...props} property="rows" label={e.rows} keys={CHOICE_KEYS} /> : null}
        {type === "matrix" ? <LinesField {...props} property="columns" label={e.columns} keys={CHOICE_KEYS} /> : null}
        {type === "matrixdropdown" ? (
          <>
            <LinesField {...props} property="columns" label={e.columns} keys={NAMED_KEYS} />
            <LinesField {...props} property="choices" label={e.choices} keys={CHOICE_KEYS} />
          </>
        ) : null}
        {type === "multipletext" ? <LinesField {...props} property="items" label={e.items} keys={NAMED_KEYS} /> : null}
        {type === "html" ? <LocalizedFields {...props} property="html" label={e.html} multiline /> : null}
        {isQuestion && type !== "html" ? <CheckField {...props} property="isRequired" label={e.required} /> : null}
        {isRoot ? null : (
          <fieldset class="field-group">
            <legend>{e.logic}</legend>
            <LogicField json={json} {...props} property="visibleIf" label={e.visibleIf} lang={lang} />
            {isQuestion ? <LogicField json={json} {...props} property="requiredIf" label={e.requiredIf} lang={lang} /> : null}
          </fieldset>
        )}
      </form>
    </ConvertedContext.Provider>
  );
}

/** A text question's input type and, for numbers and dates, its limits. */
function TextFields({ element, onChange }: { element: Json; onChange: Change }) {
  const e = useWords().editor;
  const inputType = typeof element.inputType === "string" ? element.inputType : "text";
  return (
    <>
      <div class="field field-short">
        <label for="ef-input-type">{e.inputType}</label>
        <select
          id="ef-input-type"
          data-field="inputType"
          value={inputType}
          onChange={(ev) => onChange((el) => put(el, "inputType", ev.currentTarget.value === "text" ? undefined : ev.currentTarget.value))}
        >
          {INPUT_TYPES.map((t) => (
            <option key={t} value={t}>
              {e.inputTypes[t]}
            </option>
          ))}
          {(INPUT_TYPES as readonly string[]).includes(inputType) ? null : <option value={inputType}>{inputType}</option>}
        </select>
      </div>
      {inputType === "number" || inputType === "date" ? (
        <div class="field-row" key={inputType}>
          <NumberField element={element} onChange={onChange} property="min" label={e.min} asText={inputType === "date"} />
          <NumberField element={element} onChange={onChange} property="max" label={e.max} asText={inputType === "date"} />
        </div>
      ) : null}
    </>
  );
}
