import { integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { surveys } from "./surveys.js";
import { users } from "./users.js";

/**
 * The questionnaire an editor is working on, one per survey, until it is published as the next
 * version. `revision` counts saves (1 at the first) so a stale save is refused rather than
 * overwriting another editor's work; `based_on` is the version the draft started from (null for
 * a new survey with nothing published yet).
 * `converted` lists the text paths OpenCC filled in and no person has confirmed yet.
 * `updated_by` names the account of the last save, `updated_by_label` a caller without one (a legacy token).
 */
export const surveyDrafts = pgTable("survey_drafts", {
  surveyId: integer("survey_id")
    .primaryKey()
    .references(() => surveys.id, { onDelete: "cascade" }),
  json: jsonb("json").notNull(),
  revision: integer("revision").notNull().default(1),
  basedOn: integer("based_on"),
  converted: jsonb("converted").$type<string[]>().notNull().default([]),
  updatedBy: integer("updated_by").references(() => users.id),
  updatedByLabel: text("updated_by_label"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
