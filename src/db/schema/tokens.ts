import { pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";

/** Researcher bearer tokens. Only the SHA-256 of a token is kept; the token itself is shown once. */
export const tokens = pgTable("tokens", {
  id: serial("id").primaryKey(),
  label: text("label").notNull(),
  hash: text("hash").notNull().unique(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  revokedAt: timestamp("revoked_at", { withTimezone: true }),
});
