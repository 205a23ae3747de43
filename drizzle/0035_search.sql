CREATE INDEX "companies_search_idx" ON "companies" USING gin (to_tsvector('russian'::regconfig, coalesce("name", '')));--> statement-breakpoint
CREATE INDEX "companies_phone_digits_idx" ON "companies" USING btree ("org_id",regexp_replace("phone", '[^0-9]', '', 'g') text_pattern_ops);--> statement-breakpoint
CREATE INDEX "companies_email_prefix_idx" ON "companies" USING btree ("org_id",lower("email") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "contacts_search_idx" ON "contacts" USING gin (to_tsvector('russian'::regconfig, coalesce("name", '')));--> statement-breakpoint
CREATE INDEX "contacts_phone_digits_idx" ON "contacts" USING btree ("org_id",regexp_replace("phone", '[^0-9]', '', 'g') text_pattern_ops);--> statement-breakpoint
CREATE INDEX "contacts_email_prefix_idx" ON "contacts" USING btree ("org_id",lower("email") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "deals_search_idx" ON "deals" USING gin (to_tsvector('russian'::regconfig, coalesce("title", '')));--> statement-breakpoint
CREATE INDEX "leads_search_idx" ON "leads" USING gin (to_tsvector('russian'::regconfig, coalesce("title", '')));--> statement-breakpoint
CREATE INDEX "customers_search_idx" ON "customers" USING gin (to_tsvector('russian'::regconfig, coalesce("name", '')));--> statement-breakpoint
CREATE INDEX "customers_phone_digits_idx" ON "customers" USING btree ("org_id",regexp_replace("phone", '[^0-9]', '', 'g') text_pattern_ops);--> statement-breakpoint
CREATE INDEX "customers_email_prefix_idx" ON "customers" USING btree ("org_id",lower("email") text_pattern_ops);