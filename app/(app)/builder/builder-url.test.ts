// The builder's filters in its address: chosen on the page, they go into the link and the request
// body; a link brings them back; a cleared filter leaves both.
import { describe, expect, it } from "vitest";
import { bodyAt } from "@/lib/reports/builder/address";
import { defaultState, filtersWith, paramsOf, requestOf, stateFromParams, type BuilderState } from "./builder-url";

const manager = "11111111-1111-4111-8111-111111111111";
const source = "22222222-2222-4222-8222-222222222222";
const department = "33333333-3333-4333-8333-333333333333";
const base: BuilderState = { ...defaultState, measures: ["wonRevenue"], dimensions: ["manager"], preset: "this-year" };

describe("builder filters in the address", () => {
  it("a chosen manager and source go into the link and the request body", () => {
    const state = { ...base, filters: filtersWith(base.filters, { managerId: manager, sourceId: source }) };
    expect(paramsOf(state)).toBe(`m=wonRevenue&d=manager&preset=this-year&managerId=${manager}&sourceId=${source}&chart=bar`);
    expect(requestOf(state).filters).toEqual({ managerId: manager, sourceId: source });
  });

  it("a link with filters opens the same state, and the state gives the same link back", () => {
    const link = `m=wonRevenue&d=manager&preset=this-year&departmentId=${department}&managerId=${manager}&chart=line`;
    const state = stateFromParams(new URLSearchParams(link));
    expect(state.filters).toEqual({ departmentId: department, managerId: manager });
    expect(state.chart).toBe("line");
    expect(paramsOf(state)).toBe(link);
    // the export and a saved view read the body back from the same address
    expect(bodyAt(new URLSearchParams(paramsOf(state))).filters).toEqual({ departmentId: department, managerId: manager });
  });

  it("clearing a filter removes it from the link and the body; clearing the last leaves no filters at all", () => {
    const both = { ...base, filters: { managerId: manager, sourceId: source } };
    const oneLeft = { ...both, filters: filtersWith(both.filters, { managerId: null }) };
    expect(oneLeft.filters).toEqual({ sourceId: source });
    expect(paramsOf(oneLeft)).not.toContain("managerId");
    expect(paramsOf(oneLeft)).toContain(`sourceId=${source}`);
    // the select's «Все» gives "" — the same as clearing
    const none = { ...oneLeft, filters: filtersWith(oneLeft.filters, { sourceId: "" }) };
    expect(none.filters).toEqual({});
    expect(paramsOf(none)).toBe("m=wonRevenue&d=manager&preset=this-year&chart=bar");
    expect("filters" in requestOf(none)).toBe(false);
  });

  it("keys that are not filters stay out of the state", () => {
    const state = stateFromParams(new URLSearchParams(`m=wonRevenue&managerId=${manager}&userId=x&format=csv`));
    expect(state.filters).toEqual({ managerId: manager });
  });
});
