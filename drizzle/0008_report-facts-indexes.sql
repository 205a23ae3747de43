DROP INDEX "report_lead_facts_day_idx";--> statement-breakpoint
CREATE INDEX "report_activity_daily_manager_idx" ON "report_activity_daily" USING btree ("org_id","crm_user_id","day");--> statement-breakpoint
CREATE INDEX "report_deal_daily_manager_idx" ON "report_deal_daily" USING btree ("org_id","crm_user_id","kind","day");--> statement-breakpoint
CREATE INDEX "report_lead_daily_manager_idx" ON "report_lead_daily" USING btree ("org_id","crm_user_id","dimension","day");--> statement-breakpoint
CREATE INDEX "report_lead_facts_days_idx" ON "report_lead_facts" USING btree ("org_id","day","crm_user_id","source_id","channel","days_to_convert") WHERE "report_lead_facts"."days_to_convert" is not null;--> statement-breakpoint
CREATE INDEX "report_lead_facts_manager_days_idx" ON "report_lead_facts" USING btree ("org_id","crm_user_id","day","source_id","channel","days_to_convert") WHERE "report_lead_facts"."days_to_convert" is not null;--> statement-breakpoint
CREATE INDEX "report_stage_daily_manager_idx" ON "report_stage_daily" USING btree ("org_id","crm_user_id","day");