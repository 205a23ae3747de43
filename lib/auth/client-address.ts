// Which network address a request came from, for the sign-in throttle. The request object of a route
// handler has no socket, so the address travels in X-Forwarded-For: `npm start` (scripts/serve.mjs)
// appends the socket's address to it, as every proxy does, and Next sets it when it is missing.
// Each of your own proxies in front appends one more entry; TRUSTED_PROXY_COUNT says how many there
// are, so the address is the entry that many places from the right, the last one nobody could forge.
import { isIPv4, isIPv6 } from "node:net";
import { env } from "@/lib/env";

export function clientAddress(headers: Headers, trustedProxies = env.TRUSTED_PROXY_COUNT): string | null {
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (chain.length === 0) return null;
  // Fewer entries than proxies: the leftmost is the furthest any of them saw.
  return normaliseAddress(chain[Math.max(chain.length - 1 - trustedProxies, 0)]);
}

/**
 * An address as the throttle counts it: IPv4 as is; IPv6 by its /64 network, since one home or
 * server gets a whole /64 and could otherwise change address for every attempt. Not an address: null.
 */
export function normaliseAddress(raw: string): string | null {
  const address = raw.replace(/^\[(.*)\]$/, "$1").replace(/%.*$/, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped && isIPv4(mapped[1])) return mapped[1];
  if (isIPv4(address)) return address;
  if (!isIPv6(address)) return null;
  return `${expandIPv6(address).slice(0, 4).join(":")}::/64`;
}

/** The eight 16-bit groups of an IPv6 address, without leading zeros ("2001:db8::1" → 2001, db8, 0, …, 1). */
function expandIPv6(address: string): string[] {
  const toGroups = (part: string) => (part ? part.split(":").flatMap(ipv4AsGroups) : []);
  const [head, tail] = address.split("::");
  const left = toGroups(head);
  const right = tail === undefined ? [] : toGroups(tail);
  const zeros = Array<string>(8 - left.length - right.length).fill("0");
  return [...left, ...zeros, ...right].map((group) => parseInt(group, 16).toString(16));
}

// An IPv4 tail ("64:ff9b::1.2.3.4") is two groups.
function ipv4AsGroups(group: string): string[] {
  if (!group.includes(".")) return [group];
  const [a, b, c, d] = group.split(".").map(Number);
  return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
}
