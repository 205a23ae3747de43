// Every error code Voronka gives a person or a program: the API's `error.code`, a sync run's
// failure, an ad-spend row's problem. Each has a Russian and an English text in
// lib/i18n/error-messages.ts (the type system and error-messages.test.ts check both), and surfaces
// translate by code, never by the English message. Client-safe: no server imports.
export const ERROR_CODES = [
  // Any route
  "validation_error", // a value failed the request's schema; `field` names it
  "invalid_value", // passed the checks, but the database cannot store it (a NUL in a text)
  "unauthorized", // no session and no API token
  "invalid_token", // the API token is wrong or revoked
  "token_owner_disabled",
  "session_ended", // signed out elsewhere, password changed, or disabled
  "forbidden", // the role does not allow it
  "not_found", // a thing with no code of its own below
  "conflict", // a conflict with no code of its own below
  "payload_too_large", // {limit}
  "length_required",
  "cross_site_request", // a cookie-authenticated write from another site
  "malformed_path", // an undecodable percent escape in the address
  "invalid_callback_url",
  "unsupported_media_type",
  "unavailable", // try again later
  "internal_error", // logged on the server; nothing more is said
  "network_error", // the browser could not reach the server (client side only)
  "unknown_error", // a code this version does not know {code} (client side only)

  // Signing in (the sign-in page; with AUTH_PROVIDER=supabase, Supabase Auth's own codes where a person can act on them)
  "invalid_credentials", // wrong e-mail or password
  "email_not_confirmed", // the Supabase user has not confirmed the address
  "otp_expired", // a magic link expired or already used
  "over_email_send_rate_limit", // Supabase sends no more e-mails for a while
  "too_many_attempts", // the sign-in throttle, or Supabase's request limit
  "magic_link_invalid", // a link opened in another browser than the one that asked for it, or tampered with
  "no_voronka_account", // Supabase knows the e-mail, Voronka has no active user with it
  "auth_provider_failed", // Supabase Auth unreachable or refusing for another reason (logged)

  // Users, departments, organisation, tokens
  "user_not_found",
  "department_not_found",
  "crm_user_not_found",
  "organisation_not_found",
  "token_not_found",
  "token_cannot_create_tokens", // only a signed-in person mints tokens
  "email_taken", // field email
  "department_name_taken", // field name {name}
  "crm_user_linked_elsewhere", // field crmUserIds {crmUser, user}
  "last_admin", // {name}
  "own_admin_role", // field role
  "own_account_disable", // field isActive
  "director_needs_department", // field departmentId

  // Exchange rates
  "exchange_rate_not_found",
  "base_currency_rate", // field currency {currency}
  "exchange_rate_taken", // {currency, day}

  // Deals, reports, exports, customers
  "deal_not_found",
  "customer_not_found",
  "invalid_cursor", // field cursor
  "cursor_sort_mismatch", // field cursor
  "report_not_found", // {name}
  "builder_pair_unavailable", // {measure, dimension}: the facts cannot cut that measure by that dimension
  "builder_too_many_dimensions", // {max}
  "dashboard_not_found", // {name, names}
  "department_out_of_scope", // field departmentId
  "manager_out_of_scope", // field managerId
  "dashboard_csv_unsupported", // field format
  "export_table_unknown", // field table {tables}
  "too_many_rows", // {rows, limit}
  "too_many_rows_for_xlsx", // {rows, limit, csvUrl}

  // Sources and sync
  "source_not_found",
  "webhook_event_not_found",
  "application_token_bitrix_only", // field applicationToken
  "qualified_stages_amocrm_only", // field qualifiedStages
  "qualified_stage_invalid", // field qualifiedStages: not an open or won stage of one of the source's pipelines
  "field_mapping_amocrm_only", // field mapping
  "field_mapping_key_unknown", // field mapping {key, keys}
  "field_mapping_ids_invalid", // field mapping.<key> {max}
  "match_window_form_only", // field matchWindowDays
  "match_window_invalid", // field matchWindowDays {min, max}
  "encryption_key_missing",
  "source_has_no_secret", // a Bitrix24 source: its own application token proves its events
  "credentials_unreadable",
  "source_no_credentials",
  "shop_has_no_crm",
  "form_has_no_crm",
  "orders_import_not_shop", // past orders imported into a source that is not a shop
  "orders_sheet_unreadable", // the uploaded past-orders file is not an XLSX workbook
  "orders_sheet_too_long", // {limit}: the past-orders workbook has more rows than one upload reads
  // One row of a past-orders upload (the report of rejected rows lists them per line)
  "order_row_field_missing", // field number | date | total
  "order_row_date_invalid", // {value}
  "order_row_total_invalid", // {value}
  "order_row_currency_invalid", // {value}
  "order_row_refused", // {reason}: the import refused the order (its English words)
  "source_check_failed", // {reason, host, …, details?}: the check before saving a CRM source failed
  "sync_busy",
  "sync_abandoned",
  "sync_time_budget",
  "sync_unexpected_error",
  // What a CRM did, by the connector's reason (lib/connectors/errors.ts); the CRM's own words go beside as details.
  "crm_unreachable",
  "crm_timeout",
  "crm_bad_token",
  "crm_missing_scope",
  "crm_forbidden",
  "crm_payment_required",
  "crm_rate_limited",
  "crm_server_error",
  "crm_protocol",
  "crm_request",
  "crm_redirected", // the CRM's address redirects (never followed)
  "crm_blocked", // the address is refused before any request: a private network or plain http
  // Why a webhook delivery was refused or ignored, or why applying it failed (lib/ingest/event-failure.ts)
  "webhook_content_type", // {contentType, expected}: the delivery's content type is not what the sender's format uses
  "webhook_nul", // the body holds a NUL character, which PostgreSQL cannot store
  "webhook_form_unreadable", // details: the parser's words
  "webhook_json_unreadable",
  "webhook_json_not_object",
  "webhook_no_event",
  "webhook_event_unused", // {event}
  "webhook_no_account", // an amoCRM hook without its account block
  "webhook_no_entity_id", // a Bitrix24 event without data[FIELDS][ID]
  "webhook_not_crm_event", // {event}: a Bitrix24 event of no CRM entity
  "webhook_order_invalid", // details: the first field at fault and why
  "webhook_form_no_contact",
  "webhook_form_repeat", // {tranid}
  "webhook_form_repeat_content", // a post without tranid with the same content within a day
  "webhook_activity_unused", // a Bitrix24 activity of a kind Voronka does not keep
  "webhook_source_gone",
  "webhook_value_unstorable", // details: the database's words
  "webhook_apply_failed", // an unexpected error; retried with backoff, the exception's text stays in lastError

  // Traffic teams, attribution rules, ad spend
  "traffic_team_not_found",
  "attribution_rule_not_found",
  "ad_spend_not_found",
  "traffic_team_name_taken", // field name {name}
  "traffic_team_has_spend", // {name, count}
  "traffic_team_unknown", // field teamId
  "recompute_abandoned",
  "recompute_failed",
  "pattern_empty", // field pattern
  "pattern_invalid", // field pattern {details}
  "file_too_large", // {megabytes}
  "csv_unreadable", // {details}
  "csv_empty",
  "csv_missing_columns", // {columns}
  "spend_no_rows", // field rows
  "spend_too_many_rows", // field rows {max}
  "spend_rows_invalid", // {count, lines}
  // One ad-spend row's problems (a CSV preview lists them per line)
  "spend_team_required", // field team
  "spend_team_unknown", // field team {team}
  "spend_day_invalid", // field date {value}
  "spend_amount_invalid", // field amount {value}
  "spend_currency_invalid", // field currency {value}
  "spend_text_too_long", // field source
  "spend_duplicate_row", // {line}

  // Sales plans (PUT /api/plans, POST /api/plans/import)
  "plan_month_invalid", // field month (rows.N.month) {value}
  "plan_revenue_invalid", // field revenue {value}
  "plan_won_deals_invalid", // field wonDeals {value}
  "plan_target_required", // field userId / email: exactly one of a person and a department
  "plan_target_unknown", // field email / department {value}: a CSV line names no one whose plan you may set
  "plan_target_not_found", // field rows.N.userId / departmentId: no such user or department in the organisation
  "plan_out_of_scope", // field rows.N.userId / departmentId: a director's write outside their department
  "plan_duplicate_row", // {line}
  "plan_no_rows", // field rows
  "plan_too_many_rows", // field rows {max}
  "plan_rows_invalid", // {count, lines}
  "plan_csv_missing_columns", // {columns}

  // Saved views
  "saved_view_not_found",
  "saved_view_name_taken", // field name {name}
  "saved_view_share_forbidden", // field visibility {visibility}: the role cannot share that far
  "saved_view_read_only", // only the owner (an admin, for a shared view) changes or deletes it
  "saved_view_limit", // {max}: a person keeps at most this many views

  // Scheduled reports
  "report_schedule_not_found",
  "report_schedule_emails_admin_only", // field recipients.emails: only an admin sends outside Voronka
  "report_schedule_recipient_unknown", // field recipients.userIds {id}: no such active user in the organisation
  "report_schedule_recipient_outside", // field recipients.userIds: a director naming someone of another department
  "report_unsubscribe_invalid", // the unsubscribe link is damaged or forged
  "anomaly_unsubscribe_invalid", // an anomaly e-mail's unsubscribe link is damaged or forged
  "report_mail_not_configured", // a delivery, stored: SMTP_URL / MAIL_FROM are not set
  "report_mail_failed", // a delivery, stored {status}; details: the SMTP server's words
  "report_recipient_inactive", // a delivery, stored: the recipient (or the creator) was disabled
  "report_render_failed", // a delivery, stored; details: why the report could not be built

  // TV screens and embedded dashboards
  "display_token_not_found",
  "display_token_read_only", // a display token (a TV screen) may only read reports
  "embed_link_not_found",
  "embed_link_invalid", // an embed address whose signature does not match, or that has expired or been revoked

  // Sale notifications
  "bot_token_required", // field isEnabled
  "template_unknown_placeholder", // field template {unknown, known}
  "notification_deal_deleted", // a sale's delivery, stored: nothing was sent
  "notification_deal_not_won",
  "notification_disabled",
  "notification_no_token",
  "notification_token_unreadable",
  "notification_no_chat", // {team}?
  "notification_telegram_failed", // {status}; details: Telegram's own words
  "shop_status_not_shop", // statuses go only to a shop source
  "shop_status_stage_unknown", // field mappings
  "shop_status_not_found",
  "shop_status_order_deleted", // a shop status's delivery, stored: nothing was sent
  "shop_status_disabled",
  "shop_status_refused", // {status}; details: the shop's own words
  "shop_status_failed", // {status}; details
  "shop_status_unreachable", // details
  "shop_status_store_invalid", // field storeSourceId: not a connected Bitrix24 source of the organisation
  "shop_status_store_order_missing", // {number}: the Bitrix24 store has no such order
  "shop_status_store_refused", // details: Bitrix24's own words
  "shop_status_store_failed", // details
  "shop_status_store_names_failed", // details: Bitrix24's words; the form's statuses come without names

  // Write-back into the CRM (/api/sources/<id>/write-back)
  "write_back_crm_only", // a source that is not Bitrix24 or amoCRM
  "write_back_unknown_field", // field fields.<key> {field}: not in the CRM's field list
  "write_back_field_twice", // field fields.<key> {field}: two values into one field
  "write_back_crm_refused", // a write, stored: details = the CRM's own words
  "write_back_field_exists", // 409 field name {field} {name}: creating a field the CRM already has
  "write_back_field_no_rights", // 403 {words}: the CRM let the connection create no field (Bitrix24: CRM admins only)
  "write_back_field_refused", // 422 {words}: the CRM refused the new field itself
  "write_back_no_leads", // field fields.<key>: a lead_* value on a CRM without separate leads (amoCRM)

  // Conversation analysis (POST /api/ai/analyze, the AI request log)
  "ai_empty_text", // field text: nothing to analyse
  "ai_invalid_answer", // the model's answer failed validation twice
  "ai_refused", // the model declined to answer
  "ai_timeout", // no answer within AI_TIMEOUT_SECONDS
  "ai_rate_limited", // 429 after the retries
  "ai_provider_error", // 5xx after the retries, or the endpoint could not be reached
  "ai_transcription_not_configured",
  "ai_recording_unavailable",
  "ai_recording_too_large",

  // Hosted mode (MULTI_ORG=true, docs/hosted.md): sign-up, operator, quotas
  "invalid_invite_code",
  "invalid_verification_token",
  "mail_unavailable",
  "organisation_suspended",
  "operator_only",
  "operator_own_organisation",
  "quota_sources_exceeded",
  "quota_users_exceeded",
  "quota_deals_exceeded",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Values a code's text is filled with; numbers are formatted in the reader's language. */
export type ErrorParams = Record<string, string | number>;

/** An error as data: what every surface receives and translates. */
export type ErrorInfo = { code: string; field?: string; params?: ErrorParams };

/** The API's error body: `{ "error": ErrorBody }`; the message is English, for API users and logs. */
export type ErrorBody = ErrorInfo & { message: string };

const known = new Set<string>(ERROR_CODES);

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && known.has(value);
}
