import { index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { surveys } from "./surveys.js";
import { users } from "./users.js";

/**
 * Report definitions stored with a survey (several per survey), in the format the CLI reads
 * (src/report/definition.ts). `revision` counts saves (1 at creation) so a stale save is refused
 * rather than overwriting another analyst's work, as drafts do. `share_token` is the secret part
 * of the report's read-only address (/r/{token}) while it is shared, null when it is not.
 */
export const surveyReports = pgTable(
  "survey_reports",
  {
    id: serial("id").primaryKey(),
    surveyId: integer("survey_id")
      .notNull()
      .references(() => surveys.id, { onDelete: "cascade" }),
    definition: jsonb("definition").notNull(),
    revision: integer("revision").notNull().default(1),
    shareToken: text("share_token"),
    updatedBy: integer("updated_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("survey_reports_survey_idx").on(t.surveyId), uniqueIndex("survey_reports_share_token_idx").on(t.shareToken)],
);
