import type { Role } from "./types.js";

/** What a role may do on a survey: the server's table (issue 10), mirrored to show only what works. */
export type Permission = "read" | "analyse" | "variables" | "responses" | "export" | "edit" | "links" | "manage" | "reports";

const ALLOWED: Record<Role, readonly Permission[]> = {
  admin: ["read", "analyse", "variables", "responses", "export", "edit", "links", "manage", "reports"],
  owner: ["read", "analyse", "variables", "responses", "export", "edit", "links", "manage", "reports"],
  editor: ["read", "analyse", "variables", "responses", "edit", "links", "reports"],
  analyst: ["read", "analyse", "variables", "responses", "export", "links", "reports"],
  viewer: ["read", "analyse"],
};

/** Whether `role` may do `permission`. The server checks again: this only hides what would fail. */
export function may(role: Role, permission: Permission): boolean {
  return ALLOWED[role].includes(permission);
}

/** The permission each survey page needs. */
export const TAB_PERMISSION = {
  overview: "read",
  responses: "responses",
  monitor: "analyse",
  analysis: "analyse",
  variables: "analyse",
  reports: "analyse",
  links: "links",
  members: "manage",
  audit: "manage",
} as const satisfies Record<string, Permission>;
