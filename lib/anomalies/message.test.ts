// The Telegram text of an anomaly, in both languages, with its figures as a person reads them.
import { describe, expect, it } from "vitest";
import { renderAnomalyMessage, type AnomalyForMessage } from "./message";

const silent: AnomalyForMessage = { type: "leads_source", label: "Веб-сайт", department: "Продажи Алматы", from: "2026-11-24", to: "2026-11-26", expected: 21, actual: 0, direction: "drop", severity: "low" };

describe("an anomaly's Telegram message", () => {
  it("says what moved, on which days, against the usual, for which department, in Russian", () => {
    expect(renderAnomalyMessage(silent, "ru")).toBe(
      "⚠️ Лиды из источника «Веб-сайт»: ниже обычного\n24.11.2026 – 26.11.2026: 0 вместо обычных ~21\nОтдел: Продажи Алматы\nВажность: низкая",
    );
  });

  it("and in English, one day, revenue rounded to whole units", () => {
    const revenue: AnomalyForMessage = { type: "won_revenue", label: "", department: null, from: "2026-12-01", to: "2026-12-01", expected: 1234567.4, actual: 1000, direction: "drop", severity: "high" };
    expect(renderAnomalyMessage(revenue, "en")).toBe("⚠️ Won revenue: below usual\n01.12.2026: 1,000 instead of the usual ~1,234,567\nSeverity: high");
  });

  it("names a source without a value", () => {
    expect(renderAnomalyMessage({ ...silent, label: "", department: null }, "en").split("\n")[0]).toBe("⚠️ Leads from source «(not set)»: below usual");
  });
});
