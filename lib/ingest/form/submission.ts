// A site form's post (Tilda's webhook, plain JSON, or any form-urlencoded form) read into one shape:
// who (name, phone, e-mail), which form, the UTM tags and Tilda's submission id. Field names are
// matched case-insensitively, ignoring spaces, "_" and "-", through the aliases below (docs/forms.md
// lists them): Tilda sends the variable names the form's author typed ("Name", "Phone", "Email").
import { createHash } from "node:crypto";
import { parseBracketForm, isFormObject, type FormObject } from "../receive/form-body";
import { isJsonContentType } from "../receive/verdict";
import { eventFailure, inEnglish, type EventFailure } from "../event-failure";

export type FormSubmission = {
  name: string | null;
  phone: string | null;
  email: string | null;
  formId: string | null;
  formName: string | null;
  /** Tilda's submission id ("467251:8442970"): the same post retried carries the same one. */
  tranid: string | null;
  utm: { source: string | null; medium: string | null; campaign: string | null; content: string | null; term: string | null };
  /** The page the visitor came from and the ad networks' click ids, from hidden fields of the form (kept as sent: fbclid is case-sensitive). */
  clicks: { referrer: string | null; fbclid: string | null; gclid: string | null; yclid: string | null };
};

/** Which field feeds what, by normalised name (lower case, no spaces, "_" or "-"). */
export const FIELD_ALIASES = {
  name: ["name", "fio", "fullname", "yourname", "firstname", "client", "имя", "фио", "ваше имя"],
  phone: ["phone", "tel", "telephone", "phonenumber", "mobile", "whatsapp", "телефон", "номер", "номертелефона", "ваштелефон"],
  email: ["email", "mail", "emailaddress", "почта", "электроннаяпочта", "емейл", "ваша почта"],
  formId: ["formid", "form"],
  formName: ["formname", "formtitle"],
  tranid: ["tranid", "submissionid"],
  cookies: ["cookies"],
} as const;
const UTM_KEYS = ["source", "medium", "campaign", "content", "term"] as const;
/** Normalised field name → click key; Tilda sends none of them by itself (docs/forms.md). */
const CLICK_FIELDS: Record<string, keyof FormSubmission["clicks"]> = { referrer: "referrer", referer: "referrer", fbclid: "fbclid", gclid: "gclid", yclid: "yclid" };

const normaliseKey = (key: string) => key.toLowerCase().replace(/[\s_-]+/g, "");
const aliasIndex = new Map<string, keyof typeof FIELD_ALIASES>(
  Object.entries(FIELD_ALIASES).flatMap(([field, names]) => names.map((name) => [normaliseKey(name), field as keyof typeof FIELD_ALIASES])),
);

/** A post that cannot be read as fields, with why. */
export class SubmissionError extends Error {
  constructor(readonly failure: EventFailure) {
    super(inEnglish(failure));
  }
}

/** The post's top-level fields as text (nested ones, like Tilda's `payment[...]`, are left out). */
export function readFields(contentType: string | null, body: string): Map<string, string> {
  const fields = new Map<string, string>();
  if (isJsonContentType(contentType)) {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      throw new SubmissionError(eventFailure("webhook_json_unreadable"));
    }
    if (json === null || typeof json !== "object" || Array.isArray(json)) throw new SubmissionError(eventFailure("webhook_json_not_object"));
    for (const [key, value] of Object.entries(json)) {
      if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") fields.set(key, String(value));
    }
    return fields;
  }
  let form: FormObject;
  try {
    form = parseBracketForm(body);
  } catch (error) {
    throw new SubmissionError(eventFailure("webhook_form_unreadable", undefined, error instanceof Error ? error.message : undefined));
  }
  for (const [key, value] of Object.entries(form)) if (!isFormObject(value)) fields.set(key, value);
  return fields;
}

/** Tilda's connection check: just `test=test` (answered `ok`, stored nowhere). */
export function isConnectionTest(fields: Map<string, string>): boolean {
  return fields.size === 1 && fields.get("test") === "test";
}

export function readSubmission(fields: Map<string, string>): FormSubmission {
  const found: Partial<Record<keyof typeof FIELD_ALIASES, string>> = {};
  const utm: FormSubmission["utm"] = { source: null, medium: null, campaign: null, content: null, term: null };
  const clicks: FormSubmission["clicks"] = { referrer: null, fbclid: null, gclid: null, yclid: null };
  for (const [key, raw] of fields) {
    const value = raw.trim();
    if (!value) continue;
    const normal = normaliseKey(key);
    const utmKey = /^utm(source|medium|campaign|content|term)$/.exec(normal)?.[1] as (typeof UTM_KEYS)[number] | undefined;
    if (utmKey) utm[utmKey] ??= value.slice(0, 500);
    const clickKey = CLICK_FIELDS[normal];
    if (clickKey) clicks[clickKey] ??= value.slice(0, 1000);
    const field = aliasIndex.get(normal);
    // The first field of each kind wins: a second "phone" (a hidden copy) does not replace the typed one.
    if (field && found[field] === undefined) found[field] = value.slice(0, 500);
  }
  // Without UTM fields, Tilda's own TILDAUTM cookie (sent with "send cookies" on) carries them.
  if (found.cookies && UTM_KEYS.every((key) => utm[key] === null)) Object.assign(utm, utmFromTildaCookie(found.cookies));
  return {
    name: found.name ?? null,
    phone: found.phone ?? null,
    email: found.email ?? null,
    formId: found.formId ?? null,
    formName: found.formName ?? null,
    tranid: found.tranid ?? null,
    utm,
    clicks,
  };
}

/** `TILDAUTM=utm_source%3Dyandex%7C%7C%7Cutm_medium%3Dcpc%7C%7C%7C` → { source: "yandex", medium: "cpc" }. */
export function utmFromTildaCookie(cookies: string): Partial<FormSubmission["utm"]> {
  const match = /(?:^|;\s*)TILDAUTM=([^;]*)/.exec(cookies);
  if (!match) return {};
  let decoded: string;
  try {
    decoded = decodeURIComponent(match[1]);
  } catch {
    return {};
  }
  const utm: Partial<FormSubmission["utm"]> = {};
  for (const pair of decoded.split("|||")) {
    const [key, value] = pair.split("=");
    const utmKey = /^utm_(source|medium|campaign|content|term)$/.exec(key ?? "")?.[1] as (typeof UTM_KEYS)[number] | undefined;
    if (utmKey && value) utm[utmKey] = value.slice(0, 500);
  }
  return utm;
}

export const hasContact = (submission: FormSubmission) => submission.phone !== null || submission.email !== null;

/**
 * What makes two posts without `tranid` the same submission: the same form, contact and tags (the
 * phone and e-mail as normalised, so a retried post with other spacing is still the same).
 */
export function contentHash(submission: FormSubmission, phone: string | null, email: string | null): string {
  const { utm } = submission;
  const parts = [submission.formId, submission.formName, submission.name, phone, email, utm.source, utm.medium, utm.campaign, utm.content, utm.term];
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex");
}
