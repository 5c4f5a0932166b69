CREATE TABLE "survey_text_dictionaries" (
	"survey_id" integer PRIMARY KEY NOT NULL,
	"terms" jsonb NOT NULL,
	"updated_by" integer,
	"updated_by_label" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "survey_text_dictionaries" ADD CONSTRAINT "survey_text_dictionaries_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_text_dictionaries" ADD CONSTRAINT "survey_text_dictionaries_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;