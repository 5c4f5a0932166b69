import { integer, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";

/**
 * A questionnaire, known by its URL name; its content lives in numbered versions. Its life:
 * `draft` (not yet answerable), `open`, or `closed`; an open survey also stops taking new
 * responses at `closes_at` or once it holds `max_responses`. `time_zone` (IANA) is where its
 * respondents' days and clocks are read: exports' times, the monitor's days, day filters.
 * `traditional_standard` is the Traditional Chinese its editors fill from Simplified (OpenCC):
 * `tw` Taiwan, `hk` Hong Kong. It is the survey's, not a version's: kept here rather than in the
 * questionnaire JSON, whose versions are hashed (a changed standard would publish a version with
 * no question changed), exported as workbooks and read by respondents' browsers.
 */
export const surveys = pgTable("surveys", {
  id: serial("id").primaryKey(),
  name: text("name").notNull().unique(),
  status: text("status", { enum: ["draft", "open", "closed"] })
    .notNull()
    .default("open"),
  closesAt: timestamp("closes_at", { withTimezone: true }),
  maxResponses: integer("max_responses"),
  timeZone: text("time_zone").notNull().default("Asia/Shanghai"),
  traditionalStandard: text("traditional_standard", { enum: ["tw", "hk"] })
    .notNull()
    .default("tw"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
