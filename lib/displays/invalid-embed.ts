// The page of an embed address that is damaged, expired or revoked: a 401 in both languages (a
// widget inside a CRM has no language switch, and the viewer is nobody we know).
import { displayMessages } from "@/lib/i18n/display-messages";

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function invalidEmbedHtml(): string {
  const blocks = (["ru", "en"] as const).map((locale) => {
    const t = displayMessages[locale].embed;
    return `<section lang="${locale}"><h1>${escape(t.invalidTitle)}</h1><p>${escape(t.invalidBody)}</p></section>`;
  });
  return `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>Voronka</title></head><body data-testid="embed-invalid">${blocks.join("")}</body></html>`;
}
