ALTER TYPE "public"."source_kind" ADD VALUE 'form';--> statement-breakpoint
CREATE TABLE "form_leads" (
	"lead_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"source_id" uuid NOT NULL,
	"form_id" text,
	"form_name" text,
	"name" text,
	"phone_raw" text,
	"email_raw" text,
	"phone" text,
	"email" text,
	"content_hash" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"matched_lead_id" uuid,
	"matched_deal_id" uuid,
	"matched_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "form_leads" ADD CONSTRAINT "form_leads_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_leads" ADD CONSTRAINT "form_leads_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_leads" ADD CONSTRAINT "form_leads_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_leads" ADD CONSTRAINT "form_leads_matched_lead_id_leads_id_fk" FOREIGN KEY ("matched_lead_id") REFERENCES "public"."leads"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_leads" ADD CONSTRAINT "form_leads_matched_deal_id_deals_id_fk" FOREIGN KEY ("matched_deal_id") REFERENCES "public"."deals"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "form_leads_org_received_idx" ON "form_leads" USING btree ("org_id","received_at");--> statement-breakpoint
CREATE INDEX "form_leads_source_hash_idx" ON "form_leads" USING btree ("source_id","content_hash","received_at");--> statement-breakpoint
CREATE INDEX "form_leads_unmatched_idx" ON "form_leads" USING btree ("org_id","received_at") WHERE "form_leads"."matched_lead_id" is null and "form_leads"."matched_deal_id" is null;--> statement-breakpoint
CREATE INDEX "form_leads_matched_lead_ref_idx" ON "form_leads" USING btree ("matched_lead_id") WHERE "form_leads"."matched_lead_id" is not null;--> statement-breakpoint
CREATE INDEX "form_leads_matched_deal_ref_idx" ON "form_leads" USING btree ("matched_deal_id") WHERE "form_leads"."matched_deal_id" is not null;--> statement-breakpoint
CREATE INDEX "contacts_email_idx" ON "contacts" USING btree ("org_id","email");