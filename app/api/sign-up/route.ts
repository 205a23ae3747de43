// POST /api/sign-up: hosted mode's public sign-up (docs/hosted.md, docs/api.md). No session needed.
import { getDb } from "@/db/client";
import { errorResponse, readJson } from "@/lib/api/handler";
import { clientAddress } from "@/lib/auth/client-address";
import { assertMultiOrg, signUp } from "@/lib/hosted/sign-up";
import { signUpSchema } from "@/lib/hosted/sign-up-schema";
import { originOfRequest } from "@/lib/sources/inbound-url";

export async function POST(request: Request): Promise<Response> {
  try {
    assertMultiOrg();
    const input = await readJson(request, signUpSchema);
    const result = await signUp(await getDb(), input, { address: clientAddress(request.headers), origin: originOfRequest(request) });
    return Response.json(result.status === "created" ? { status: "created" } : result, { status: result.status === "created" ? 201 : 202 });
  } catch (error) {
    return errorResponse(error);
  }
}
