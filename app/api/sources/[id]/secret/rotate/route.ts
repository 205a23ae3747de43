import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { originOfRequest } from "@/lib/sources/inbound-url";
import { rotateSourceSecret } from "@/lib/sources/source-secret";

/** Rotate: a new secret, the old one refused from now on; answers `{ secret, inboundWebhookUrl }`; audited. */
export const POST = apiRoute<{ id: string }>("sources:manage", async ({ request, viewer, db, params }) =>
  rotateSourceSecret(db, viewer, z.uuid("must be a source id").parse(params.id), originOfRequest(request)),
);
