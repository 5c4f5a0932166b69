import { integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { surveys } from "./surveys.js";

/**
 * One published, immutable version of a questionnaire. Versions are numbered 1, 2, …
 * per survey; the highest is the current one. `hash` (SHA-256 of the canonical JSON)
 * makes "unchanged JSON publishes nothing" a cheap comparison.
 */
export const surveyVersions = pgTable(
  "survey_versions",
  {
    surveyId: integer("survey_id")
      .notNull()
      .references(() => surveys.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    json: jsonb("json").notNull(),
    hash: text("hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.surveyId, t.version] })],
);
