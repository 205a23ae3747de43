import { describe, expect, it } from "vitest";
import { nextRunAfter } from "./next-run";

describe("nextRunAfter", () => {
  it("daily at 09:00 Almaty (UTC+5): today if 09:00 is still ahead, else tomorrow", () => {
    expect(nextRunAfter({ frequency: "daily", localTime: "09:00" }, "Asia/Almaty", new Date("2026-12-07T03:00:00Z")).toISOString()).toBe("2026-12-07T04:00:00.000Z");
    expect(nextRunAfter({ frequency: "daily", localTime: "09:00" }, "Asia/Almaty", new Date("2026-12-07T04:00:00Z")).toISOString()).toBe("2026-12-08T04:00:00.000Z");
  });

  it("weekly on Monday (1) at 08:30 Moscow: Monday 7 December 2026 has passed at 06:00 UTC, so the 14th", () => {
    expect(nextRunAfter({ frequency: "weekly", weekday: 1, localTime: "08:30" }, "Europe/Moscow", new Date("2026-12-07T06:00:00Z")).toISOString()).toBe("2026-12-14T05:30:00.000Z");
    expect(nextRunAfter({ frequency: "weekly", weekday: 7, localTime: "20:00" }, "Europe/Moscow", new Date("2026-12-07T06:00:00Z")).toISOString()).toBe("2026-12-13T17:00:00.000Z");
  });

  it("monthly on the 31st sends on the last day of a shorter month", () => {
    const feb = nextRunAfter({ frequency: "monthly", monthDay: 31, localTime: "10:00" }, "Asia/Almaty", new Date("2027-02-01T00:00:00Z"));
    expect(feb.toISOString()).toBe("2027-02-28T05:00:00.000Z");
    expect(nextRunAfter({ frequency: "monthly", monthDay: 31, localTime: "10:00" }, "Asia/Almaty", feb).toISOString()).toBe("2027-03-31T05:00:00.000Z");
  });

  it("keeps the local time across a daylight-saving change (Berlin, 28 March 2027)", () => {
    const before = nextRunAfter({ frequency: "daily", localTime: "09:00" }, "Europe/Berlin", new Date("2027-03-27T00:00:00Z"));
    const after = nextRunAfter({ frequency: "daily", localTime: "09:00" }, "Europe/Berlin", before);
    expect([before.toISOString(), after.toISOString()]).toEqual(["2027-03-27T08:00:00.000Z", "2027-03-28T07:00:00.000Z"]);
  });
});
