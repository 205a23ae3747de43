CREATE TABLE "anomaly_mails" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"anomaly_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"address" text,
	"last_error" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "anomaly_mails_once" UNIQUE("anomaly_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "anomalies" ADD COLUMN "mail_queued_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "anomaly_mails" ADD CONSTRAINT "anomaly_mails_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "anomaly_mails" ADD CONSTRAINT "anomaly_mails_anomaly_id_anomalies_id_fk" FOREIGN KEY ("anomaly_id") REFERENCES "public"."anomalies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "anomaly_mails" ADD CONSTRAINT "anomaly_mails_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "anomaly_mails_due_idx" ON "anomaly_mails" USING btree ("next_attempt_at") WHERE "anomaly_mails"."status" in ('pending', 'failed');--> statement-breakpoint
CREATE INDEX "anomaly_mails_org_idx" ON "anomaly_mails" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "anomaly_mails_user_id_ref_idx" ON "anomaly_mails" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "anomalies_mail_queue_idx" ON "anomalies" USING btree ("org_id") WHERE "anomalies"."mail_queued_at" is null;