/**
 * The variable form's state and the API body it becomes (and back, for editing): what the
 * analyst ticked and typed, kept as text until it is sent, so a half-typed number stays as typed.
 */

export type Choice = string | number | boolean;
export type RuleKind = "groups" | "bins" | "option" | "equals";

/** A question a variable can be made from, as GET …/variables lists it. */
export interface Source {
  name: string;
  title: string;
  kind: "single" | "multiple" | "numeric";
  categories: { value: Choice; label: string }[];
}

/** A stored definition, as GET …/variables lists it. */
export interface Definition {
  name: string;
  label?: string | Record<string, string>;
  from: string;
  groups?: Record<string, Choice[]>;
  bins?: { label: string; min?: number; max?: number }[];
  option?: Choice;
  equals?: Choice;
}

export interface FormState {
  name: string;
  label: string;
  from: string;
  rule: RuleKind;
  /** Each group's name and the indices of the source's categories ticked for it. */
  groups: { name: string; picked: number[] }[];
  bins: { label: string; min: string; max: string }[];
  /** Index of the chosen category (option; equals on a choice question). */
  choice: string;
  /** The number typed (equals on a number question). */
  number: string;
}

export const EMPTY_FORM: FormState = {
  name: "",
  label: "",
  from: "",
  rule: "groups",
  groups: [{ name: "", picked: [] }],
  bins: [{ label: "", min: "", max: "" }],
  choice: "",
  number: "",
};

/** The rules a source takes, the first being the form's default. */
export function rulesFor(source: Source | undefined): RuleKind[] {
  if (!source) return [];
  if (source.kind === "numeric") return ["bins", "equals"];
  if (source.kind === "multiple") return ["option"];
  return ["groups", "equals"];
}

const number = (text: string): number | undefined => (text.trim() === "" ? undefined : Number(text));

/** The body to POST or PUT. Numbers typed as text are sent as numbers; the server checks the rest. */
export function bodyOf(form: FormState, source: Source | undefined): Definition {
  const body: Definition = { name: form.name.trim(), from: form.from };
  if (form.label.trim() !== "") body.label = form.label.trim();
  const value = (index: string) => source?.categories[Number(index)]?.value ?? "";
  switch (form.rule) {
    case "groups":
      body.groups = Object.fromEntries(form.groups.map((g) => [g.name.trim(), g.picked.map((i) => source?.categories[i]?.value ?? "")]));
      break;
    case "bins":
      body.bins = form.bins.map((b) => {
        const bin: { label: string; min?: number; max?: number } = { label: b.label.trim() };
        const min = number(b.min);
        const max = number(b.max);
        if (min !== undefined) bin.min = min;
        if (max !== undefined) bin.max = max;
        return bin;
      });
      break;
    case "option":
      body.option = value(form.choice);
      break;
    case "equals":
      body.equals = source?.kind === "numeric" ? (number(form.number) ?? Number.NaN) : value(form.choice);
      break;
  }
  return body;
}

/** A stored definition back as the form shows it. */
export function formOf(definition: Definition, source: Source | undefined, lang: string): FormState {
  const indexOf = (value: Choice | undefined) => String(source?.categories.findIndex((c) => c.value === value) ?? -1);
  const label = typeof definition.label === "string" ? definition.label : (definition.label?.[lang] ?? Object.values(definition.label ?? {})[0] ?? "");
  const form: FormState = { ...EMPTY_FORM, name: definition.name, label, from: definition.from };
  if (definition.groups) {
    form.rule = "groups";
    form.groups = Object.entries(definition.groups).map(([name, values]) => ({ name, picked: values.map((v) => Number(indexOf(v))).filter((i) => i >= 0) }));
  } else if (definition.bins) {
    form.rule = "bins";
    form.bins = definition.bins.map((b) => ({ label: b.label, min: b.min === undefined ? "" : String(b.min), max: b.max === undefined ? "" : String(b.max) }));
  } else if (definition.option !== undefined) {
    form.rule = "option";
    form.choice = indexOf(definition.option);
  } else {
    form.rule = "equals";
    if (typeof definition.equals === "number" && source?.kind === "numeric") form.number = String(definition.equals);
    else form.choice = indexOf(definition.equals);
  }
  return form;
}
