// The deal card's conversation (issue 18): a manager opens a deal with texts from the CRM and sees
// them newest first — kind, date in the organisation's zone, call talk time, the recording's link,
// long texts collapsed — as GET /api/deals/:id gives them; in English too, on a phone, and the
// empty state on a deal without texts.
import { expect, test, type Page } from "@playwright/test";
import { formatDateTime } from "../lib/format";
import { dealCardMessages, formatCallLength } from "../lib/i18n/deal-card-messages";
import { apiJson, logins, signInAndWait } from "./fixtures";

type Text = { id: string; kind: string; body: string; occurredAt: string; durationSeconds: number | null; recordingUrl: string | null; authorName: string | null; analysis: unknown };
type Card = { deal: { id: string }; conversation: Text[]; conversationTotal: number; timezone: string };
type DealsPage = { deals: { id: string }[] };

/** The manager's deals (most touched first) and their cards, until `want` says yes. */
async function findCard(page: Page, want: (card: Card) => boolean): Promise<Card> {
  const own = await apiJson<DealsPage>(page, "/api/deals?sort=touches&order=desc&limit=100");
  for (const deal of own.deals) {
    const card = await apiJson<Card>(page, `/api/deals/${deal.id}`);
    if (want(card)) return card;
  }
  throw new Error("no deal of the manager fits");
}

const isLong = (text: Text) => text.body.length > 320 || text.body.split("\n").length > 4;

test("a manager sees a deal's conversation newest first, as the API gives it, with talk time, recording link and long texts collapsed", async ({ page }) => {
  const t = dealCardMessages.ru;
  await signInAndWait(page, logins.manager1);
  const card = await findCard(page, (c) => c.conversation.some((x) => x.recordingUrl !== null) && c.conversation.some((x) => x.body !== "") && c.conversation.length >= 2);
  // newest first (analyses may be there: e2e/conversations.spec.ts turns analysis on before this spec runs)
  const times = card.conversation.map((x) => Date.parse(x.occurredAt));
  expect([...times].sort((a, b) => b - a)).toEqual(times);

  await page.goto(`/deals/${card.deal.id}`);
  await expect(page.getByRole("heading", { name: t.conversation })).toBeVisible();
  const entries = page.getByTestId("conversation-entry");
  await expect(entries).toHaveCount(card.conversation.length);
  expect(await entries.evaluateAll((rows) => rows.map((row) => row.getAttribute("data-kind")))).toEqual(card.conversation.map((x) => x.kind));
  const first = card.conversation[0];
  await expect(entries.first().getByTestId("conversation-kind")).toHaveText(t.textKind[first.kind]);
  await expect(entries.first().getByTestId("conversation-date")).toHaveText(formatDateTime(new Date(first.occurredAt), card.timezone, "ru"));

  // a recorded call: its talk time in minutes and seconds, and a link to the recording in a new tab
  const index = card.conversation.findIndex((x) => x.recordingUrl !== null);
  const call = card.conversation[index];
  const entry = entries.nth(index);
  await expect(entry.getByTestId("conversation-recording")).toHaveAttribute("href", call.recordingUrl!);
  await expect(entry.getByTestId("conversation-recording")).toHaveAttribute("target", "_blank");
  if (call.durationSeconds !== null) await expect(entry).toContainText(formatCallLength(call.durationSeconds, t));
  if (call.authorName) await expect(entry).toContainText(call.authorName);
});

test("a long text starts collapsed and opens with «Показать полностью»", async ({ page }) => {
  const t = dealCardMessages.ru;
  await signInAndWait(page, logins.manager1);
  const card = await findCard(page, (c) => c.conversation.some(isLong));
  const index = card.conversation.findIndex(isLong);
  await page.goto(`/deals/${card.deal.id}`);
  const entry = page.getByTestId("conversation-entry").nth(index);
  const text = entry.getByTestId("conversation-text");
  const toggle = entry.getByTestId("conversation-toggle");
  await expect(toggle).toHaveText(t.showAll);
  const collapsed = await text.evaluate((el) => el.getBoundingClientRect().height);
  await toggle.click();
  await expect(toggle).toHaveText(t.showLess);
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  expect(await text.evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(collapsed);
});

test("in English, on a 390 px phone, the conversation reads without sideways scrolling", async ({ page }) => {
  const t = dealCardMessages.en;
  await signInAndWait(page, logins.manager1);
  const card = await findCard(page, (c) => c.conversation.length >= 2);
  await page.context().addCookies([{ name: "voronka-locale", value: "en", url: page.url() }]);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/deals/${card.deal.id}`);
  await expect(page.getByRole("heading", { name: t.conversation })).toBeVisible();
  const first = card.conversation[0];
  await expect(page.getByTestId("conversation-entry").first().getByTestId("conversation-kind")).toHaveText(t.textKind[first.kind]);
  await expect(page.getByTestId("conversation-date").first()).toHaveText(formatDateTime(new Date(first.occurredAt), card.timezone, "en"));
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
});

test("a deal without texts says so", async ({ page }) => {
  await signInAndWait(page, logins.manager1);
  const card = await findCard(page, (c) => c.conversationTotal === 0);
  await page.goto(`/deals/${card.deal.id}`);
  await expect(page.getByTestId("deal-conversation-empty")).toHaveText(dealCardMessages.ru.noConversation);
  await expect(page.getByTestId("conversation-entry")).toHaveCount(0);
});
