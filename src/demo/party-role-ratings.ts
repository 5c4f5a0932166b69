import type { Random } from "./random.js";
import { MEETING_FREQS, ROLE_ITEMS, type PartyOrgForm } from "./reference-vocabulary.js";

const FORM_MEAN: Record<Exclude<PartyOrgForm, "未建立">, number> = { 单独建立: 3.9, 联合建立: 3.0, 挂靠依托: 2.9 };
/** A branch that meets regularly is seen to matter more; one that never meets, less. */
const MEETING_SHIFT = [0.4, 0, -0.4, -0.8];
/** Political guidance is the role most often credited, business development the least. */
const ITEM_SHIFT: Record<(typeof ROLE_ITEMS)[number], number> = {
  role_political: 0.3,
  role_cohesion: 0,
  role_development: -0.25,
  role_service: -0.05,
};

/**
 * The 1–5 ratings of the party organisation's role, correlated within a respondent
 * (one shared impression plus item noise) and higher where the organisation is its
 * own and meets regularly, so that the cross-tabs of the demo show real differences.
 */
export function partyRoleRatings(random: Random, form: Exclude<PartyOrgForm, "未建立">, meeting: string): Record<string, number> {
  const shift = MEETING_SHIFT[MEETING_FREQS.indexOf(meeting as (typeof MEETING_FREQS)[number])] ?? 0;
  const impression = random.normal(FORM_MEAN[form] + shift, 0.55);
  const ratings: Record<string, number> = {};
  for (const item of ROLE_ITEMS) {
    const score = Math.round(random.normal(impression + ITEM_SHIFT[item], 0.6));
    ratings[item] = Math.min(5, Math.max(1, score));
  }
  return ratings;
}
