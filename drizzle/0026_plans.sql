CREATE TABLE "sales_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"month" char(7) NOT NULL,
	"user_id" uuid,
	"department_id" uuid,
	"revenue" numeric(18, 2),
	"currency" char(3) NOT NULL,
	"won_deals" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sales_plans_one_target" CHECK (("sales_plans"."user_id" is null) <> ("sales_plans"."department_id" is null)),
	CONSTRAINT "sales_plans_month_shape" CHECK ("sales_plans"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "sales_plans_figures" CHECK (("sales_plans"."revenue" is null or "sales_plans"."revenue" >= 0) and ("sales_plans"."won_deals" is null or "sales_plans"."won_deals" >= 0))
);
--> statement-breakpoint
ALTER TABLE "sales_plans" ADD CONSTRAINT "sales_plans_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_plans" ADD CONSTRAINT "sales_plans_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_plans" ADD CONSTRAINT "sales_plans_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sales_plans_user_month_uq" ON "sales_plans" USING btree ("org_id","month","user_id") WHERE "sales_plans"."user_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "sales_plans_department_month_uq" ON "sales_plans" USING btree ("org_id","month","department_id") WHERE "sales_plans"."department_id" is not null;--> statement-breakpoint
CREATE INDEX "sales_plans_user_id_ref_idx" ON "sales_plans" USING btree ("user_id") WHERE "sales_plans"."user_id" is not null;--> statement-breakpoint
CREATE INDEX "sales_plans_department_id_ref_idx" ON "sales_plans" USING btree ("department_id") WHERE "sales_plans"."department_id" is not null;