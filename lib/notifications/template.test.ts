import { describe, expect, it } from "vitest";
import { createTeamSchema, updateTeamSchema } from "@/lib/attribution/schemas";
import { telegramChatIdSchema } from "./chat-id";
import { notificationSettingsSchema } from "./schemas";
import { formatSaleAmount, renderSaleMessage, SAMPLE_SALE, TELEGRAM_TEXT_LIMIT } from "./template";

const NBSP = "\u00a0";

describe("renderSaleMessage", () => {
  it("fills the default Russian template: Cyrillic names, the amount in ₸ with grouped thousands", () => {
    expect(renderSaleMessage(null, SAMPLE_SALE, "ru")).toBe(
      `🎉 Новая продажа!\nТаргетолог: Kenesary\nКлиент: Иван Иванов\nСумма: 5${NBSP}000${NBSP}₸\nПродукт: Express Course\nКампания: tripwire_test_1`,
    );
  });

  it("has an English default for English-speaking organisations", () => {
    expect(renderSaleMessage(null, SAMPLE_SALE, "en")).toBe(
      "🎉 New sale!\nTraffic team: Kenesary\nClient: Иван Иванов\nAmount: ₸5,000\nProduct: Express Course\nCampaign: tripwire_test_1",
    );
  });

  it("fills a custom template, every placeholder as often as it appears, and marks what the deal lacks with —", () => {
    const template = "{manager} закрыл «{deal}» на {amount} ({product}); {team}/{campaign}; клиент {client}; ещё раз {amount}";
    const sale = { ...SAMPLE_SALE, amount: "1234567.5", currency: "RUB", teamName: null, utmCampaign: "  ", contactName: null, companyName: "ТОО «Ромашка»" };
    expect(renderSaleMessage(template, sale, "ru")).toBe(
      `Айгерим Садыкова закрыл «Заказ #1042» на 1${NBSP}234${NBSP}567,50${NBSP}₽ (Express Course); —/—; клиент ТОО «Ромашка»; ещё раз 1${NBSP}234${NBSP}567,50${NBSP}₽`,
    );
  });

  it("names the deal as the product when it has no pipeline name, and leaves unknown braces alone", () => {
    expect(renderSaleMessage("{product} {unknown}", { ...SAMPLE_SALE, pipelineName: null }, "ru")).toBe("Заказ #1042 {unknown}");
  });

  it("keeps within Telegram's 4096 characters", () => {
    const text = renderSaleMessage(`${"а".repeat(1990)}{client}`.repeat(1), { ...SAMPLE_SALE, contactName: "я".repeat(5000) }, "ru");
    expect(text).toHaveLength(TELEGRAM_TEXT_LIMIT);
    expect(text.endsWith("…")).toBe(true);
  });
});

describe("formatSaleAmount", () => {
  it("shows cents only when there are any, and survives a currency Intl does not know", () => {
    expect(formatSaleAmount("5000.00", "KZT", "ru")).toBe(`5${NBSP}000${NBSP}₸`);
    expect(formatSaleAmount("99.90", "USD", "en")).toBe("$99.90");
    expect(formatSaleAmount("10", "XYZ1", "ru")).toBe("10 XYZ1");
  });
});

describe("the settings form's schema", () => {
  const base = { isEnabled: true, fallbackChatId: "-1001234567890" };

  it("refuses an unknown placeholder and names the ones there are", () => {
    const result = notificationSettingsSchema.safeParse({ ...base, template: "Сумма: {summa}, {amount}" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      path: ["template"],
      message: "unknown placeholder {summa}; use {team}, {client}, {amount}, {product}, {campaign}, {manager}, {deal}",
      // the code and values the form's text is made of
      params: { code: "template_unknown_placeholder", unknown: "{summa}", known: "{team} {client} {amount} {product} {campaign} {manager} {deal}" },
    });
  });

  it("stores a blank template as null (the default) and keeps line breaks as \\n", () => {
    expect(notificationSettingsSchema.parse({ ...base, template: "   " }).template).toBeNull();
    expect(notificationSettingsSchema.parse({ ...base, template: "A\r\nB" }).template).toBe("A\nB");
  });

  it("accepts a bot token as BotFather gives it and nothing else; blank keeps the stored one", () => {
    expect(notificationSettingsSchema.parse({ ...base, botToken: " 123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw " }).botToken).toBe("123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw");
    expect(notificationSettingsSchema.parse({ ...base, botToken: "" }).botToken).toBeUndefined();
    expect(notificationSettingsSchema.safeParse({ ...base, botToken: "-1001234567890" }).success).toBe(false);
  });

  it("accepts numeric chat ids and @channel names, and clears a blank one", () => {
    expect(telegramChatIdSchema.parse("-1001874400121")).toBe("-1001874400121");
    expect(telegramChatIdSchema.parse(" @voronka_sales ")).toBe("@voronka_sales");
    expect(telegramChatIdSchema.parse("")).toBeNull();
    expect(telegramChatIdSchema.safeParse("t.me/voronka").success).toBe(false);
  });

  it("apply to a traffic team's chat too: a link is refused, an emptied field clears the chat", () => {
    const refused = createTeamSchema.safeParse({ name: "Kenesary", telegramChatId: "https://t.me/+AbCd" });
    expect(refused.error?.issues[0]).toMatchObject({ path: ["telegramChatId"], message: "must be a Telegram chat id such as -1001234567890 or @channel_name" });
    expect(updateTeamSchema.parse({ telegramChatId: "" })).toEqual({ telegramChatId: null });
  });
});
