CREATE TABLE "win_models" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"kind" text NOT NULL,
	"trained_at" timestamp with time zone NOT NULL,
	"closed_deals" integer NOT NULL,
	"train_rows" integer NOT NULL,
	"test_rows" integer NOT NULL,
	"split_at" timestamp with time zone,
	"auc" double precision,
	"brier" double precision,
	"calibration" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"params" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "win_models" ADD CONSTRAINT "win_models_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "win_models_org_version_idx" ON "win_models" USING btree ("org_id","version");