import type { Random } from "./random.js";
import type { Headcount } from "./ratio-of-totals.js";
import { HUB, MEETING_FREQS, MEMBER_RELATIONS, ORG_TYPES, PARTY_ORG_FORMS, YES_NO_UNSURE, type OrgType, type PartyOrgForm } from "./reference-vocabulary.js";
import { partyRoleRatings } from "./party-role-ratings.js";

/** What is drawn for an organisation before its headcounts are fitted to the published ratio. */
export interface OrganisationProfile extends Headcount {
  orgType: OrgType;
}

/** Staff-size bands: most social organisations have fewer than ten people. */
const BANDS = [
  [1, 9],
  [10, 29],
  [30, 99],
  [100, 400],
] as const;
const BAND_WEIGHTS: Record<OrgType, number[]> = {
  社会团体: [0.6, 0.25, 0.11, 0.04],
  民办非企业单位: [0.52, 0.28, 0.14, 0.06],
  基金会: [0.7, 0.25, 0.05, 0],
  社会中介组织: [0.45, 0.35, 0.15, 0.05],
  城乡社区社会组织: [0.85, 0.13, 0.02, 0],
};
/** Chance that an organisation has any party member at all, by band. */
const HAS_MEMBERS = [0.3, 0.65, 0.85, 0.95];

/**
 * Draws an organisation's type, staff and party members. Small organisations often have
 * no party member; larger ones usually have a few.
 */
export function drawOrganisationProfile(random: Random): OrganisationProfile {
  const orgType = random.pick(ORG_TYPES, [0.46, 0.38, 0.04, 0.07, 0.05]);
  const band = random.pick([0, 1, 2, 3], BAND_WEIGHTS[orgType]);
  const [lo, hi] = BANDS[band];
  // Skewed towards the bottom of each band, as organisation sizes are.
  const staff = lo + Math.floor((hi - lo + 1) * random.next() ** 1.6);
  let members = 0;
  if (random.chance(HAS_MEMBERS[band])) {
    members = staff < 10 ? Math.min(staff, random.pick([1, 2, 3, 4], [0.45, 0.3, 0.17, 0.08])) : Math.max(1, Math.round(staff * (0.03 + 0.2 * random.next())));
  }
  return { orgType, staff, members };
}

/** A party branch needs three full members, so small memberships join or attach instead. */
function drawPartyOrgForm(random: Random, members: number): PartyOrgForm {
  // About 97 % of qualifying organisations have one, as the published 应建已建率 (97.3 %).
  if (members >= 3) return random.pick(PARTY_ORG_FORMS, [0.8, 0.12, 0.055, 0.025]);
  if (members > 0) return random.pick(PARTY_ORG_FORMS, [0.03, 0.45, 0.22, 0.3]);
  return random.pick(PARTY_ORG_FORMS, [0, 0.12, 0.18, 0.7]);
}

/** Joint organisations often exist on paper only, so they meet least regularly. */
const MEETING_WEIGHTS: Record<Exclude<PartyOrgForm, "未建立">, number[]> = {
  单独建立: [0.62, 0.25, 0.1, 0.03],
  联合建立: [0.25, 0.3, 0.3, 0.15],
  挂靠依托: [0.3, 0.3, 0.28, 0.12],
};

/**
 * The answers of a social organisation's respondent to parts 2 and 3 of the reference
 * questionnaire, given its (fitted) profile. Only questions the respondent sees are
 * answered: the member relation when there are members, part 3 when a party
 * organisation exists.
 */
export function organisationAnswers(random: Random, profile: OrganisationProfile): Record<string, string | number> {
  const { orgType, staff, members } = profile;
  const form = drawPartyOrgForm(random, members);
  const answers: Record<string, string | number> = {
    org_type: orgType,
    hub: random.pick(HUB, staff >= 30 ? [0.55, 0.17, 0.1, 0.18] : [0.6, 0.22, 0.14, 0.04]),
    staff_count: staff,
    member_count: members,
  };
  if (members > 0) {
    answers.member_relation = random.pick(MEMBER_RELATIONS, form === "单独建立" ? [0.55, 0.35, 0.1] : [0.15, 0.45, 0.4]);
  }
  answers.party_org_form = form;
  const instructorYes = form === "单独建立" ? 0.3 : form === "未建立" ? 0.45 : 0.55;
  answers.instructor = random.pick(YES_NO_UNSURE, [instructorYes, 0.92 - instructorYes, 0.08]);
  if (form !== "未建立") {
    const meeting = random.pick(MEETING_FREQS, MEETING_WEIGHTS[form]);
    answers.meeting_freq = meeting;
    Object.assign(answers, partyRoleRatings(random, form, meeting));
  }
  return answers;
}
