CREATE TABLE "report_lead_days_monthly" (
	"org_id" uuid NOT NULL,
	"month" date NOT NULL,
	"crm_user_id" uuid,
	"source_id" uuid NOT NULL,
	"channel" text,
	"tenths" integer NOT NULL,
	"leads" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "report_lead_days_monthly_key" UNIQUE NULLS NOT DISTINCT("org_id","month","crm_user_id","source_id","channel","tenths")
);
--> statement-breakpoint
ALTER TABLE "report_lead_days_monthly" ADD CONSTRAINT "report_lead_days_monthly_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_lead_days_monthly_manager_idx" ON "report_lead_days_monthly" USING btree ("org_id","crm_user_id","month");