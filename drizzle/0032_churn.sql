CREATE TABLE "churn_runs" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"scored_at" timestamp with time zone NOT NULL,
	"prior_gap_days" double precision NOT NULL,
	"customers_scored" integer NOT NULL,
	"cutoff_at" timestamp with time zone,
	"eligible" integer DEFAULT 0 NOT NULL,
	"churned" integer DEFAULT 0 NOT NULL,
	"top_n" integer DEFAULT 0 NOT NULL,
	"top_churned" integer DEFAULT 0 NOT NULL,
	"recency_top_churned" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "churn_risk" double precision;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "churn_gap_days" double precision;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "churn_scored_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "churn_runs" ADD CONSTRAINT "churn_runs_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customers_org_churn_idx" ON "customers" USING btree ("org_id","churn_risk");