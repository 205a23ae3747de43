import { describe, expect, it } from "vitest";
import { sourceKindEnum } from "@/db/schema";
import { CRM_SOURCE_KINDS, describeKind, isSourceKind, SOURCE_KINDS } from "./descriptors";
import { SOURCE_INPUTS } from "./inputs";
import { connectorFor } from "./registry";

describe("connector registry", () => {
  it("has one entry per kind of the database enum, each under its own kind, in the add form's order", () => {
    expect(SOURCE_KINDS).toEqual(["bitrix24", "amocrm", "shop", "form"]);
    expect([...SOURCE_KINDS].sort()).toEqual([...sourceKindEnum.enumValues].sort());
    for (const kind of SOURCE_KINDS) {
      expect(describeKind(kind).kind).toBe(kind);
      expect(connectorFor(kind).descriptor).toBe(describeKind(kind));
    }
    expect(SOURCE_INPUTS.map((input) => input.shape.kind.value)).toEqual(SOURCE_KINDS);
  });

  it("gives a CRM connection exactly to the CRM kinds, and the others a refusal with their code", () => {
    expect(CRM_SOURCE_KINDS).toEqual(["bitrix24", "amocrm"]);
    for (const kind of SOURCE_KINDS) expect(connectorFor(kind).crm !== null).toBe(describeKind(kind).isCrm);
    const shop = connectorFor("shop");
    const form = connectorFor("form");
    expect(shop.crm === null && shop.noCrm().code).toBe("shop_has_no_crm");
    expect(form.crm === null && form.noCrm().code).toBe("form_has_no_crm");
  });

  it("knows a kind only by its exact name", () => {
    expect(isSourceKind("amocrm")).toBe(true);
    expect(isSourceKind("AmoCRM")).toBe(false);
    expect(isSourceKind("toString")).toBe(false);
  });

  it("keeps the secret in the address exactly for the senders that sign nothing", () => {
    expect(SOURCE_KINDS.filter((kind) => describeKind(kind).secretInUrl)).toEqual(["amocrm", "form"]);
    expect(SOURCE_KINDS.filter((kind) => describeKind(kind).issuesSecret)).toEqual(["amocrm", "shop", "form"]);
  });
});
