CREATE TYPE "public"."write_back_entity" AS ENUM('deal', 'contact');--> statement-breakpoint
CREATE TYPE "public"."write_back_status" AS ENUM('pending', 'sent', 'failed', 'dead');--> statement-breakpoint
CREATE TABLE "write_back_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"source_id" uuid NOT NULL,
	"entity" "write_back_entity" NOT NULL,
	"external_id" text NOT NULL,
	"values" jsonb NOT NULL,
	"status" "write_back_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"last_failure" jsonb,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "write_back_values" (
	"org_id" uuid NOT NULL,
	"source_id" uuid NOT NULL,
	"entity" "write_back_entity" NOT NULL,
	"external_id" text NOT NULL,
	"crm_field" text NOT NULL,
	"value" text NOT NULL,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "write_back_outbox" ADD CONSTRAINT "write_back_outbox_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "write_back_outbox" ADD CONSTRAINT "write_back_outbox_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "write_back_values" ADD CONSTRAINT "write_back_values_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "write_back_values" ADD CONSTRAINT "write_back_values_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "write_back_outbox_open_uq" ON "write_back_outbox" USING btree ("source_id","entity","external_id") WHERE "write_back_outbox"."status" in ('pending', 'failed');--> statement-breakpoint
CREATE INDEX "write_back_outbox_org_idx" ON "write_back_outbox" USING btree ("org_id","source_id","status");--> statement-breakpoint
CREATE INDEX "write_back_outbox_due_idx" ON "write_back_outbox" USING btree ("next_attempt_at") WHERE "write_back_outbox"."status" in ('pending', 'failed');--> statement-breakpoint
CREATE UNIQUE INDEX "write_back_values_uq" ON "write_back_values" USING btree ("source_id","entity","external_id","crm_field");--> statement-breakpoint
CREATE INDEX "write_back_values_org_idx" ON "write_back_values" USING btree ("org_id","source_id");