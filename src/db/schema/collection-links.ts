import { index, integer, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { surveys } from "./surveys.js";

/**
 * A collection point: a link to a survey handed to one unit (a district, a street, a kind of
 * organisation). `code` is the short, unguessable part of the link (`/s/{name}?c={code}`);
 * a response that arrives through it records the unit. A closed link takes no new answers.
 */
export const collectionLinks = pgTable(
  "collection_links",
  {
    id: serial("id").primaryKey(),
    surveyId: integer("survey_id")
      .notNull()
      .references(() => surveys.id, { onDelete: "cascade" }),
    code: text("code").notNull().unique(),
    unit: text("unit").notNull(),
    label: text("label"),
    /** The administrative level of the unit ("区", "街道"), for the monitor's figures by level. */
    level: text("level"),
    /** How many responses the unit is expected to send, when the research group knows. */
    expected: integer("expected"),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("collection_links_survey_idx").on(t.surveyId, t.createdAt)],
);
