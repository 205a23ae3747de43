// The address of a deal's own card in its CRM, for the «Открыть в CRM» link. Pure: the browser
// bundle may import it. Only the origin of a stored address is used, never its path, so a
// Bitrix24 inbound-webhook URL (whose path holds its secret) cannot leak into a link.
export type CrmLinkSource = { kind: string; baseUrl: string | null; crmAccountDomain: string | null };

function originOf(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.origin : null;
  } catch {
    return null;
  }
}

/** A plain host name (no scheme, path or port), as the CRM reported it. */
const hostName = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i;

/**
 * Bitrix24: https://<portal>/crm/deal/details/<id>/ — the portal domain the CRM reported, else the
 * stored address's host. amoCRM: https://<subdomain>.amocrm.ru/leads/detail/<id> — the stored
 * address's host first (it keeps the account's own TLD: .amocrm.ru, .amocrm.com, .kommo.com), else
 * the subdomain the CRM reported. Null when neither is known, or for a shop.
 */
export function crmDealUrl(source: CrmLinkSource, externalId: string): string | null {
  const id = encodeURIComponent(externalId);
  const domain = source.crmAccountDomain && hostName.test(source.crmAccountDomain) ? source.crmAccountDomain.toLowerCase() : null;
  if (source.kind === "bitrix24") {
    const origin = domain ? `https://${domain}` : originOf(source.baseUrl);
    return origin ? `${origin}/crm/deal/details/${id}/` : null;
  }
  if (source.kind === "amocrm") {
    const origin = originOf(source.baseUrl) ?? (domain ? `https://${domain.includes(".") ? domain : `${domain}.amocrm.ru`}` : null);
    return origin ? `${origin}/leads/detail/${id}` : null;
  }
  return null;
}
