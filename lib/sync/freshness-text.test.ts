import { describe, expect, it } from "vitest";
import { freshnessText } from "./freshness-text";

const now = new Date("2026-05-10T12:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();

describe("freshness text", () => {
  it("counts minutes, hours and days with Russian and English plurals", () => {
    expect(freshnessText(null, now, "ru")).toBe("ещё не синхронизировано");
    expect(freshnessText(ago(30_000), now, "ru")).toBe("синхронизировано только что");
    expect(freshnessText(ago(4 * 60_000), now, "ru")).toBe("синхронизировано 4 минуты назад");
    expect(freshnessText(ago(21 * 60_000), now, "ru")).toBe("синхронизировано 21 минуту назад");
    expect(freshnessText(ago(5 * 3_600_000), now, "ru")).toBe("синхронизировано 5 часов назад");
    expect(freshnessText(ago(49 * 3_600_000), now, "ru")).toBe("синхронизировано 2 дня назад");
    expect(freshnessText(ago(60_000), now, "en")).toBe("synced 1 minute ago");
    expect(freshnessText(ago(4 * 60_000), now, "en")).toBe("synced 4 minutes ago");
  });
});
