CREATE TABLE "survey_populations" (
	"survey_id" integer NOT NULL,
	"name" text NOT NULL,
	"variable" text NOT NULL,
	"counts" jsonb NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "survey_populations_survey_id_name_pk" PRIMARY KEY("survey_id","name")
);
--> statement-breakpoint
ALTER TABLE "survey_populations" ADD CONSTRAINT "survey_populations_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;