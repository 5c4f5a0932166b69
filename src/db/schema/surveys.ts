import { integer, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";

/**
 * A questionnaire, known by its URL name; its content lives in numbered versions. Its life:
 * `draft` (not yet answerable), `open`, or `closed`; an open survey also stops taking new
 * responses at `closes_at` or once it holds `max_responses`. `time_zone` (IANA) is where its
 * respondents' days and clocks are read: exports' times, the monitor's days, day filters.
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
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
