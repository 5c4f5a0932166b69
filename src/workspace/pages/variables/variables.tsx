import { useState } from "preact/hooks";
import { api, surveyPath } from "../../api.js";
import { ConfirmButton } from "../../components/confirm-button.js";
import { Loading } from "../../components/loading.js";
import { Notice } from "../../components/notice.js";
import { ProblemBox } from "../../components/problem-box.js";
import { useBoot } from "../../context.js";
import { fill } from "../../fill.js";
import { may } from "../../permissions.js";
import { useAction } from "../../use-action.js";
import { useLoad } from "../../use-load.js";
import type { SurveyPageProps } from "../survey-page.js";
import { bodyOf, type Definition, EMPTY_FORM, type FormState, formOf, type Source } from "./rule.js";
import { VariableCheck } from "./variable-check.js";
import { VariableForm } from "./variable-form.js";

/**
 * /w/surveys/{name}/variables: the survey's derived variables — list, define by clicks, edit,
 * delete, and each one's live frequencies as a check. Viewers see the list and the checks.
 */
export function Variables({ survey, role }: SurveyPageProps) {
  const { words: w, lang } = useBoot();
  const v = w.variables;
  const loaded = useLoad(() => api<{ variables: Definition[]; sources: Source[] }>(surveyPath(survey.name, "/variables")), [survey.name, lang]);
  const [form, setForm] = useState<FormState>(EMPTY_FORM);
  const [editing, setEditing] = useState<string | null>(null);
  const [checked, setChecked] = useState<string | null>(null);
  // A redefined variable's check opens its stream again.
  const [revision, setRevision] = useState(0);
  const editable = may(role, "variables");
  const { error, notice, act } = useAction(() => loaded.reload());

  const save = (sources: Source[]) =>
    act(async () => {
      const body = bodyOf(
        form,
        sources.find((s) => s.name === form.from),
      );
      const path = editing ? `/variables/${encodeURIComponent(editing)}` : "/variables";
      const saved = await api<Definition>(surveyPath(survey.name, path), { method: editing ? "PUT" : "POST", body });
      setForm(EMPTY_FORM);
      setEditing(null);
      setChecked(saved.name);
      setRevision((r) => r + 1);
      return fill(editing ? v.updated : v.created, { name: saved.name });
    });
  const remove = (name: string) =>
    act(async () => {
      await api(surveyPath(survey.name, `/variables/${encodeURIComponent(name)}`), { method: "DELETE" });
      if (checked === name) setChecked(null);
      return fill(v.removed, { name });
    });
  const summary = (d: Definition, sources: Source[]) => {
    const source = sources.find((s) => s.name === d.from);
    const labelOf = (value: unknown) => source?.categories.find((c) => c.value === value)?.label ?? String(value);
    if (d.groups) return `${fill(v.summary.groups, { n: Object.keys(d.groups).length })}: ${Object.keys(d.groups).join(" / ")}`;
    if (d.bins) return `${fill(v.summary.bins, { n: d.bins.length })}: ${d.bins.map((b) => b.label).join(" / ")}`;
    if (d.option !== undefined) return fill(v.summary.option, { value: labelOf(d.option) });
    return fill(v.summary.equals, { value: labelOf(d.equals) });
  };
  const labelOf = (d: Definition) => (typeof d.label === "string" ? d.label : (d.label?.[lang] ?? Object.values(d.label ?? {})[0] ?? ""));

  return (
    <div>
      <p class="intro">{v.intro}</p>
      <Loading loaded={loaded}>
        {({ variables, sources }) => (
          <>
            {error ? <ProblemBox error={error} /> : null}
            <Notice text={notice} />
            {variables.length === 0 ? (
              <p class="empty">{v.empty}</p>
            ) : (
              <div class="table-wrap">
                <table class="variables">
                  <thead>
                    <tr>
                      <th scope="col">{v.name}</th>
                      <th scope="col">{v.label}</th>
                      <th scope="col">{v.from}</th>
                      <th scope="col">{v.rule}</th>
                      <th scope="col">{w.common.actions}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {variables.map((d) => (
                      <tr key={d.name} data-variable={d.name}>
                        <th scope="row" class="mono">
                          {d.name}
                        </th>
                        <td>{labelOf(d)}</td>
                        <td>{sources.find((s) => s.name === d.from)?.title ?? d.from}</td>
                        <td>{summary(d, sources)}</td>
                        <td class="actions">
                          <button type="button" class="button small check" aria-pressed={checked === d.name} onClick={() => setChecked(d.name)}>
                            {v.check}
                          </button>{" "}
                          {editable ? (
                            <>
                              <button
                                type="button"
                                class="button small edit"
                                onClick={() => {
                                  setEditing(d.name);
                                  setForm(
                                    formOf(
                                      d,
                                      sources.find((s) => s.name === d.from),
                                      lang,
                                    ),
                                  );
                                }}
                              >
                                {v.edit}
                              </button>{" "}
                              <ConfirmButton small label={v.remove} question={fill(v.removeConfirm, { name: d.name })} confirm={v.remove} onConfirm={() => remove(d.name)} />
                            </>
                          ) : null}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {checked && variables.some((d) => d.name === checked) ? <VariableCheck survey={survey.name} name={checked} revision={revision} /> : null}
            {editable ? (
              <VariableForm
                form={form}
                sources={sources}
                editing={editing}
                onChange={setForm}
                onSubmit={() => void save(sources)}
                onCancel={() => {
                  setEditing(null);
                  setForm(EMPTY_FORM);
                }}
              />
            ) : null}
          </>
        )}
      </Loading>
    </div>
  );
}
