// GET/PUT /api/anomalies/email-preference: the viewer's own switch for anomaly e-mails (admins and
// directors: managers get none), and what would stop them whatever it says (docs/anomalies.md).
import { z } from "zod";
import { apiRoute, readJson } from "@/lib/api/handler";
import { getAnomalyMailPreference, setAnomalyEmails } from "@/lib/anomalies/mail-preference";

const bodySchema = z.object({ enabled: z.boolean() }).strict();

export const GET = apiRoute("anomalies:email-own", async ({ viewer, db }) => getAnomalyMailPreference(db, viewer));

export const PUT = apiRoute("anomalies:email-own", async ({ request, viewer, db }) => {
  const { enabled } = await readJson(request, bodySchema);
  await setAnomalyEmails(db, { userId: viewer.userId, orgId: viewer.orgId, actorId: viewer.userId }, enabled);
  return getAnomalyMailPreference(db, viewer);
});
