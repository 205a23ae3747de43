CREATE TYPE "public"."crm_payload_entity" AS ENUM('deal', 'lead', 'contact', 'company', 'activity');--> statement-breakpoint
CREATE TYPE "public"."crm_payload_origin" AS ENUM('rest', 'webhook');--> statement-breakpoint
CREATE TYPE "public"."shop_callback_status" AS ENUM('pending', 'sent', 'failed', 'dead');--> statement-breakpoint
CREATE TABLE "crm_payloads" (
	"org_id" uuid NOT NULL,
	"source_id" uuid NOT NULL,
	"entity" "crm_payload_entity" NOT NULL,
	"external_id" text NOT NULL,
	"origin" "crm_payload_origin" NOT NULL,
	"payload" jsonb NOT NULL,
	"crm_updated_at" timestamp with time zone,
	"stored_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "crm_payloads_pk" PRIMARY KEY("org_id","source_id","entity","external_id")
);
--> statement-breakpoint
CREATE TABLE "shop_status_callbacks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"shop_source_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"deal_id" uuid,
	"shop_status" text NOT NULL,
	"status" "shop_callback_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_http_status" integer,
	"last_error" text,
	"last_failure" jsonb,
	"resends" integer DEFAULT 0 NOT NULL,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shop_status_settings" (
	"shop_source_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"is_enabled" boolean DEFAULT false NOT NULL,
	"callback_url" text NOT NULL,
	"link_field" text,
	"mappings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "crm_payloads" ADD CONSTRAINT "crm_payloads_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_payloads" ADD CONSTRAINT "crm_payloads_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shop_status_callbacks" ADD CONSTRAINT "shop_status_callbacks_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shop_status_callbacks" ADD CONSTRAINT "shop_status_callbacks_shop_source_id_sources_id_fk" FOREIGN KEY ("shop_source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shop_status_callbacks" ADD CONSTRAINT "shop_status_callbacks_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shop_status_callbacks" ADD CONSTRAINT "shop_status_callbacks_deal_id_deals_id_fk" FOREIGN KEY ("deal_id") REFERENCES "public"."deals"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shop_status_settings" ADD CONSTRAINT "shop_status_settings_shop_source_id_sources_id_fk" FOREIGN KEY ("shop_source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shop_status_settings" ADD CONSTRAINT "shop_status_settings_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "crm_payloads_source_id_ref_idx" ON "crm_payloads" USING btree ("source_id");--> statement-breakpoint
CREATE UNIQUE INDEX "shop_status_callbacks_order_status_uq" ON "shop_status_callbacks" USING btree ("order_id","shop_status");--> statement-breakpoint
CREATE INDEX "shop_status_callbacks_org_idx" ON "shop_status_callbacks" USING btree ("org_id","shop_source_id","created_at");--> statement-breakpoint
CREATE INDEX "shop_status_callbacks_deal_ref_idx" ON "shop_status_callbacks" USING btree ("deal_id") WHERE "shop_status_callbacks"."deal_id" is not null;--> statement-breakpoint
CREATE INDEX "shop_status_callbacks_due_idx" ON "shop_status_callbacks" USING btree ("next_attempt_at") WHERE "shop_status_callbacks"."status" in ('pending', 'failed');