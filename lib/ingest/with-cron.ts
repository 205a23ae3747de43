// Guards a cron route: `Authorization: Bearer <CRON_SECRET>`, compared in constant time. With no
// CRON_SECRET configured every call is refused (fails closed), so an unset variable never opens it.
import { env } from "@/lib/env";
import { errorMessage } from "@/lib/error-text";
import { hasBearerSecret } from "./receive/secrets";

export function isCronAuthorised(request: Request, secret: string | undefined = env.CRON_SECRET): boolean {
  return hasBearerSecret(request, secret);
}

export function withCron(handler: (request: Request) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    if (!isCronAuthorised(request)) {
      return Response.json({ error: { code: "unauthorized", message: "Send Authorization: Bearer <CRON_SECRET>" } }, { status: 401 });
    }
    try {
      return await handler(request);
    } catch (error) {
      console.error("[cron] failed", errorMessage(error));
      return Response.json({ error: { code: "internal_error", message: "The cron job failed; the error has been logged" } }, { status: 500 });
    }
  };
}
