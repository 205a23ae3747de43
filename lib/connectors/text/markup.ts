// CRM texts come as plain text, BB-code (Bitrix24 comments, DESCRIPTION_TYPE 2) or HTML (e-mails,
// DESCRIPTION_TYPE 3); conversation texts are stored as plain text (docs/sync.md, "Conversation texts").
import { convert } from "html-to-text";

export type Markup = "plain" | "bbcode" | "html";

/** Bitrix24 DESCRIPTION_TYPE: 1 plain, 2 BB-code, 3 HTML. */
export function b24Markup(descriptionType: unknown): Markup {
  const code = String(descriptionType ?? "1");
  return code === "3" ? "html" : code === "2" ? "bbcode" : "plain";
}

/** Plain text with markup removed, blank runs collapsed and the ends trimmed. */
export function toPlainText(value: unknown, markup: Markup): string {
  if (typeof value !== "string" || value.length === 0) return "";
  let text = value;
  if (markup === "html") text = convert(text, { wordwrap: false, selectors: [{ selector: "a", options: { ignoreHref: true } }, { selector: "img", format: "skip" }] });
  else if (markup === "bbcode") text = stripBbCode(text);
  return text.replace(/\r\n?/g, "\n").replace(/[ \t]+\n/g, "\n").replace(/\n{3,}/g, "\n\n").trim();
}

/** [B]bold[/B], [URL=…]link[/URL], [USER=1]Name[/USER] → their inner text; [BR] → a new line. */
function stripBbCode(text: string): string {
  return text
    .replace(/\[br\s*\/?\]/gi, "\n")
    .replace(/\[\/?(?:b|i|u|s|url|user|color|size|font|quote|code|list|\*|p|img|disk file id|left|right|center|justify|table|tr|td)(?:=[^\]]*)?\]/gi, "")
    .replace(/\[DISK FILE ID=[^\]]*\]/gi, "");
}
