ALTER TABLE "survey_drafts" ALTER COLUMN "based_on" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "surveys" ADD COLUMN "traditional_standard" text DEFAULT 'tw' NOT NULL;