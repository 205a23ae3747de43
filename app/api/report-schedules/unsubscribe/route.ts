// One-click unsubscribe (RFC 8058): mail clients POST here from the List-Unsubscribe header, and the
// /unsubscribe page's button does too. No session: the signed token is the proof (lib/report-schedules/unsubscribe.ts).
import { getDb } from "@/db/client";
import { errorResponse, readText } from "@/lib/api/handler";
import { unsubscribe } from "@/lib/report-schedules/unsubscribe";

export async function POST(request: Request): Promise<Response> {
  try {
    const fromBody = new URLSearchParams((await readText(request, 4096)).trim()).get("token");
    const token = new URL(request.url).searchParams.get("token") ?? fromBody ?? "";
    const target = await unsubscribe(await getDb(), token);
    return Response.json({ scheduleName: target.scheduleName, email: target.email, isUnsubscribed: true });
  } catch (error) {
    return errorResponse(error);
  }
}
