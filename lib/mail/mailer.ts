// The one place Voronka sends e-mail: nodemailer over the SMTP server of SMTP_URL, from MAIL_FROM.
// The URL carries the SMTP password, so nothing that could quote it leaves this module unblanked,
// and answers are sorted like the Telegram sender's: sent, try again later, or will never work.
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";

export type MailAttachment = { filename: string; content: Buffer; contentType: string };
export type Mail = { to: string; subject: string; text: string; html?: string; attachments?: MailAttachment[]; headers?: Record<string, string> };
export type MailConfig = { url: string; from: string };
export type MailOutcome = { ok: true; messageId: string } | { ok: false; retryable: boolean; status: number | null; description: string };

const transports = new Map<string, Transporter>();

/** The configured server, or null when SMTP_URL is not set (e-mail schedules then fail as "not configured"). */
export function mailConfig(): MailConfig | null {
  return env.SMTP_URL && env.MAIL_FROM ? { url: env.SMTP_URL, from: env.MAIL_FROM } : null;
}

function transportFor(url: string): Transporter {
  let transport = transports.get(url);
  if (!transport) {
    // A pool keeps one connection across a run's messages; timeouts keep a dead server from holding a lease.
    transport = nodemailer.createTransport(`${url}${url.includes("?") ? "&" : "?"}pool=true`, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
    transports.set(url, transport);
  }
  return transport;
}

export async function sendMail(mail: Mail, config: MailConfig | null = mailConfig()): Promise<MailOutcome> {
  if (!config) return { ok: false, retryable: false, status: null, description: "E-mail is not configured: set SMTP_URL and MAIL_FROM" };
  try {
    const info = await transportFor(config.url).sendMail({ from: config.from, ...mail });
    return { ok: true, messageId: info.messageId };
  } catch (error) {
    const { responseCode, code, message } = error as { responseCode?: number; code?: string; message?: string };
    // 5xx: the server refused for good (a bad address, a rejected sender); 4xx and network errors pass.
    const retryable = !(typeof responseCode === "number" && responseCode >= 500) && code !== "EAUTH" && code !== "EENVELOPE";
    return { ok: false, retryable, status: responseCode ?? null, description: hideSecrets(`${code ? `${code}: ` : ""}${message ?? String(error)}`, config.url) };
  }
}

/** Closes the pooled connections (tests, shutdown). */
export function closeMailTransports(): void {
  for (const transport of transports.values()) transport.close();
  transports.clear();
}

/** Blanks the URL's user and password out of a text, in case a library quoted them. */
export function hideSecrets(text: string, url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return text;
  }
  let out = text;
  for (const secret of [parsed.password, decodeURIComponent(parsed.password), parsed.username, decodeURIComponent(parsed.username)]) {
    if (secret.length >= 3) out = out.split(secret).join("***");
  }
  return out;
}
