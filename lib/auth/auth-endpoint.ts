// Auth.js's own endpoints (/api/auth/*: csrf, session, the sign-in callback) behind two guards it
// lacks: a body of at most 1 MiB (it read any size, signed in or not), and a callbackUrl it can
// take (it answered an unparsable one with a 500).
import { NextRequest } from "next/server";
import { errorResponse, readText } from "@/lib/api/handler";
import { AppError } from "@/lib/errors";
import { handlers } from "./auth";
import { isAcceptableCallbackUrl } from "./callback-url";

const CALLBACK_COOKIES = ["authjs.callback-url", "__Secure-authjs.callback-url"];

export async function GET(request: NextRequest): Promise<Response> {
  return guarded(request, () => handlers.GET(withoutBadCallbackCookie(request)));
}

export async function POST(request: NextRequest): Promise<Response> {
  return guarded(request, async () => {
    const body = await readText(request);
    const init = { method: "POST", headers: withoutBadCallbackCookie(request).headers, body };
    return handlers.POST(new NextRequest(request.url, init));
  });
}

async function guarded(request: NextRequest, run: () => Promise<Response>): Promise<Response> {
  try {
    const callbackUrl = request.nextUrl.searchParams.get("callbackUrl");
    if (callbackUrl !== null && !isAcceptableCallbackUrl(callbackUrl)) {
      throw new AppError(400, "invalid_callback_url", "callbackUrl must be a path of this app or an http(s) address");
    }
    return await run();
  } catch (error) {
    return errorResponse(error);
  }
}

/** A callback-url cookie Auth.js would choke on is dropped (Auth.js only ever sets good ones). */
function withoutBadCallbackCookie(request: NextRequest): NextRequest {
  const bad = CALLBACK_COOKIES.filter((name) => {
    const value = request.cookies.get(name)?.value;
    return value !== undefined && !isAcceptableCallbackUrl(value);
  });
  if (bad.length === 0) return request;
  const headers = new Headers(request.headers);
  const kept = request.cookies.getAll().filter((cookie) => !bad.includes(cookie.name));
  headers.set("cookie", kept.map((cookie) => `${cookie.name}=${encodeURIComponent(cookie.value)}`).join("; "));
  return new NextRequest(request.url, { method: request.method, headers });
}
