ALTER TABLE "sources" ADD COLUMN "crm_account_id" text;--> statement-breakpoint
ALTER TABLE "sources" ADD COLUMN "crm_account_domain" text;--> statement-breakpoint
ALTER TABLE "sources" ADD COLUMN "crm_account_at" timestamp with time zone;