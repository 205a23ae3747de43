CREATE TABLE "customer_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"vip_total_threshold" numeric(18, 2) DEFAULT '100000' NOT NULL,
	"inactive_days" integer DEFAULT 180 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "customers" ALTER COLUMN "phone" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "completed_order_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "customer_settings" ADD CONSTRAINT "customer_settings_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "customers_org_email_uq" ON "customers" USING btree ("org_id","email") WHERE "customers"."phone" is null;--> statement-breakpoint
CREATE INDEX "customers_org_spent_idx" ON "customers" USING btree ("org_id","total_spent");--> statement-breakpoint
CREATE INDEX "webhook_events_source_queue_idx" ON "webhook_events" USING btree ("source_id","id") WHERE "webhook_events"."status" in ('pending', 'failed');