import { index, integer, pgTable, serial, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { collectionLinks } from "./collection-links.js";

/**
 * Single-use invitation codes of a collection link: once a link has any, it takes answers
 * only with one, and each code carries one response (the first response id it came with;
 * that response may be continued and completed under the same code).
 */
export const linkInvitations = pgTable(
  "link_invitations",
  {
    id: serial("id").primaryKey(),
    linkId: integer("link_id")
      .notNull()
      .references(() => collectionLinks.id, { onDelete: "cascade" }),
    code: text("code").notNull().unique(),
    responseId: uuid("response_id"),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("link_invitations_link_idx").on(t.linkId, t.id)],
);
