// POST /api/sign-up/verify: the confirmation link's page posts its token here (docs/hosted.md).
import { getDb } from "@/db/client";
import { errorResponse, readJson } from "@/lib/api/handler";
import { assertMultiOrg, confirmSignUp } from "@/lib/hosted/sign-up";
import { verifySignUpSchema } from "@/lib/hosted/sign-up-schema";

export async function POST(request: Request): Promise<Response> {
  try {
    assertMultiOrg();
    const { token } = await readJson(request, verifySignUpSchema);
    await confirmSignUp(await getDb(), token);
    return Response.json({ status: "verified" }, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
