CREATE TABLE "report_activity_daily" (
	"org_id" uuid NOT NULL,
	"day" date NOT NULL,
	"crm_user_id" uuid,
	"source_id" uuid NOT NULL,
	"type" "activity_type" NOT NULL,
	"activities" integer DEFAULT 0 NOT NULL,
	"call_seconds" numeric DEFAULT '0' NOT NULL,
	CONSTRAINT "report_activity_daily_key" UNIQUE NULLS NOT DISTINCT("org_id","day","crm_user_id","source_id","type")
);
--> statement-breakpoint
CREATE TABLE "report_activity_facts" (
	"activity_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"crm_user_id" uuid,
	"source_id" uuid NOT NULL,
	"day" date NOT NULL,
	"type" "activity_type" NOT NULL,
	"call_seconds" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_deal_daily" (
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"day" date NOT NULL,
	"crm_user_id" uuid,
	"source_id" uuid NOT NULL,
	"pipeline_id" uuid NOT NULL,
	"stage_id" uuid NOT NULL,
	"semantic" "stage_semantic" NOT NULL,
	"deals" integer DEFAULT 0 NOT NULL,
	"amount" numeric DEFAULT '0' NOT NULL,
	"cycle_seconds" numeric DEFAULT '0' NOT NULL,
	CONSTRAINT "report_deal_daily_key" UNIQUE NULLS NOT DISTINCT("org_id","kind","day","crm_user_id","source_id","pipeline_id","stage_id","semantic")
);
--> statement-breakpoint
CREATE TABLE "report_deal_facts" (
	"deal_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"crm_user_id" uuid,
	"source_id" uuid NOT NULL,
	"pipeline_id" uuid NOT NULL,
	"stage_id" uuid NOT NULL,
	"semantic" "stage_semantic" NOT NULL,
	"lead_id" uuid,
	"currency" char(3) NOT NULL,
	"created_day" date NOT NULL,
	"closed_day" date,
	"current_amount" numeric,
	"closed_amount" numeric,
	"cycle_seconds" numeric
);
--> statement-breakpoint
CREATE TABLE "report_fact_state" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"rebuilt_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_lead_daily" (
	"org_id" uuid NOT NULL,
	"dimension" text NOT NULL,
	"day" date NOT NULL,
	"crm_user_id" uuid,
	"source_id" uuid NOT NULL,
	"value" text,
	"leads" integer DEFAULT 0 NOT NULL,
	"converted" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "report_lead_daily_key" UNIQUE NULLS NOT DISTINCT("org_id","dimension","day","crm_user_id","source_id","value")
);
--> statement-breakpoint
CREATE TABLE "report_lead_facts" (
	"lead_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"crm_user_id" uuid,
	"source_id" uuid NOT NULL,
	"day" date NOT NULL,
	"channel" text,
	"utm_source" text,
	"converted" integer NOT NULL,
	"days_to_convert" double precision
);
--> statement-breakpoint
CREATE TABLE "report_stage_daily" (
	"org_id" uuid NOT NULL,
	"day" date NOT NULL,
	"crm_user_id" uuid,
	"source_id" uuid NOT NULL,
	"stage_id" uuid NOT NULL,
	"reached" integer DEFAULT 0 NOT NULL,
	"closed_stays" integer DEFAULT 0 NOT NULL,
	"stay_seconds" numeric DEFAULT '0' NOT NULL,
	"open_stays" integer DEFAULT 0 NOT NULL,
	"open_start_epoch" numeric DEFAULT '0' NOT NULL,
	CONSTRAINT "report_stage_daily_key" UNIQUE NULLS NOT DISTINCT("org_id","day","crm_user_id","source_id","stage_id")
);
--> statement-breakpoint
CREATE TABLE "report_stage_facts" (
	"deal_id" uuid NOT NULL,
	"stage_id" uuid NOT NULL,
	"day" date NOT NULL,
	"org_id" uuid NOT NULL,
	"crm_user_id" uuid,
	"source_id" uuid NOT NULL,
	"reached" integer DEFAULT 0 NOT NULL,
	"closed_stays" integer DEFAULT 0 NOT NULL,
	"stay_seconds" numeric DEFAULT '0' NOT NULL,
	"open_stays" integer DEFAULT 0 NOT NULL,
	"open_start_epoch" numeric DEFAULT '0' NOT NULL,
	CONSTRAINT "report_stage_facts_deal_id_stage_id_day_pk" PRIMARY KEY("deal_id","stage_id","day")
);
--> statement-breakpoint
ALTER TABLE "report_activity_daily" ADD CONSTRAINT "report_activity_daily_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_activity_facts" ADD CONSTRAINT "report_activity_facts_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_deal_daily" ADD CONSTRAINT "report_deal_daily_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_deal_facts" ADD CONSTRAINT "report_deal_facts_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_fact_state" ADD CONSTRAINT "report_fact_state_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_lead_daily" ADD CONSTRAINT "report_lead_daily_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_lead_facts" ADD CONSTRAINT "report_lead_facts_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_stage_daily" ADD CONSTRAINT "report_stage_daily_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_stage_facts" ADD CONSTRAINT "report_stage_facts_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_deal_facts_lead_idx" ON "report_deal_facts" USING btree ("lead_id");--> statement-breakpoint
CREATE INDEX "report_deal_facts_rate_idx" ON "report_deal_facts" USING btree ("org_id","currency","created_day");--> statement-breakpoint
CREATE INDEX "report_deal_facts_closed_rate_idx" ON "report_deal_facts" USING btree ("org_id","currency","closed_day");--> statement-breakpoint
CREATE INDEX "report_lead_facts_day_idx" ON "report_lead_facts" USING btree ("org_id","day","crm_user_id","source_id","channel","days_to_convert");