CREATE TABLE "deal_win_scores" (
	"deal_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"model_version" integer NOT NULL,
	"probability" double precision NOT NULL,
	"scored_at" timestamp with time zone NOT NULL,
	"patterns_rev" text
);
--> statement-breakpoint
ALTER TABLE "deal_win_scores" ADD CONSTRAINT "deal_win_scores_deal_id_deals_id_fk" FOREIGN KEY ("deal_id") REFERENCES "public"."deals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_win_scores" ADD CONSTRAINT "deal_win_scores_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deal_win_scores_org_idx" ON "deal_win_scores" USING btree ("org_id","scored_at");