import { integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { surveys } from "./surveys.js";
import { users } from "./users.js";

/**
 * A survey's dictionary for segmenting open answers: the field's terms that must stay one
 * word (三会一课, 党建指导员). No row: the survey uses the shipped domain terms.
 * `updated_by` names the account of the last save, `updated_by_label` a caller without one.
 */
export const surveyTextDictionaries = pgTable("survey_text_dictionaries", {
  surveyId: integer("survey_id")
    .primaryKey()
    .references(() => surveys.id, { onDelete: "cascade" }),
  terms: jsonb("terms").$type<string[]>().notNull(),
  updatedBy: integer("updated_by").references(() => users.id),
  updatedByLabel: text("updated_by_label"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
