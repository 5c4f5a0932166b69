/** The shapes of the API answers the workspace reads (see the platform's OpenAPI document). */

export type SurveyStatus = "draft" | "open" | "closed";
export type Role = "admin" | "owner" | "editor" | "analyst" | "viewer";
export type MemberRole = Exclude<Role, "admin">;

export interface SurveySummary {
  name: string;
  title: unknown;
  /** The current version; null while a new survey has nothing published. */
  version: number | null;
  status: SurveyStatus;
  closesAt: string | null;
  maxResponses: number | null;
  /** The IANA time zone its dates are read in (absent from servers before zones: Asia/Shanghai). */
  timeZone?: string;
  responses: { total: number; complete: number; partial: number; today?: number };
  /** The caller's role on it (absent from servers before roles). */
  role?: Role;
  /** The unit the caller is limited to, or null. */
  unit?: string | null;
  /** How many collection links it has. */
  links?: number;
}

export interface Link {
  code: string;
  url: string;
  unit: string;
  label: string | null;
  level?: string | null;
  expected: number | null;
  closedAt: string | null;
  createdAt: string;
  responses?: number;
}

export interface ResponseRow {
  id: string;
  version: number;
  complete: boolean;
  unit: string | null;
  data: unknown;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
}

export interface ResponseOne extends ResponseRow {
  answers: { name: string; title: string; type: string; value: unknown; text: string }[];
}

export interface MonitorCounts {
  complete: number;
  partial: number;
}

export interface Monitor {
  total: MonitorCounts;
  /** The survey's time zone, whose days `days` counts (absent from servers before zones). */
  timeZone?: string;
  days: ({ date: string } & MonitorCounts)[];
  units: ({ unit: string | null; level: string | null; expected: number | null } & MonitorCounts)[];
  levels: ({ level: string | null; expected: number | null } & MonitorCounts)[];
}

export interface Member {
  login: string;
  name: string;
  role: MemberRole;
  unit: string | null;
  addedAt: string;
}

export interface Token {
  id: number;
  label: string;
  user: { login: string; name: string } | null;
  createdAt: string;
  revokedAt: string | null;
}

export interface AuditEvent {
  id: number;
  at: string;
  actor: { login: string; name: string } | null;
  action: string;
  survey: string | null;
  details: unknown;
}

export interface Account {
  login: string;
  name: string;
  admin: boolean;
  disabled: boolean;
  createdAt: string;
}
