import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** One-time codes of the first-start setup link; only their SHA-256 is kept. */
export const setupCodes = pgTable("setup_codes", {
  hash: text("hash").primaryKey(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  usedAt: timestamp("used_at", { withTimezone: true }),
});
