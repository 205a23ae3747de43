// The outbound guard: which addresses a CRM request may reach, with ALLOW_PRIVATE_CRM_URLS off
// (production) and on (a CRM on a private network, tests).
import { describe, expect, it } from "vitest";
import { ConnectorBlockedError } from "../errors";
import { addressScope, checkOutboundUrl, type Resolve } from "./outbound-guard";

const strict = { allowPrivate: false };
const resolvesTo =
  (...addresses: string[]): Resolve =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }) as const);

async function refusal(url: string, policy: Parameters<typeof checkOutboundUrl>[1] = strict) {
  const error = await checkOutboundUrl(new URL(url), policy).then(
    () => null,
    (e: unknown) => e,
  );
  return error instanceof ConnectorBlockedError ? error.reason : error;
}

describe("addressScope", () => {
  it("calls only global unicast public", () => {
    for (const address of ["93.184.215.14", "8.8.8.8", "2a00:1450:4001:82b::200e", "::ffff:8.8.8.8"]) expect(addressScope(address), address).toBe("public");
  });

  it("calls loopback, private, link-local, unique-local, CGNAT and the mapped forms of them private", () => {
    const privates = [
      "127.0.0.1",
      "127.8.9.10",
      "::1",
      "10.0.0.1",
      "172.16.0.1",
      "172.31.255.254",
      "192.168.1.1",
      "169.254.169.254", // a cloud's metadata service
      "fc00::1",
      "fd12:3456::1",
      "fe80::1",
      "::ffff:127.0.0.1",
      "::ffff:10.0.0.1",
      "100.64.0.1",
      "64:ff9b::a00:1", // NAT64 of 10.0.0.1
      "2002:a00:1::", // 6to4 of 10.0.0.1
      "2001:db8::1",
    ];
    for (const address of privates) expect(addressScope(address), address).toBe("private");
  });

  it("never allows unspecified, multicast, broadcast or what is not an address", () => {
    for (const address of ["0.0.0.0", "::", "224.0.0.1", "ff02::1", "255.255.255.255", "not-an-ip"]) expect(addressScope(address), address).toBe("never");
  });
});

describe("checkOutboundUrl with ALLOW_PRIVATE_CRM_URLS off", () => {
  it("refuses literal private addresses in every spelling a URL allows", async () => {
    const urls = [
      "https://127.0.0.1/rest/1/code/",
      "https://[::1]:8443/",
      "https://10.1.2.3/",
      "https://172.16.5.4/",
      "https://192.168.0.10/",
      "https://169.254.169.254/latest/meta-data/",
      "https://[fc00::5]/",
      "https://[fe80::1]/",
      "https://[::ffff:127.0.0.1]/",
      "https://2130706433/", // 127.0.0.1 as one number
      "https://0x7f.1/", // and in hex
      "https://0.0.0.0/",
    ];
    for (const url of urls) expect(await refusal(url), url).toBe("private_address");
  });

  it("refuses a name that resolves to loopback (localhost, through the system resolver)", async () => {
    expect(await refusal("https://localhost/")).toBe("private_address");
    expect(await refusal("https://localhost:3000/api/health")).toBe("private_address");
  });

  it("refuses a name when any one of its addresses is private, so a second lookup cannot pick it", async () => {
    expect(await refusal("https://crm.example/", { ...strict, resolve: resolvesTo("93.184.215.14", "10.0.0.7") })).toBe("private_address");
    expect(await refusal("https://crm.example/", { ...strict, resolve: resolvesTo("2a00:1450:4001::1", "fd00::7") })).toBe("private_address");
  });

  it("refuses plain http even to a public host, and answers a public https host with its addresses", async () => {
    expect(await refusal("http://portal.example/", { ...strict, resolve: resolvesTo("93.184.215.14") })).toBe("insecure_url");
    expect(await refusal("ftp://portal.example/", { ...strict, resolve: resolvesTo("93.184.215.14") })).toBe("insecure_url");
    const addresses = await checkOutboundUrl(new URL("https://portal.example/rest/"), { ...strict, resolve: resolvesTo("93.184.215.14", "2a00:1450:4001::1") });
    expect(addresses).toEqual([
      { address: "93.184.215.14", family: 4 },
      { address: "2a00:1450:4001::1", family: 6 },
    ]);
  });

  it("passes on the resolver's own failure (ENOTFOUND) for Test connection to name", async () => {
    const error = await refusal("https://no-such-host.invalid/");
    expect((error as { code?: string }).code).toMatch(/ENOTFOUND|EAI_AGAIN/);
  });
});

describe("checkOutboundUrl with ALLOW_PRIVATE_CRM_URLS on", () => {
  const open = { allowPrivate: true };
  it("lets a CRM on the private network or this machine through, over http too", async () => {
    expect(await checkOutboundUrl(new URL("http://127.0.0.1:3501/"), open)).toEqual([{ address: "127.0.0.1", family: 4 }]);
    expect(await checkOutboundUrl(new URL("http://bitrix.office.lan/"), { ...open, resolve: resolvesTo("192.168.1.20") })).toEqual([{ address: "192.168.1.20", family: 4 }]);
  });

  it("still refuses addresses no CRM can have", async () => {
    expect(await refusal("http://0.0.0.0:3000/", open)).toBe("private_address");
    expect(await refusal("http://[ff02::1]/", open)).toBe("private_address");
    expect(await refusal("https://crm.example/", { ...open, resolve: resolvesTo("93.184.215.14", "224.0.0.251") })).toBe("private_address");
  });
});
