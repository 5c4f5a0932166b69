CREATE TABLE "survey_drafts" (
	"survey_id" integer PRIMARY KEY NOT NULL,
	"json" jsonb NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"based_on" integer NOT NULL,
	"converted" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_by" integer,
	"updated_by_label" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "survey_drafts" ADD CONSTRAINT "survey_drafts_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_drafts" ADD CONSTRAINT "survey_drafts_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;