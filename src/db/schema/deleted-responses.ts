import { index, integer, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { surveys } from "./surveys.js";
import { users } from "./users.js";

/**
 * The tombstone of a deleted response: its id stays known, so the same id sent again (a phone
 * that kept it, an import of an old file) is refused instead of stored again, as ODK Central does.
 * The answers themselves are gone. `deletedBy` is null for a legacy token (the audit log names it).
 */
export const deletedResponses = pgTable(
  "deleted_responses",
  {
    responseId: uuid("response_id").primaryKey(),
    surveyId: integer("survey_id")
      .notNull()
      .references(() => surveys.id, { onDelete: "cascade" }),
    deletedAt: timestamp("deleted_at", { withTimezone: true }).notNull().defaultNow(),
    deletedBy: integer("deleted_by").references(() => users.id),
  },
  (t) => [index("deleted_responses_survey_idx").on(t.surveyId)],
);
