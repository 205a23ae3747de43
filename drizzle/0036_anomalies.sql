CREATE TABLE "anomalies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"type" text NOT NULL,
	"series_key" text NOT NULL,
	"audience" text NOT NULL,
	"department_id" uuid,
	"crm_user_id" uuid,
	"from_day" date NOT NULL,
	"to_day" date NOT NULL,
	"days" integer NOT NULL,
	"expected" double precision NOT NULL,
	"actual" double precision NOT NULL,
	"direction" text NOT NULL,
	"score" double precision NOT NULL,
	"severity" text NOT NULL,
	"detected_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"notify_status" text DEFAULT 'pending' NOT NULL,
	"notify_attempts" integer DEFAULT 0 NOT NULL,
	"notify_error" text,
	"notified_at" timestamp with time zone,
	CONSTRAINT "anomalies_run_key" UNIQUE NULLS NOT DISTINCT("org_id","type","series_key","audience","department_id","from_day")
);
--> statement-breakpoint
CREATE TABLE "anomaly_runs" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"ran_at" timestamp with time zone NOT NULL,
	"last_day" date NOT NULL
);
--> statement-breakpoint
ALTER TABLE "anomalies" ADD CONSTRAINT "anomalies_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "anomalies" ADD CONSTRAINT "anomalies_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "anomaly_runs" ADD CONSTRAINT "anomaly_runs_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "anomalies_org_day_idx" ON "anomalies" USING btree ("org_id","to_day");--> statement-breakpoint
CREATE INDEX "anomalies_notify_idx" ON "anomalies" USING btree ("notify_status","org_id");