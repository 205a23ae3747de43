// Fields several kinds' inputs share (lib/connectors/<kind>/input.ts). URLs are checked here so a
// typo is a 400, not a failed sync later; plain http only with ALLOW_PRIVATE_CRM_URLS (a CRM on a
// private network, mocks), as the outbound guard allows it (lib/connectors/http/outbound-guard.ts).
import { z } from "zod";
import { env } from "@/lib/env";

export const sourceName = z.string().trim().min(1, "is required").max(100, "must be at most 100 characters");

export const httpsUrl = (what: string) =>
  z
    .string()
    .trim()
    .refine((value) => {
      try {
        const url = new URL(value);
        return url.protocol === "https:" || (url.protocol === "http:" && env.ALLOW_PRIVATE_CRM_URLS);
      } catch {
        return false;
      }
      // abort: the checks chained after this one may take the value for a URL.
    }, { message: `${what} must be an https:// URL`, abort: true });
