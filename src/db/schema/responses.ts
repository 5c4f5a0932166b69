import { sql } from "drizzle-orm";
import { boolean, foreignKey, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { collectionLinks } from "./collection-links.js";
import { surveyVersions } from "./survey-versions.js";

/**
 * One respondent's answers. The id is made by the client once per response, so a
 * retried submission can be recognised; `bodyHash` tells a true repeat from a
 * conflicting one. Deliberately no IP address or user agent: respondents are anonymous.
 */
export const responses = pgTable(
  "responses",
  {
    id: uuid("id").primaryKey(),
    surveyId: integer("survey_id").notNull(),
    version: integer("version").notNull(),
    data: jsonb("data").notNull().$type<Record<string, unknown>>(),
    complete: boolean("complete").notNull(),
    // Questions the respondent never saw (hidden by skip logic): analysis counts them as
    // "not asked", apart from questions seen and left unanswered ("missing").
    notAsked: text("not_asked").array().notNull().default(sql`'{}'::text[]`),
    bodyHash: text("body_hash").notNull(),
    // The unit of the collection link the response came through (a copy: it stays when the link goes), or null.
    unit: text("unit"),
    // The collection link itself, for its count of responses; null when the link is gone.
    linkId: integer("link_id").references(() => collectionLinks.id, { onDelete: "set null" }),
    // Millisecond precision, as JavaScript dates have: the paging cursor compares it exactly.
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
  },
  (t) => [
    foreignKey({
      columns: [t.surveyId, t.version],
      foreignColumns: [surveyVersions.surveyId, surveyVersions.version],
    }).onDelete("cascade"),
    index("responses_survey_version_idx").on(t.surveyId, t.version),
    index("responses_survey_created_idx").on(t.surveyId, t.createdAt, t.id),
    index("responses_survey_unit_idx").on(t.surveyId, t.unit),
    index("responses_link_idx").on(t.linkId),
  ],
);
