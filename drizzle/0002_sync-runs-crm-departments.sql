CREATE TABLE "crm_departments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"source_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"name" text NOT NULL,
	"parent_external_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "crm_users" ADD COLUMN "crm_department_id" uuid;--> statement-breakpoint
ALTER TABLE "sync_runs" ADD COLUMN "stats" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "crm_departments" ADD CONSTRAINT "crm_departments_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_departments" ADD CONSTRAINT "crm_departments_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "crm_departments_source_ext_uq" ON "crm_departments" USING btree ("source_id","external_id");--> statement-breakpoint
ALTER TABLE "crm_users" ADD CONSTRAINT "crm_users_crm_department_id_crm_departments_id_fk" FOREIGN KEY ("crm_department_id") REFERENCES "public"."crm_departments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sync_runs_one_active_uq" ON "sync_runs" USING btree ("source_id") WHERE status in ('queued', 'running');