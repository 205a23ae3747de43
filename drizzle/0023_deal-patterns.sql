CREATE TABLE "deal_patterns" (
	"deal_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"crm_user_id" uuid,
	"source_id" uuid NOT NULL,
	"semantic" "stage_semantic" NOT NULL,
	"created_day" date NOT NULL,
	"closed_day" date,
	"days_to_close" double precision,
	"activities" integer DEFAULT 0 NOT NULL,
	"calls" integer DEFAULT 0 NOT NULL,
	"emails" integer DEFAULT 0 NOT NULL,
	"meetings" integer DEFAULT 0 NOT NULL,
	"tasks" integer DEFAULT 0 NOT NULL,
	"touches" integer DEFAULT 0 NOT NULL,
	"last_touch_day" date,
	"stage_changes" integer DEFAULT 0 NOT NULL,
	"moves_back" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "report_activity_facts" ADD COLUMN "deal_id" uuid;--> statement-breakpoint
ALTER TABLE "report_fact_state" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "deal_patterns" ADD CONSTRAINT "deal_patterns_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deal_patterns_org_idx" ON "deal_patterns" USING btree ("org_id","semantic","crm_user_id");