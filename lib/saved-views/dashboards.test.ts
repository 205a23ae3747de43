import { describe, expect, it } from "vitest";
import { dashboardAt, dashboardHref } from "./dashboards";

describe("saved view dashboards", () => {
  it("names the dashboard at a path: `/` and /overview are both the Overview; other pages are none", () => {
    expect(dashboardAt("/")).toBe("overview");
    expect(dashboardAt("/overview")).toBe("overview");
    expect(dashboardAt("/sales")).toBe("sales");
    expect(dashboardAt("/deals")).toBeNull();
    expect(dashboardAt("/settings/views")).toBeNull();
  });

  it("opens the Overview at /overview, never at `/`, which would send a person on to their default view", () => {
    expect(dashboardHref("overview", "preset=this-year")).toBe("/overview?preset=this-year");
    expect(dashboardHref("funnel", "")).toBe("/funnel");
  });
});
