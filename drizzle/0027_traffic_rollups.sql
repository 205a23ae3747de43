CREATE TABLE "report_traffic_daily" (
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"day" date NOT NULL,
	"crm_user_id" uuid,
	"source_id" uuid NOT NULL,
	"pipeline_id" uuid,
	"traffic_team_id" uuid,
	"utm_source" text,
	"utm_campaign" text,
	"rows" integer DEFAULT 0 NOT NULL,
	"amount" numeric DEFAULT '0' NOT NULL,
	CONSTRAINT "report_traffic_daily_key" UNIQUE NULLS NOT DISTINCT("org_id","kind","day","crm_user_id","source_id","pipeline_id","traffic_team_id","utm_source","utm_campaign")
);
--> statement-breakpoint
CREATE TABLE "report_traffic_monthly" (
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"month" date NOT NULL,
	"crm_user_id" uuid,
	"source_id" uuid NOT NULL,
	"pipeline_id" uuid,
	"traffic_team_id" uuid,
	"utm_source" text,
	"utm_campaign" text,
	"rows" integer DEFAULT 0 NOT NULL,
	"amount" numeric DEFAULT '0' NOT NULL,
	CONSTRAINT "report_traffic_monthly_key" UNIQUE NULLS NOT DISTINCT("org_id","kind","month","crm_user_id","source_id","pipeline_id","traffic_team_id","utm_source","utm_campaign")
);
--> statement-breakpoint
ALTER TABLE "report_deal_facts" ADD COLUMN "traffic_team_id" uuid;--> statement-breakpoint
ALTER TABLE "report_deal_facts" ADD COLUMN "utm_source" text;--> statement-breakpoint
ALTER TABLE "report_deal_facts" ADD COLUMN "utm_campaign" text;--> statement-breakpoint
ALTER TABLE "report_lead_facts" ADD COLUMN "traffic_team_id" uuid;--> statement-breakpoint
ALTER TABLE "report_lead_facts" ADD COLUMN "utm_campaign" text;--> statement-breakpoint
ALTER TABLE "report_traffic_daily" ADD CONSTRAINT "report_traffic_daily_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_traffic_monthly" ADD CONSTRAINT "report_traffic_monthly_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_traffic_daily_manager_idx" ON "report_traffic_daily" USING btree ("org_id","crm_user_id","kind","day");--> statement-breakpoint
CREATE INDEX "report_traffic_monthly_manager_idx" ON "report_traffic_monthly" USING btree ("org_id","crm_user_id","kind","month");