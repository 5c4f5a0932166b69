CREATE TABLE "collection_links" (
	"id" serial PRIMARY KEY NOT NULL,
	"survey_id" integer NOT NULL,
	"code" text NOT NULL,
	"unit" text NOT NULL,
	"label" text,
	"expected" integer,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "collection_links_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "responses" ADD COLUMN "unit" text;--> statement-breakpoint
ALTER TABLE "responses" ADD COLUMN "link_id" integer;--> statement-breakpoint
ALTER TABLE "collection_links" ADD CONSTRAINT "collection_links_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "collection_links_survey_idx" ON "collection_links" USING btree ("survey_id","created_at");--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_link_id_collection_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."collection_links"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "responses_survey_unit_idx" ON "responses" USING btree ("survey_id","unit");--> statement-breakpoint
CREATE INDEX "responses_link_idx" ON "responses" USING btree ("link_id");