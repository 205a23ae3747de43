// A source's webhook secret (amoCRM's is in its inbound address, a shop signs its bodies with it)
// is shown once, when the source is created. After that only on an admin's explicit "Reveal", or
// as the new one after "Rotate": both are written to the audit log (without the secret). Rotating
// invalidates the old secret at once on this server, and within the webhook receiver's source
// cache lifetime (5 s) on any other instance.
import { and, eq } from "drizzle-orm";
import { sources } from "@/db/schema";
import type { Db } from "@/db/types";
import type { Viewer } from "@/lib/auth/viewer";
import { writeAudit } from "@/lib/audit";
import { describeKind } from "@/lib/connectors/descriptors";
import { AppError } from "@/lib/errors";
import { forgetWebhookSource } from "@/lib/ingest/receive/receive-webhook";
import { inboundWebhookUrl } from "./inbound-url";
import { getSourceRow, newWebhookSecret } from "./manage-sources";

type Admin = Pick<Viewer, "orgId" | "userId">;
export type RevealedSecret = { secret: string; inboundWebhookUrl: string };

export async function revealSourceSecret(db: Db, viewer: Admin, id: string, origin: string): Promise<RevealedSecret> {
  const row = await sourceWithSecret(db, viewer.orgId, id);
  await writeAudit(db, viewer, { action: "source.secret_reveal", targetType: "source", targetId: id, details: { kind: row.kind, name: row.name } });
  return { secret: row.webhookSecret, inboundWebhookUrl: inboundWebhookUrl(origin, row, "shown") };
}

export async function rotateSourceSecret(db: Db, viewer: Admin, id: string, origin: string): Promise<RevealedSecret> {
  const row = await sourceWithSecret(db, viewer.orgId, id);
  const webhookSecret = newWebhookSecret();
  await db.update(sources).set({ webhookSecret }).where(and(eq(sources.orgId, viewer.orgId), eq(sources.id, id)));
  forgetWebhookSource(id);
  await writeAudit(db, viewer, { action: "source.secret_rotate", targetType: "source", targetId: id, details: { kind: row.kind, name: row.name } });
  return { secret: webhookSecret, inboundWebhookUrl: inboundWebhookUrl(origin, { ...row, webhookSecret }, "shown") };
}

/** A kind that proves itself with its own token (Bitrix24's application token) is issued no secret by Voronka. */
async function sourceWithSecret(db: Db, orgId: string, id: string) {
  const row = await getSourceRow(db, orgId, id);
  if (!describeKind(row.kind).issuesSecret) throw new AppError(400, "source_has_no_secret", "A Bitrix24 source has no Voronka secret: Bitrix24 proves its events with its own application token");
  return row;
}
