import { api, ApiError, surveyPath } from "../../api.js";
import type { ChoiceValue } from "./state.js";

/** A question or derived variable the pickers offer. */
export interface Pickable {
  name: string;
  title: string;
  kind: "single" | "multiple" | "numeric" | "other";
  numeric: boolean;
  categories: { value: ChoiceValue; label: string }[];
  derived?: true;
}

export interface Offer {
  versions: number[];
  questions: Pickable[];
  units: string[];
}

interface Variable {
  name: string;
  label?: string;
  groups?: Record<string, unknown>;
  bins?: { label: string }[];
}

/**
 * What the survey offers to analyse: its questions (`GET …/analysis/questions`) and its derived
 * variables (`GET …/variables`; a 404 there means none yet), each a categorical variable.
 */
export async function loadOffer(survey: string): Promise<Offer> {
  const [offer, variables] = await Promise.all([
    api<Offer>(surveyPath(survey, "/analysis/questions")),
    api<{ variables?: Variable[] } | Variable[]>(surveyPath(survey, "/variables")).catch((err: unknown) => {
      if (err instanceof ApiError && err.status === 404) return [];
      throw err;
    }),
  ]);
  const list = Array.isArray(variables) ? variables : (variables.variables ?? []);
  const derived: Pickable[] = list.map((v) => ({
    name: v.name,
    title: v.label ?? v.name,
    kind: "single",
    numeric: false,
    derived: true,
    categories: v.groups ? Object.keys(v.groups).map((g) => ({ value: g, label: g })) : v.bins ? v.bins.map((b) => ({ value: b.label, label: b.label })) : [],
  }));
  return { ...offer, questions: [...offer.questions, ...derived] };
}
