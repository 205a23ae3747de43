// The address Voronka is reached at, for links that leave it (e-mails, Telegram, embed links).
import { env } from "@/lib/env";

export function appUrl(): string {
  return (env.APP_URL ?? env.AUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "");
}
