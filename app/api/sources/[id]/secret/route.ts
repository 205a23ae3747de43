import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { originOfRequest } from "@/lib/sources/inbound-url";
import { revealSourceSecret } from "@/lib/sources/source-secret";

/** Reveal: `{ secret, inboundWebhookUrl }` (amoCRM's address with its secret, a shop's signing key); audited. */
export const POST = apiRoute<{ id: string }>("sources:manage", async ({ request, viewer, db, params }) =>
  revealSourceSecret(db, viewer, z.uuid("must be a source id").parse(params.id), originOfRequest(request)),
);
