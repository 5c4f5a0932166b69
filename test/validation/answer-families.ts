/**
 * Families of answer sets: one base drawn the expensive way (a respondent driving a real
 * survey-core Model, about 40 ms; or an arbitrary dictionary), then many variants derived from it
 * by cheap edits (answer-mutations.ts), each a full answer set with its own `complete` and reader.
 * The base costs once per family instead of once per set, so a million sets cost about what the
 * two checkers cost on them. The first few variants are the base as drawn; about one in twenty
 * is replaced by arbitrary JSON, so sets no form could produce stay in the mix.
 *
 * A family is a fast-check value: (seed, path) replays it, and a variant index names one set in it.
 */
import fc from "fast-check";
import type { Language } from "../../i18n/language.js";
import { applyMutations, type Mutation, type MutationName, mutationArb, type MutationPlan } from "./answer-mutations.js";
import { type AnswerSet, arbitraryDataArb, honestAnswers, keyArbFor, readerArb, valueArb } from "./answer-sets.js";

/** One variant: the edits to the base, or arbitrary data in place of it. */
interface Variant {
  mutations: Mutation[];
  complete: boolean;
  reader: Language | undefined;
  replacement: { data: unknown } | null;
}

/** A base and its variants, as fast-check draws them. */
export interface Family {
  base: { kind: "honest" | "arbitrary"; data: Record<string, unknown> };
  variants: Variant[];
}

/** Draws families of `size` answer sets for one questionnaire. */
export function familyArb(json: object, size: number): fc.Arbitrary<Family> {
  const honest = fc.gen().map((g) => ({ kind: "honest" as const, data: honestAnswers(json, g) }));
  const dictionary = fc.dictionary(keyArbFor(json), valueArb, { maxKeys: 12 }).map((data) => ({ kind: "arbitrary" as const, data }));
  const variant: fc.Arbitrary<Variant> = fc.record({
    mutations: fc.array(mutationArb, { minLength: 1, maxLength: 3 }),
    complete: fc.boolean(),
    reader: readerArb,
    // About one set in twenty is not derived from the base at all.
    replacement: fc.oneof({ weight: 19, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: arbitraryDataArb(json).map((data) => ({ data })) }),
  });
  return fc.record({
    base: fc.oneof({ weight: 4, arbitrary: honest }, { weight: 1, arbitrary: dictionary }),
    variants: fc.array(variant, { minLength: size, maxLength: size }),
  });
}

/** How many variants keep the base unedited: an honest base is compared as drawn, by several readers, complete or not. */
const UNEDITED = 4;

/** An answer set of a family, with the names of the edits that made it from the base. */
export type FamilySet = AnswerSet & { edits: MutationName[] };

/** The answer sets of a family, built from a plan read once per questionnaire. */
export function familySets(plan: MutationPlan, family: Family): FamilySet[] {
  return family.variants.map((variant, i) => {
    const { complete, reader } = variant;
    if (variant.replacement && i >= UNEDITED) return { kind: "arbitrary", data: variant.replacement.data, complete, reader, edits: [] };
    const mutations = i < UNEDITED ? [] : variant.mutations;
    const data = structuredClone(family.base.data);
    applyMutations(plan, data, mutations);
    const kind = family.base.kind === "arbitrary" ? "arbitrary" : mutations.length > 0 ? "mutated" : "honest";
    return { kind, data, complete, reader, edits: mutations.map((m) => m.op) };
  });
}
