// Real-format webhook bodies for tests and the benchmark, built from docs/bitrix24-wire.md
// ("Outbound events"), docs/amocrm-wire.md ("Webhooks") and docs/webhooks.md (shop).
import { hmacSha256Hex } from "../receive/secrets";

type Nested = string | number | Nested[] | { [key: string]: Nested };

/** PHP-style bracket encoding, as both CRMs send it: a[b][0][c]=v. */
export function encodeBracketForm(value: Record<string, Nested>): string {
  const params = new URLSearchParams();
  const walk = (prefix: string, node: Nested) => {
    if (typeof node === "string" || typeof node === "number") params.append(prefix, String(node));
    else if (Array.isArray(node)) node.forEach((child, index) => walk(`${prefix}[${index}]`, child));
    else for (const [key, child] of Object.entries(node)) walk(prefix ? `${prefix}[${key}]` : key, child);
  };
  walk("", value);
  return params.toString();
}

export type BitrixPortal = { token: string; domain?: string; memberId?: string };

export function bitrixEvent(event: string, id: string | number, portal: BitrixPortal, extraFields: Record<string, string> = {}): string {
  const domain = portal.domain ?? "some-domain.bitrix24.ru";
  return encodeBracketForm({
    event,
    event_handler_id: "975",
    data: { FIELDS: { ID: String(id), ...extraFields } },
    ts: "1766047124",
    auth: {
      domain,
      client_endpoint: `https://${domain}/rest/`,
      server_endpoint: "https://oauth.bitrix24.tech/rest/",
      member_id: portal.memberId ?? "d897063e1ce7c5eb9f04b9751eef5915",
      application_token: portal.token,
    },
  });
}

export type AmoAccount = { id: string; subdomain: string };

export function amoBody(account: AmoAccount, events: Record<string, Record<string, Record<string, Nested>[]>>): string {
  return encodeBracketForm({
    account: { subdomain: account.subdomain, id: account.id, _links: { self: `https://${account.subdomain}.amocrm.ru` } },
    ...(events as Record<string, Nested>),
  });
}

/** A lead as account webhooks carry it (docs/amocrm-wire.md, "Webhooks"), with UTM tracking fields. */
export function amoLead(fields: {
  id: string;
  name?: string;
  statusId: string;
  oldStatusId?: string;
  pipelineId: string;
  price?: string;
  responsibleUserId?: string;
  modifiedUserId?: string;
  createdAt: number;
  updatedAt: number;
  utm?: { source?: string; medium?: string; campaign?: string };
}): Record<string, Nested> {
  const custom: Nested[] = [];
  const utm = fields.utm ?? {};
  if (utm.source) custom.push({ id: "24807", name: "utm_source", values: [{ value: utm.source }], code: "UTM_SOURCE" });
  if (utm.medium) custom.push({ id: "24803", name: "utm_medium", values: [{ value: utm.medium }], code: "UTM_MEDIUM" });
  if (utm.campaign) custom.push({ id: "24805", name: "utm_campaign", values: [{ value: utm.campaign }], code: "UTM_CAMPAIGN" });
  custom.push({ id: "645087", name: "Дата доступа", values: ["1689282000"] });
  return {
    id: fields.id,
    name: fields.name ?? "Заявка с сайта",
    status_id: fields.statusId,
    ...(fields.oldStatusId ? { old_status_id: fields.oldStatusId } : {}),
    price: fields.price ?? "0",
    responsible_user_id: fields.responsibleUserId ?? "8744098",
    last_modified: String(fields.updatedAt),
    modified_user_id: fields.modifiedUserId ?? fields.responsibleUserId ?? "8744098",
    created_user_id: "0",
    date_create: String(fields.createdAt),
    pipeline_id: fields.pipelineId,
    tags: [{ id: "55515", name: "сайт" }],
    account_id: "29638927",
    custom_fields: custom,
    created_at: String(fields.createdAt),
    updated_at: String(fields.updatedAt),
  };
}

/** A contact as account webhooks carry it (docs/amocrm-wire.md, "Webhooks"), phone and e-mail as multitext custom fields. */
export function amoContact(fields: { id: string; name: string; phone?: string; email?: string; createdAt: number; updatedAt: number; responsibleUserId?: string }): Record<string, Nested> {
  const custom: Nested[] = [];
  if (fields.phone) custom.push({ id: "2031462", name: "Телефон", values: [{ value: fields.phone, enum: "1364056" }], code: "PHONE" });
  if (fields.email) custom.push({ id: "2031464", name: "Email", values: [{ value: fields.email, enum: "1364068" }], code: "EMAIL" });
  return {
    id: fields.id,
    name: fields.name,
    responsible_user_id: fields.responsibleUserId ?? "0",
    group_id: "-1",
    date_create: String(fields.createdAt),
    last_modified: String(fields.updatedAt),
    created_user_id: "0",
    modified_user_id: "15179615",
    account_id: "36398783",
    custom_fields: custom,
    created_at: String(fields.createdAt),
    updated_at: String(fields.updatedAt),
    type: "contact",
  };
}

export type ShopOrderInput = {
  id: string;
  status?: string;
  createdAt: string;
  updatedAt?: string;
  total: string | number;
  currency?: string;
  customer?: { name?: string | null; phone?: string | null; email?: string | null };
};

export function shopBody(event: string, order: ShopOrderInput | { id: string; updatedAt?: string }): string {
  const full =
    "total" in order
      ? {
          number: `№${order.id}`,
          status: "new",
          currency: "KZT",
          items: [{ sku: "SKU-1", name: "Чайник", quantity: 1, price: String(order.total) }],
          ...order,
        }
      : order;
  return JSON.stringify({ event, order: full });
}

export function shopSignature(secret: string, body: string): string {
  return `sha256=${hmacSha256Hex(secret, body)}`;
}
