import { describe, expect, it } from "vitest";
import { dashboardMessages } from "@/lib/i18n/dashboard-messages";
import type { DealListRow } from "@/lib/deals/deal-list";
import { bucketCaption } from "./bucket-caption";
import { dashboardBackLink, dealsHref } from "./deal-links";

const STAGE = "0b6f3c52-5d1e-4c3e-9a55-6a3a0b8e0d11";
const MANAGER = "5e0c7a8e-1c0b-4a52-8d2e-2f6d9b1a7c33";

describe("the way back from the deals list", () => {
  it("leads back to the funnel with its filters", () => {
    const href = dealsHref("funnel", "preset=this-year&sourceId=s1", { reachedStageId: STAGE });
    const back = dashboardBackLink(new URL(href, "http://x").searchParams);
    expect(back).toEqual({ dashboard: "funnel", href: "/funnel?preset=this-year&sourceId=s1" });
  });

  it("leaves behind the filter a bucket set: the Managers bar's manager was not the dashboard's filter", () => {
    const href = dealsHref("managers", "from=2025-01-01&to=2025-03-31", { status: "won", periodOn: "closed", managerId: MANAGER });
    expect(new URL(href, "http://x").searchParams.get("managerId")).toBe(MANAGER);
    expect(dashboardBackLink(new URL(href, "http://x").searchParams)?.href).toBe("/managers?from=2025-01-01&to=2025-03-31");
  });

  it("leads to the Overview at /overview (/ may open a saved default view) and to a dashboard without filters by its bare path", () => {
    expect(dashboardBackLink(new URL(dealsHref("overview", "", { status: "won" }), "http://x").searchParams)).toEqual({ dashboard: "overview", href: "/overview" });
    expect(dashboardBackLink(new URL(dealsHref("traffic", "", { teamId: "none" }), "http://x").searchParams)).toEqual({ dashboard: "traffic", href: "/traffic" });
  });

  it("offers no way back for a list opened another way, or towards a page that is no dashboard", () => {
    expect(dashboardBackLink(new URLSearchParams("status=won"))).toBeNull();
    expect(dashboardBackLink(new URLSearchParams("dashboard=https://evil.example"))).toBeNull();
    // only filter keys survive a hand-made `back`
    expect(dashboardBackLink(new URLSearchParams("dashboard=sales&back=preset%3Dthis-year%26cursor%3Dabc"))?.href).toBe("/sales?preset=this-year");
  });
});

describe("the deals list's caption", () => {
  const rows = [{ stageName: "Сделка успешна", managerName: "Анна" }] as DealListRow[];

  it("names the stage a funnel bar stands for and its pipeline, not the stage a row stands at now", () => {
    const params = { reachedStageId: STAGE };
    const reachedStage = { name: "Счёт выставлен", pipelineName: "Продажи" };
    expect(bucketCaption({ params, rows, reachedStage, locale: "ru", t: dashboardMessages.ru.deals })).toEqual(["дошли до этапа «Счёт выставлен» воронки «Продажи» в периоде"]);
    expect(bucketCaption({ params, rows, reachedStage, locale: "en", t: dashboardMessages.en.deals })).toEqual(["reached the stage “Счёт выставлен” of the “Продажи” pipeline in the period"]);
  });

  it("names the traffic team a Traffic row opened, and says «Без команды трафика» for the Unattributed row", () => {
    const t = dashboardMessages.ru.deals;
    expect(bucketCaption({ params: { teamId: STAGE, status: "won" }, rows, reachedStage: null, teamName: "Таргет", locale: "ru", t })).toEqual(["Выигранные", "Команда трафика: Таргет"]);
    expect(bucketCaption({ params: { teamId: "none" }, rows, reachedStage: null, teamName: null, locale: "ru", t })).toEqual(["Без команды трафика"]);
  });

  it("says «выбранного этапа» only until the list has loaded", () => {
    expect(bucketCaption({ params: { reachedStageId: STAGE }, rows: [], reachedStage: null, locale: "ru", t: dashboardMessages.ru.deals })).toEqual(["дошли до выбранного этапа воронки в периоде"]);
  });
});
