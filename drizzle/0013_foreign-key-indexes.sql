CREATE INDEX "activities_crm_user_id_ref_idx" ON "activities" USING btree ("crm_user_id") WHERE "activities"."crm_user_id" is not null;--> statement-breakpoint
CREATE INDEX "activities_contact_id_ref_idx" ON "activities" USING btree ("contact_id") WHERE "activities"."contact_id" is not null;--> statement-breakpoint
CREATE INDEX "contacts_company_id_ref_idx" ON "contacts" USING btree ("company_id") WHERE "contacts"."company_id" is not null;--> statement-breakpoint
CREATE INDEX "contacts_crm_user_id_ref_idx" ON "contacts" USING btree ("crm_user_id") WHERE "contacts"."crm_user_id" is not null;--> statement-breakpoint
CREATE INDEX "deals_stage_id_ref_idx" ON "deals" USING btree ("stage_id");--> statement-breakpoint
CREATE INDEX "deals_crm_user_id_ref_idx" ON "deals" USING btree ("crm_user_id") WHERE "deals"."crm_user_id" is not null;--> statement-breakpoint
CREATE INDEX "deals_contact_id_ref_idx" ON "deals" USING btree ("contact_id") WHERE "deals"."contact_id" is not null;--> statement-breakpoint
CREATE INDEX "deals_company_id_ref_idx" ON "deals" USING btree ("company_id") WHERE "deals"."company_id" is not null;--> statement-breakpoint
CREATE INDEX "leads_crm_user_id_ref_idx" ON "leads" USING btree ("crm_user_id") WHERE "leads"."crm_user_id" is not null;--> statement-breakpoint
CREATE INDEX "leads_contact_id_ref_idx" ON "leads" USING btree ("contact_id") WHERE "leads"."contact_id" is not null;--> statement-breakpoint
CREATE INDEX "stage_changes_from_stage_id_ref_idx" ON "stage_changes" USING btree ("from_stage_id") WHERE "stage_changes"."from_stage_id" is not null;--> statement-breakpoint
CREATE INDEX "stage_changes_to_stage_id_ref_idx" ON "stage_changes" USING btree ("to_stage_id");--> statement-breakpoint
CREATE INDEX "stage_changes_crm_user_id_ref_idx" ON "stage_changes" USING btree ("crm_user_id") WHERE "stage_changes"."crm_user_id" is not null;--> statement-breakpoint
CREATE INDEX "orders_customer_id_ref_idx" ON "orders" USING btree ("customer_id") WHERE "orders"."customer_id" is not null;