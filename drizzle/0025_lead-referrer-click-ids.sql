ALTER TYPE "public"."utm_field" ADD VALUE 'referrer';--> statement-breakpoint
ALTER TYPE "public"."utm_field" ADD VALUE 'fbclid';--> statement-breakpoint
ALTER TYPE "public"."utm_field" ADD VALUE 'gclid';--> statement-breakpoint
ALTER TYPE "public"."utm_field" ADD VALUE 'yclid';--> statement-breakpoint
ALTER TABLE "deals" ADD COLUMN "referrer" text;--> statement-breakpoint
ALTER TABLE "deals" ADD COLUMN "fbclid" text;--> statement-breakpoint
ALTER TABLE "deals" ADD COLUMN "gclid" text;--> statement-breakpoint
ALTER TABLE "deals" ADD COLUMN "yclid" text;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "referrer" text;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "fbclid" text;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "gclid" text;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "yclid" text;