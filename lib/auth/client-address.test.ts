import { describe, expect, it } from "vitest";
import { clientAddress, normaliseAddress } from "./client-address";

const forwardedFor = (value?: string) => new Headers(value === undefined ? {} : { "x-forwarded-for": value });

describe("clientAddress", () => {
  it("takes the last X-Forwarded-For entry when no proxy of ours stands in front: the one npm start appends from the socket", () => {
    expect(clientAddress(forwardedFor("198.51.100.7"), 0)).toBe("198.51.100.7");
    // Whatever a caller writes into the header comes before it, and changes nothing.
    expect(clientAddress(forwardedFor("1.1.1.1, 2.2.2.2, 198.51.100.7"), 0)).toBe("198.51.100.7");
  });

  it("behind one trusted proxy takes the entry that proxy appended, not the caller's own", () => {
    // nginx appends the caller's address; npm start appends nginx's.
    expect(clientAddress(forwardedFor("6.6.6.6, 203.0.113.5, 127.0.0.1"), 1)).toBe("203.0.113.5");
    expect(clientAddress(forwardedFor("203.0.113.5, 10.0.0.2, 127.0.0.1"), 2)).toBe("203.0.113.5");
    // Fewer entries than proxies: the leftmost.
    expect(clientAddress(forwardedFor("127.0.0.1"), 1)).toBe("127.0.0.1");
  });

  it("is null without the header, or when the entry is not an address", () => {
    expect(clientAddress(forwardedFor(), 0)).toBeNull();
    expect(clientAddress(forwardedFor(" , "), 0)).toBeNull();
    expect(clientAddress(forwardedFor("1.1.1.1, not-an-address"), 0)).toBeNull();
  });
});

describe("normaliseAddress", () => {
  it("keeps IPv4 and unwraps IPv4 written as IPv6", () => {
    expect(normaliseAddress("203.0.113.5")).toBe("203.0.113.5");
    expect(normaliseAddress("::ffff:203.0.113.5")).toBe("203.0.113.5");
    expect(normaliseAddress("[::FFFF:203.0.113.5]")).toBe("203.0.113.5");
  });

  it("counts IPv6 by its /64 network, however the address is written", () => {
    expect(normaliseAddress("2001:db8:85a3:8d3:1319:8a2e:370:7348")).toBe("2001:db8:85a3:8d3::/64");
    expect(normaliseAddress("2001:0db8:85a3:08d3:ffff::1")).toBe("2001:db8:85a3:8d3::/64");
    expect(normaliseAddress("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(normaliseAddress("::1")).toBe("0:0:0:0::/64");
    expect(normaliseAddress("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(normaliseAddress("64:ff9b:1:2::192.0.2.33")).toBe("64:ff9b:1:2::/64");
  });

  it("refuses what is not an address", () => {
    for (const raw of ["", "localhost", "999.1.1.1", "1.2.3", "2001:db8::g", "unknown"]) expect(normaliseAddress(raw), raw).toBeNull();
  });
});
