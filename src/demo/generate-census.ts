import { drawCreditCode } from "./credit-code.js";
import * as V from "./census-vocabulary.js";
import { pickExactly } from "./exact-sample.js";
import type { DemoResponse } from "./generate-responses.js";
import { drawUniqueName } from "./org-names.js";
import { createRandom, type Random } from "./random.js";
import { requireQuestionnaire } from "./survey-json.js";
import { CENSUS_TARGETS } from "./targets.js";
import { uuidV4 } from "../lib/uuid.js";

/** Options of {@link generateCensusResponses}. */
export interface CensusOptions {
  seed?: number;
  /** Number of organisations (one response each); 196 by default, as the cited district. */
  count?: number;
  /** The district: its name starts organisation names, its 6-digit code goes into credit codes. */
  district?: { name: string; adminCode: string };
}

/** The seed of the shipped census demo data set. */
const DEFAULT_CENSUS_SEED = 196;

const EXPECTED_CHOICES: Record<string, readonly string[]> = {
  org_name: [],
  credit_code: [],
  org_type: V.CENSUS_ORG_TYPES,
  reg_level: V.REG_LEVELS,
  staff_count: [],
  member_count: [],
  hub: V.CENSUS_HUB,
  party_org_form: V.CENSUS_PARTY_ORG_FORMS,
  has_party_org: [],
  should_build: [],
  instructor: V.YES_NO,
  meetings_held: V.MEETINGS_HELD,
};

/** Mostly under ten people: the cited district's organisations are small. */
function drawStaff(random: Random, orgType: string): number {
  const band = random.pick(
    [
      [1, 9],
      [10, 29],
      [30, 80],
    ],
    orgType === "城乡社区社会组织" ? [0.95, 0.05, 0] : [0.84, 0.13, 0.03],
  );
  return band[0] + Math.floor((band[1] - band[0] + 1) * random.next() ** 1.4);
}

function drawForm(random: Random, members: number): (typeof V.CENSUS_PARTY_ORG_FORMS)[number] {
  if (members >= 3) return random.pick(V.CENSUS_PARTY_ORG_FORMS, [0.8, 0.1, 0.05, 0.05]);
  if (members > 0) return random.pick(V.CENSUS_PARTY_ORG_FORMS, [0, 0.5, 0.3, 0.2]);
  // Without members, coverage comes only through joint or attached organisations.
  return random.pick(V.CENSUS_PARTY_ORG_FORMS, [0, 0.07, 0.11, 0.82]);
}

/**
 * Generates a district's coverage census (surveys/org-coverage-census.json): one
 * response per registered organisation, mostly under ten people, and with fewer than
 * 2 % of organisations having any party member (the cited district: 196 organisations,
 * over 98 % without one). Computed questions (has_party_org, should_build) carry the
 * values survey-core computes, so the data round-trips through a Model unchanged.
 * Pure and deterministic, like {@link generateDemoResponses}.
 * @example generateCensusResponses(json).length // 196
 */
export function generateCensusResponses(json: unknown, options: CensusOptions = {}): DemoResponse[] {
  requireQuestionnaire(json, EXPECTED_CHOICES);
  const seed = options.seed ?? DEFAULT_CENSUS_SEED;
  const count = options.count ?? CENSUS_TARGETS.organisations;
  const district = options.district ?? { name: "示范区", adminCode: "110199" };
  const random = createRandom(seed);
  const ids = createRandom(seed ^ 0x5eed1d5);

  const orgTypes = Array.from({ length: count }, () => random.pick(V.CENSUS_ORG_TYPES, [0.55, 0.29, 0.01, 0.04, 0.11]));
  const staff = orgTypes.map((t) => drawStaff(random, t));
  // Strictly fewer than the published 2 % have members; larger organisations more likely.
  // toFixed drops float noise (1000 × 0.02 is 20.000000000000018, whose ceiling is 21).
  const allowed = Number((count * (1 - CENSUS_TARGETS.minShareWithoutMembers)).toFixed(9));
  const withMembers = Math.max(0, Math.ceil(allowed) - 1);
  const hasMembers = pickExactly(random, staff, withMembers);
  const names = new Set<string>();

  return orgTypes.map((orgType, i) => {
    const members = hasMembers.has(i) ? random.int(1, Math.min(staff[i], 5)) : 0;
    const form = drawForm(random, members);
    const community = orgType === "城乡社区社会组织";
    const data: DemoResponse["data"] = { org_name: drawUniqueName(random, orgType, district.name, names) };
    // Community organisations are only filed with the street office and have no code;
    // some others leave the optional code blank.
    if (!community && random.chance(0.9)) data.credit_code = drawCreditCode(random, orgType, district.adminCode);
    data.org_type = orgType;
    data.reg_level = community ? "街道(乡镇)" : random.pick(["市", "区(县)"], [0.06, 0.94]);
    data.staff_count = staff[i];
    data.member_count = members;
    data.hub = random.pick(V.CENSUS_HUB, [0.55, 0.43, 0.02]);
    data.party_org_form = form;
    data.has_party_org = form === "未建立" ? "否" : "是";
    data.should_build = members >= 3 ? "是" : "否";
    data.instructor = random.chance(form === "未建立" ? 0.3 : form === "单独建立" ? 0.4 : 0.5) ? "是" : "否";
    if (form !== "未建立") {
      data.meetings_held = random.pick(V.MEETINGS_HELD, form === "单独建立" ? [0.7, 0.25, 0.05] : [0.2, 0.35, 0.45]);
    }
    return { id: uuidV4(ids.fill), data };
  });
}
