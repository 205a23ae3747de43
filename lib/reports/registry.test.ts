import { describe, expect, expectTypeOf, it } from "vitest";
import { findReport, isReportName, reportNames } from "./registry";
import type { ReportResponse } from "./run-report";

describe("the report registry", () => {
  it("finds each of the nine reports by the name the URL uses, and that name is the report's own", () => {
    expect(reportNames).toEqual(["overview", "sales-by-month", "sales-funnel", "manager-activity", "leads-by-source", "lead-conversion", "traffic-teams", "forecast", "conversations"]);
    for (const name of reportNames) expect(findReport(name)?.name).toBe(name);
  });

  it("knows no other name, including the names of Object's own properties", () => {
    for (const name of ["sales", "", "toString", "__proto__", "constructor"]) {
      expect(isReportName(name)).toBe(false);
      expect(findReport(name)).toBeUndefined();
    }
  });

  it("gives a dashboard its report's JSON type by name: dates arrive as strings", () => {
    // Checked by the type check (npm run typecheck), which runs over the tests too.
    expectTypeOf<ReportResponse<"overview">["period"]["from"]>().toEqualTypeOf<string>();
    expectTypeOf<ReportResponse<"sales-by-month">["previousYearPeriod"]["to"]>().toEqualTypeOf<string>();
    expectTypeOf<ReportResponse<"traffic-teams">["today"]>().toEqualTypeOf<string>();
    expectTypeOf<ReportResponse<"lead-conversion">>().toHaveProperty("byMonth");
  });
});
