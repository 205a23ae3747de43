CREATE TABLE "conversation_texts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"source_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"kind" text NOT NULL,
	"deal_id" uuid,
	"lead_id" uuid,
	"contact_id" uuid,
	"company_id" uuid,
	"activity_id" uuid,
	"crm_user_id" uuid,
	"direction" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"body" text NOT NULL,
	"content_hash" text NOT NULL,
	"recording_url" text,
	"record_file_id" text,
	"duration_seconds" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "conversation_texts" ADD CONSTRAINT "conversation_texts_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_texts" ADD CONSTRAINT "conversation_texts_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_texts" ADD CONSTRAINT "conversation_texts_deal_id_deals_id_fk" FOREIGN KEY ("deal_id") REFERENCES "public"."deals"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_texts" ADD CONSTRAINT "conversation_texts_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_texts" ADD CONSTRAINT "conversation_texts_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_texts" ADD CONSTRAINT "conversation_texts_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_texts" ADD CONSTRAINT "conversation_texts_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_texts" ADD CONSTRAINT "conversation_texts_crm_user_id_crm_users_id_fk" FOREIGN KEY ("crm_user_id") REFERENCES "public"."crm_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "conversation_texts_source_ext_uq" ON "conversation_texts" USING btree ("source_id","external_id");--> statement-breakpoint
CREATE INDEX "conversation_texts_deal_idx" ON "conversation_texts" USING btree ("deal_id","occurred_at");--> statement-breakpoint
CREATE INDEX "conversation_texts_org_occurred_idx" ON "conversation_texts" USING btree ("org_id","occurred_at");--> statement-breakpoint
CREATE INDEX "conversation_texts_hash_idx" ON "conversation_texts" USING btree ("org_id","content_hash");--> statement-breakpoint
CREATE INDEX "conversation_texts_lead_id_ref_idx" ON "conversation_texts" USING btree ("lead_id") WHERE "conversation_texts"."lead_id" is not null;--> statement-breakpoint
CREATE INDEX "conversation_texts_contact_id_ref_idx" ON "conversation_texts" USING btree ("contact_id") WHERE "conversation_texts"."contact_id" is not null;--> statement-breakpoint
CREATE INDEX "conversation_texts_company_id_ref_idx" ON "conversation_texts" USING btree ("company_id") WHERE "conversation_texts"."company_id" is not null;--> statement-breakpoint
CREATE INDEX "conversation_texts_activity_id_ref_idx" ON "conversation_texts" USING btree ("activity_id") WHERE "conversation_texts"."activity_id" is not null;--> statement-breakpoint
CREATE INDEX "conversation_texts_crm_user_id_ref_idx" ON "conversation_texts" USING btree ("crm_user_id") WHERE "conversation_texts"."crm_user_id" is not null;