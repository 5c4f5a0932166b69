import { bigserial, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { surveys } from "./surveys.js";
import { users } from "./users.js";

/**
 * One recorded action: who did what, to which survey, when. `actorUserId` names an account;
 * `actorLabel` names a caller without one (a legacy token's label); both null is the platform
 * itself (start-up publishing). `details` never holds passwords, tokens or answers.
 * Events outlive a deleted survey (its id becomes null) and accounts are never deleted.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorUserId: integer("actor_user_id").references(() => users.id),
    actorLabel: text("actor_label"),
    surveyId: integer("survey_id").references(() => surveys.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    details: jsonb("details").notNull().$type<Record<string, unknown>>(),
  },
  (t) => [index("audit_events_survey_idx").on(t.surveyId, t.id)],
);
