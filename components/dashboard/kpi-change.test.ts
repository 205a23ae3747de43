import { describe, expect, it } from "vitest";
import { describeChange } from "./kpi-change";

describe("describeChange", () => {
  it("shows growth with an up arrow, a plus sign and good news", () => {
    // 0.1234 = +12.3 %
    expect(describeChange(0.1234, "en")).toEqual({ arrow: "▲", text: "+12.3%", tone: "good" });
    expect(describeChange(0.1234, "ru")).toEqual({ arrow: "▲", text: "+12,3\u00a0%", tone: "good" });
  });
  it("shows a fall with a down arrow and a minus sign", () => {
    expect(describeChange(-0.5, "en")).toEqual({ arrow: "▼", text: "-50%", tone: "bad" });
  });
  it("turns the colour round where lower is better (the sales cycle)", () => {
    expect(describeChange(0.2, "en", true)).toEqual({ arrow: "▲", text: "+20%", tone: "bad" });
    expect(describeChange(-0.2, "en", true)).toEqual({ arrow: "▼", text: "-20%", tone: "good" });
  });
  it("has no change to show without a previous value", () => {
    expect(describeChange(null, "ru")).toBeNull();
    expect(describeChange(0, "en")).toEqual({ arrow: "→", text: "0%", tone: "neutral" });
  });
});
