import type { WorkspaceBoot } from "../boot.js";
import type { Role, SurveySummary } from "../types.js";

/**
 * The caller's role on a survey, as the survey list says. A server from before per-survey
 * roles sends none: there every account may do everything, as an administrator or owner.
 */
export function roleOf(survey: SurveySummary, user: WorkspaceBoot["user"]): Role {
  return survey.role ?? (user.admin ? "admin" : "owner");
}
