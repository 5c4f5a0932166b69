/** A member's role on one survey (administrators need none: they may do everything). */
export const ROLES = ["owner", "editor", "analyst", "viewer"] as const;
export type Role = (typeof ROLES)[number];

/** What a researcher call needs on its survey. */
export type Permission = "read" | "analyse" | "variables" | "responses" | "links" | "export" | "edit" | "manage" | "code" | "reports";

/**
 * Who may do what, by role (issue 10): an owner everything, members and deletion included;
 * an editor the questionnaire, collection points and responses; an analyst analysis,
 * reports and raw exports; a viewer analysis results and reports only (no raw responses,
 * no export). Everyone reads the survey itself; the monitor is analysis. Coding open answers
 * (the segmentation dictionary, later codebooks) is for editors and analysts (issue 15).
 */
const ALLOWED: Record<Permission, readonly Role[]> = {
  read: ["owner", "editor", "analyst", "viewer"],
  analyse: ["owner", "editor", "analyst", "viewer"],
  // Defining derived variables (recodes) is analysis work: viewers read them, never change them.
  variables: ["owner", "editor", "analyst"],
  responses: ["owner", "editor", "analyst"],
  links: ["owner", "editor", "analyst"],
  export: ["owner", "analyst"],
  edit: ["owner", "editor"],
  manage: ["owner"],
  code: ["owner", "editor", "analyst"],
  // Making and changing stored reports (issue 14); a viewer reads them and opens their pages.
  reports: ["owner", "editor", "analyst"],
};

/** Whether a role (or an administrator) may do this. */
export function allows(role: Role | "admin", permission: Permission): boolean {
  return role === "admin" || ALLOWED[permission].includes(role);
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
