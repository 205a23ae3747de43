// One-click stop of a person's anomaly e-mails (RFC 8058): mail clients POST here from the
// List-Unsubscribe header, and the /unsubscribe page's button does too. No session: the signed token
// is the proof (lib/anomalies/mail-preference.ts).
import { getDb } from "@/db/client";
import { errorResponse, readText } from "@/lib/api/handler";
import { unsubscribeFromAnomalyMails } from "@/lib/anomalies/mail-preference";

export async function POST(request: Request): Promise<Response> {
  try {
    const fromBody = new URLSearchParams((await readText(request, 4096)).trim()).get("token");
    const token = new URL(request.url).searchParams.get("token") ?? fromBody ?? "";
    const target = await unsubscribeFromAnomalyMails(await getDb(), token);
    return Response.json({ email: target.email, enabled: target.enabled });
  } catch (error) {
    return errorResponse(error);
  }
}
