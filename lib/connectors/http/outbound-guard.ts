// Where a CRM request may go. An admin types the CRM's address, so without a check the server
// would fetch whatever they name: its own loopback ports, the private network, a cloud's metadata
// service. The host is resolved first and every address it resolves to must be public unicast;
// plain http and private addresses need ALLOW_PRIVATE_CRM_URLS (a self-hosted CRM on a private
// network, tests against local mocks).
import { lookup } from "node:dns/promises";
import ipaddr from "ipaddr.js";
import { ConnectorBlockedError } from "../errors";

export type ResolvedAddress = { address: string; family: 4 | 6 };
export type Resolve = (hostname: string) => Promise<ResolvedAddress[]>;

export type OutboundPolicy = {
  /** Private, loopback, link-local and unique-local addresses are allowed (ALLOW_PRIVATE_CRM_URLS). */
  allowPrivate: boolean;
  /** Plain http is allowed; by default only when private addresses are. */
  allowHttp?: boolean;
  /** Defaults to the system resolver (dns.lookup, every address). Tests inject their own. */
  resolve?: Resolve;
  /** Tests only: addresses to judge as public, so a local mock can stand in for a CRM on the internet. */
  treatAsPublic?: (address: string) => boolean;
};

/** Addresses no CRM can live at, whatever the setting: "nobody", everyone, a group. */
const NEVER = new Set(["unspecified", "broadcast", "multicast"]);

/** "public" only for global unicast; an IPv4-mapped IPv6 address is judged as the IPv4 inside it. */
export function addressScope(address: string): "public" | "private" | "never" {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(address);
  } catch {
    return "never";
  }
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  const range = parsed.range();
  if (range === "unicast") return "public";
  return NEVER.has(range) ? "never" : "private";
}

export const systemResolve: Resolve = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((entry) => ({ address: entry.address, family: entry.family === 6 ? 6 : 4 }));

/**
 * The addresses a request to `url` may connect to, all checked; the caller must connect to one of
 * these and nothing else (no second lookup that could answer differently). Throws
 * ConnectorBlockedError for a refused target, or the resolver's own error (ENOTFOUND…).
 */
export async function checkOutboundUrl(url: URL, policy: OutboundPolicy): Promise<ResolvedAddress[]> {
  const host = url.host;
  if (url.protocol !== "https:" && !(url.protocol === "http:" && (policy.allowHttp ?? policy.allowPrivate))) throw new ConnectorBlockedError("insecure_url", host);
  const hostname = url.hostname.replace(/^\[(.*)\]$/, "$1");
  const addresses = ipaddr.isValid(hostname) ? [{ address: hostname, family: (hostname.includes(":") ? 6 : 4) as 4 | 6 }] : await (policy.resolve ?? systemResolve)(hostname);
  if (addresses.length === 0) throw Object.assign(new Error(`${hostname} resolves to no address`), { code: "ENOTFOUND" });
  // Any one bad address refuses the host: a resolver may hand out a different one next time.
  for (const { address } of addresses) {
    const scope = policy.treatAsPublic?.(address) ? "public" : addressScope(address);
    if (scope === "never" || (scope === "private" && !policy.allowPrivate)) throw new ConnectorBlockedError("private_address", host);
  }
  return addresses;
}
