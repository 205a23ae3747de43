CREATE TABLE "report_stage_gaps" (
	"deal_id" uuid NOT NULL,
	"stage_id" uuid NOT NULL,
	"from_day" date NOT NULL,
	"to_day" date NOT NULL,
	"org_id" uuid NOT NULL,
	"crm_user_id" uuid,
	"source_id" uuid NOT NULL,
	CONSTRAINT "report_stage_gaps_deal_id_stage_id_from_day_pk" PRIMARY KEY("deal_id","stage_id","from_day")
);
--> statement-breakpoint
DROP TABLE "report_stage_spans" CASCADE;--> statement-breakpoint
ALTER TABLE "report_stage_daily" ADD COLUMN "last_reached" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "report_stage_facts" ADD COLUMN "last_reached" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "report_stage_gaps" ADD CONSTRAINT "report_stage_gaps_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_stage_gaps_range_idx" ON "report_stage_gaps" USING gist (daterange("from_day", "to_day", '()'));