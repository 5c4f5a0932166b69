import { integer, jsonb, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { surveys } from "./surveys.js";

/**
 * Population frames saved with a survey: known counts of one variable's categories (e.g. the
 * Baoji organisation types), which the workbench weights a sample to. `position` keeps the order
 * the frames were saved in; a PUT of the list replaces every row of the survey.
 */
export const surveyPopulations = pgTable(
  "survey_populations",
  {
    surveyId: integer("survey_id")
      .notNull()
      .references(() => surveys.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    variable: text("variable").notNull(),
    counts: jsonb("counts").$type<Record<string, number>>().notNull(),
    position: integer("position").notNull(),
  },
  (t) => [primaryKey({ columns: [t.surveyId, t.name] })],
);
