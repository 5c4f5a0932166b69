import { useWords } from "../../context.js";
import { fill } from "../../fill.js";
import { type FormState, type RuleKind, rulesFor, type Source } from "./rule.js";

/**
 * Defining a variable by clicks: pick the source question, then the rule it takes — tick its
 * choices into named groups, type ranges, pick an option or a value. A choice ticked in one
 * group cannot be ticked in another.
 */
export function VariableForm(props: {
  form: FormState;
  sources: Source[];
  editing: string | null;
  onChange: (form: FormState) => void;
  onSubmit: () => void;
  onCancel: () => void;
}) {
  const w = useWords();
  const v = w.variables;
  const { form, onChange } = props;
  const source = props.sources.find((s) => s.name === form.from);
  const rules = rulesFor(source);
  const set = (change: Partial<FormState>) => onChange({ ...form, ...change });
  const pickSource = (name: string) => {
    const next = props.sources.find((s) => s.name === name);
    set({ from: name, rule: rulesFor(next)[0] ?? "groups", groups: [{ name: "", picked: [] }], choice: "", number: "" });
  };
  const takenBy = (index: number) => form.groups.findIndex((g) => g.picked.includes(index));
  const setGroup = (g: number, change: Partial<FormState["groups"][number]>) => set({ groups: form.groups.map((x, i) => (i === g ? { ...x, ...change } : x)) });
  const setBin = (b: number, change: Partial<FormState["bins"][number]>) => set({ bins: form.bins.map((x, i) => (i === b ? { ...x, ...change } : x)) });

  return (
    <form
      class="form panel variable-form"
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit();
      }}
    >
      <h2>{props.editing ? fill(v.editing, { name: props.editing }) : v.define}</h2>
      <div class="field">
        <label for="var-name">{v.name}</label>
        <input id="var-name" type="text" required maxLength={64} placeholder={v.nameHint} value={form.name} onInput={(e) => set({ name: e.currentTarget.value })} />
      </div>
      <div class="field">
        <label for="var-label">{v.label}</label>
        <input id="var-label" type="text" maxLength={200} value={form.label} onInput={(e) => set({ label: e.currentTarget.value })} />
      </div>
      <div class="field">
        <label for="var-from">{v.from}</label>
        <select id="var-from" required value={form.from} onChange={(e) => pickSource(e.currentTarget.value)}>
          <option value="">{v.pickSource}</option>
          {props.sources.map((s) => (
            <option key={s.name} value={s.name}>
              {s.title === s.name ? s.name : `${s.title} (${s.name})`}
            </option>
          ))}
        </select>
      </div>
      {source ? (
        <fieldset class="field rule-choice">
          <legend>{v.rule}</legend>
          {rules.map((r) => (
            <label key={r} class="inline">
              <input type="radio" name="var-rule" value={r} checked={form.rule === r} onChange={() => set({ rule: r as RuleKind })} /> {v.rules[r]}
            </label>
          ))}
          <p class="hint">{v.ruleHints[form.rule]}</p>
        </fieldset>
      ) : null}
      {source && form.rule === "groups" ? (
        <div class="groups">
          {form.groups.map((g, gi) => (
            <fieldset key={gi} class="group panel" data-group={gi}>
              <legend>{fill(v.group, { n: gi + 1 })}</legend>
              <label>
                {v.groupName} <input type="text" class="group-name" required maxLength={100} value={g.name} onInput={(e) => setGroup(gi, { name: e.currentTarget.value })} />
              </label>
              <ul class="choices">
                {source.categories.map((c, ci) => {
                  const owner = takenBy(ci);
                  return (
                    <li key={ci}>
                      <label class="inline">
                        <input
                          type="checkbox"
                          data-choice={String(c.value)}
                          checked={g.picked.includes(ci)}
                          disabled={owner >= 0 && owner !== gi}
                          onChange={(e) => setGroup(gi, { picked: e.currentTarget.checked ? [...g.picked, ci] : g.picked.filter((i) => i !== ci) })}
                        />{" "}
                        {c.label}
                      </label>
                    </li>
                  );
                })}
              </ul>
              {form.groups.length > 1 ? (
                <button type="button" class="button small" onClick={() => set({ groups: form.groups.filter((_, i) => i !== gi) })}>
                  {v.removeGroup}
                </button>
              ) : null}
            </fieldset>
          ))}
          <button type="button" class="button add-group" onClick={() => set({ groups: [...form.groups, { name: "", picked: [] }] })}>
            {v.addGroup}
          </button>
        </div>
      ) : null}
      {source && form.rule === "bins" ? (
        <table class="bins">
          <thead>
            <tr>
              <th scope="col">{v.binLabel}</th>
              <th scope="col">{v.binMin}</th>
              <th scope="col">{v.binMax}</th>
              <th scope="col">
                <span class="visually-hidden">{w.common.actions}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {form.bins.map((b, bi) => (
              <tr key={bi} data-bin={bi}>
                <td>
                  <input
                    type="text"
                    class="bin-label"
                    aria-label={v.binLabel}
                    required
                    maxLength={100}
                    value={b.label}
                    onInput={(e) => setBin(bi, { label: e.currentTarget.value })}
                  />
                </td>
                <td>
                  <input
                    type="number"
                    class="bin-min"
                    aria-label={v.binMin}
                    step="any"
                    placeholder={v.unbounded}
                    value={b.min}
                    onInput={(e) => setBin(bi, { min: e.currentTarget.value })}
                  />
                </td>
                <td>
                  <input
                    type="number"
                    class="bin-max"
                    aria-label={v.binMax}
                    step="any"
                    placeholder={v.unbounded}
                    value={b.max}
                    onInput={(e) => setBin(bi, { max: e.currentTarget.value })}
                  />
                </td>
                <td>
                  {form.bins.length > 1 ? (
                    <button type="button" class="button small" onClick={() => set({ bins: form.bins.filter((_, i) => i !== bi) })}>
                      {v.removeBin}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td colSpan={4}>
                <button type="button" class="button add-bin" onClick={() => set({ bins: [...form.bins, { label: "", min: "", max: "" }] })}>
                  {v.addBin}
                </button>
              </td>
            </tr>
          </tfoot>
        </table>
      ) : null}
      {source && (form.rule === "option" || (form.rule === "equals" && source.kind !== "numeric")) ? (
        <div class="field">
          <label for="var-choice">{v.equalsValue}</label>
          <select id="var-choice" required value={form.choice} onChange={(e) => set({ choice: e.currentTarget.value })}>
            <option value="" />
            {source.categories.map((c, ci) => (
              <option key={ci} value={String(ci)}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {source && form.rule === "equals" && source.kind === "numeric" ? (
        <div class="field">
          <label for="var-number">{v.equalsValue}</label>
          <input id="var-number" type="number" step="any" required value={form.number} onInput={(e) => set({ number: e.currentTarget.value })} />
        </div>
      ) : null}
      <p>
        <button type="submit" class="button primary">
          {props.editing ? v.update : v.define}
        </button>{" "}
        {props.editing ? (
          <button type="button" class="button" onClick={props.onCancel}>
            {w.common.cancel}
          </button>
        ) : null}
      </p>
    </form>
  );
}
