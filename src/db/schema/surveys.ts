import { pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";

/** A questionnaire, known by its URL name; its content lives in numbered versions. */
export const surveys = pgTable("surveys", {
  id: serial("id").primaryKey(),
  name: text("name").notNull().unique(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
