// The change line of a KPI card in both languages: percent for amounts and counts, percentage points
// for rates, a grey "no change" for 0, and the Russian minus "−" (U+2212).
import { describe, expect, it } from "vitest";
import { describeChange } from "./kpi-change";

// Intl separates a Russian number from "%" with a no-break space (U+00A0).
const nbsp = "\u00a0";

describe("describeChange", () => {
  it("shows growth with an up arrow, a plus sign and good news", () => {
    // 0.1234 = +12.3 %
    expect(describeChange(0.1234, "relative", "en")).toEqual({ arrow: "▲", text: "+12.3%", tone: "good" });
    expect(describeChange(0.1234, "relative", "ru")).toEqual({ arrow: "▲", text: `+12,3${nbsp}%`, tone: "good" });
  });
  it("shows a fall with a down arrow; Russian writes the minus as U+2212", () => {
    expect(describeChange(-0.078, "relative", "en")).toEqual({ arrow: "▼", text: "-7.8%", tone: "bad" });
    expect(describeChange(-0.078, "relative", "ru")).toEqual({ arrow: "▼", text: `\u22127,8${nbsp}%`, tone: "bad" });
  });
  it("shows a rate's change in percentage points: 0.75 against 0.3333 is +41.7 pp, 0.45 against 0.464 is −1.4 pp", () => {
    expect(describeChange(0.4167, "points", "en")).toEqual({ arrow: "▲", text: `+41.7${nbsp}pp`, tone: "good" });
    expect(describeChange(0.4167, "points", "ru")).toEqual({ arrow: "▲", text: `+41,7${nbsp}п.п.`, tone: "good" });
    expect(describeChange(-0.014, "points", "en")).toEqual({ arrow: "▼", text: `-1.4${nbsp}pp`, tone: "bad" });
    expect(describeChange(-0.014, "points", "ru")).toEqual({ arrow: "▼", text: `\u22121,4${nbsp}п.п.`, tone: "bad" });
  });
  it("turns the colour round where lower is better (the sales cycle)", () => {
    expect(describeChange(0.2, "relative", "en", true)).toEqual({ arrow: "▲", text: "+20%", tone: "bad" });
    expect(describeChange(-0.2, "relative", "en", true)).toEqual({ arrow: "▼", text: "-20%", tone: "good" });
  });
  it("shows no change in grey, without a sign or an up arrow — also a change that rounds to 0.0", () => {
    expect(describeChange(0, "relative", "en")).toEqual({ arrow: "→", text: "0%", tone: "neutral" });
    expect(describeChange(0, "relative", "ru")).toEqual({ arrow: "→", text: `0${nbsp}%`, tone: "neutral" });
    // 0.0004 = 0.04 %, shown with one decimal as 0
    expect(describeChange(0.0004, "relative", "en")).toEqual({ arrow: "→", text: "0%", tone: "neutral" });
    expect(describeChange(-0.0004, "points", "ru")).toEqual({ arrow: "→", text: "0 п.п.", tone: "neutral" });
    expect(describeChange(0, "points", "en")).toEqual({ arrow: "→", text: "0 pp", tone: "neutral" });
  });
  it("has no change to show without a previous value", () => {
    expect(describeChange(null, "relative", "ru")).toBeNull();
  });
});
