import { describe, expect, it } from "vitest";
import { exportUrl, formatsFor } from "./export-urls";

describe("export URLs", () => {
  it("points each kind at its route with the format first and the screen's filters", () => {
    expect(exportUrl("report", "sales-by-month", "xlsx", { from: "2025-01-01", to: "2025-12-31" })).toBe("/api/reports/sales-by-month/export?format=xlsx&from=2025-01-01&to=2025-12-31");
    expect(exportUrl("dashboard", "leads", "pdf", { preset: "this-year" })).toBe("/api/dashboards/leads/export?format=pdf&preset=this-year");
    expect(exportUrl("deals", undefined, "csv", { status: "won", month: "2025-03", managerId: "" })).toBe("/api/deals/export?format=csv&status=won&month=2025-03");
  });

  it("never lets a filter param override the chosen format", () => {
    expect(exportUrl("deals", undefined, "csv", { format: "pdf" })).toBe("/api/deals/export?format=csv");
  });

  it("offers dashboards Excel and PDF only: a CSV holds one table", () => {
    expect(formatsFor("dashboard")).toEqual(["xlsx", "pdf"]);
    expect(formatsFor("report")).toEqual(["csv", "xlsx", "pdf"]);
    expect(formatsFor("deals")).toEqual(["csv", "xlsx", "pdf"]);
  });
});
