CREATE TABLE "link_invitations" (
	"id" serial PRIMARY KEY NOT NULL,
	"link_id" integer NOT NULL,
	"code" text NOT NULL,
	"response_id" uuid,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "link_invitations_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "link_invitations" ADD CONSTRAINT "link_invitations_link_id_collection_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."collection_links"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "link_invitations_link_idx" ON "link_invitations" USING btree ("link_id","id");