"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { requireViewer } from "@/lib/auth/session";
import { createOwnApiToken, revokeOwnApiToken } from "@/lib/users/own-tokens";

export type CreateTokenState = { token?: string; error?: string };

export async function createTokenAction(_previous: CreateTokenState, form: FormData): Promise<CreateTokenState> {
  const viewer = await requireViewer();
  const name = z.string().trim().min(1).max(100).safeParse(form.get("name"));
  if (!name.success) return { error: "name" };
  const { token } = await createOwnApiToken(await getDb(), viewer, name.data);
  revalidatePath("/settings/tokens");
  return { token };
}

export async function revokeTokenAction(form: FormData) {
  const viewer = await requireViewer();
  await revokeOwnApiToken(await getDb(), viewer, String(form.get("id")));
  revalidatePath("/settings/tokens");
}
