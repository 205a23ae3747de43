import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ConnectorAuthError } from "@/lib/connectors/errors";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { errorResponse } from "./handler";

const bodyOf = async (error: unknown) => {
  const response = errorResponse(error);
  return { status: response.status, body: await response.json() };
};

describe("the API's error body", () => {
  it("carries a domain error's code, field and params beside its English message", async () => {
    const taken = new ConflictError('A department named "Опт" already exists', { code: "department_name_taken", field: "name", params: { name: "Опт" } });
    expect(await bodyOf(taken)).toEqual({
      status: 409,
      body: { error: { code: "department_name_taken", message: 'A department named "Опт" already exists', field: "name", params: { name: "Опт" } } },
    });
    expect(await bodyOf(new NotFoundError("Traffic team"))).toEqual({ status: 404, body: { error: { code: "traffic_team_not_found", message: "Traffic team not found" } } });
  });

  it("answers a zod failure as validation_error naming the first failing value's path, or with the code a rule names", async () => {
    const schema = z.object({ rows: z.array(z.object({ amount: z.number() })) });
    expect(await bodyOf(schema.safeParse({ rows: [{ amount: "x" }] }).error)).toEqual({
      status: 400,
      body: { error: { code: "validation_error", field: "rows.0.amount", message: "rows.0.amount: Invalid input: expected number, received string" } },
    });
    const rule = z.object({ role: z.string(), departmentId: z.string().nullable() }).refine((v) => v.role !== "director" || v.departmentId, {
      path: ["departmentId"],
      message: "is required for a director",
      params: { code: "director_needs_department" },
    });
    expect(await bodyOf(rule.safeParse({ role: "director", departmentId: null }).error)).toEqual({
      status: 400,
      body: { error: { code: "director_needs_department", field: "departmentId", message: "departmentId: is required for a director" } },
    });
    // A code the catalogue does not have is not trusted: the issue stays a validation_error.
    const odd = z.string().refine(() => false, { params: { code: "made_up" } });
    expect((await bodyOf(odd.safeParse("x").error)).body.error.code).toBe("validation_error");
  });

  it("answers a CRM's refusal as 502 with the reason's code and the connector's words, which hold no secret", async () => {
    const refused = new ConnectorAuthError("Bitrix24 portal b24.example.kz rejected the webhook code or token (HTTP 401)", { status: 401 });
    expect(await bodyOf(refused)).toEqual({ status: 502, body: { error: { code: "crm_bad_token", message: "Bitrix24 portal b24.example.kz rejected the webhook code or token (HTTP 401)" } } });
  });

  it("says nothing of a bug but that it was logged", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(await bodyOf(new TypeError("secret internals"))).toEqual({
      status: 500,
      body: { error: { code: "internal_error", message: "Something went wrong on our side; the error has been logged" } },
    });
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();
  });
});
