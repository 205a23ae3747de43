ALTER TABLE "sync_runs" ADD COLUMN "failure" jsonb;--> statement-breakpoint
ALTER TABLE "attribution_runs" ADD COLUMN "failure" jsonb;