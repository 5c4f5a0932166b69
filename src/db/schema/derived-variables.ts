import { integer, json, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { surveys } from "./surveys.js";

/**
 * A derived variable of a survey (a recode: groups of choices, bins of a number, a ticked
 * option, a number condition), stored as its checked definition and computed in SQL at
 * analysis time, so it follows every response that arrives. Names are unique per survey.
 */
export const derivedVariables = pgTable(
  "derived_variables",
  {
    id: serial("id").primaryKey(),
    surveyId: integer("survey_id")
      .notNull()
      .references(() => surveys.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    // json, not jsonb: jsonb reorders object keys, and the order of groups is the order of categories.
    definition: json("definition").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("derived_variables_survey_name").on(t.surveyId, t.name)],
);
