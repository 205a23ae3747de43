CREATE TABLE "report_stage_spans" (
	"deal_id" uuid NOT NULL,
	"stage_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"crm_user_id" uuid,
	"source_id" uuid NOT NULL,
	"first_day" date NOT NULL,
	"last_day" date NOT NULL,
	CONSTRAINT "report_stage_spans_deal_id_stage_id_pk" PRIMARY KEY("deal_id","stage_id")
);
--> statement-breakpoint
ALTER TABLE "report_stage_daily" ADD COLUMN "first_reached" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "report_stage_facts" ADD COLUMN "first_reached" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "report_stage_spans" ADD CONSTRAINT "report_stage_spans_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_stage_spans_range_idx" ON "report_stage_spans" USING gist (daterange("first_day", "last_day", '[]'));--> statement-breakpoint
ALTER TABLE "report_stage_daily" DROP COLUMN "reached";