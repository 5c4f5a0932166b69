import { index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { surveys } from "./surveys.js";
import { users } from "./users.js";

/**
 * Who may work on a survey, and as what. Administrators need no row: they reach every survey.
 * `unit` limits a member to the responses of one unit (a collection link's unit, e.g. 朝阳区).
 */
export const surveyMembers = pgTable(
  "survey_members",
  {
    surveyId: integer("survey_id")
      .notNull()
      .references(() => surveys.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: ["owner", "editor", "analyst", "viewer"] }).notNull(),
    unit: text("unit"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.surveyId, t.userId] }), index("survey_members_user_idx").on(t.userId)],
);
