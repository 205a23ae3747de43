ALTER TABLE "sync_cursors" ADD COLUMN "pass_kind" text;--> statement-breakpoint
ALTER TABLE "sync_cursors" ADD COLUMN "pending_modified_at" timestamp with time zone;