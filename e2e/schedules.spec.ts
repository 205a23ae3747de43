// Scheduled reports as a director sets one up on a phone: the form (no outside addresses for a
// director), "Send now", and the messages an in-process SMTP server receives — each manager's with
// their own figures, PDF attached — then the history, and the unsubscribe link opened signed out.
// The e2e server sends to this spec's server (SMTP_URL in playwright.config.ts).
import { expect, test } from "@playwright/test";
import type { ParsedMail } from "mailparser";
import { startSmtpSink, type SmtpSink } from "../lib/mail/test/smtp-sink";
import { logins, signInAndWait } from "./fixtures";

const port = Number(new URL(process.env.E2E_SMTP_URL ?? "smtp://127.0.0.1:3198").port);
let smtp: SmtpSink;

test.beforeAll(async () => {
  smtp = await startSmtpSink({ port });
});
test.afterAll(async () => {
  await smtp?.close();
});

const to = (message: ParsedMail) => (Array.isArray(message.to) ? message.to[0] : message.to)?.value[0].address;

test("a director schedules the department's sales report and each recipient receives their own", async ({ page, browser }) => {
  await signInAndWait(page, logins.director);
  await page.getByRole("link", { name: "Рассылки отчётов" }).click();
  await expect(page).toHaveURL(/\/schedules$/);
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole("heading", { name: "Рассылки отчётов" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  const form = page.getByTestId("schedule-form");
  // A director sends inside Voronka only: no field for outside addresses.
  await expect(form.getByLabel("Другие адреса")).toHaveCount(0);
  // Nobody chosen: refused beside the recipients.
  await form.getByLabel("Название").fill("Продажи Алматы — неделя");
  await form.getByRole("button", { name: "Создать рассылку" }).click();
  await expect(form).toContainText("Выберите хотя бы одного получателя");

  await form.getByLabel("Что отправлять").selectOption("sales");
  await form.getByLabel("Период").selectOption("this-year");
  await form.getByLabel("Как часто").selectOption("weekly");
  await form.getByLabel("День недели").selectOption("1");
  await form.getByLabel("Время").fill("08:30");
  await form.getByLabel("XLSX").check();
  await form.getByLabel("Айгерим Нурланова").check();
  await form.getByLabel("Ержан Сапаров").check();
  await form.getByRole("button", { name: "Создать рассылку" }).click();
  await expect(form).toContainText("Рассылка создана");

  const schedule = page.getByTestId("schedule").filter({ hasText: "Продажи Алматы — неделя" });
  await expect(schedule).toContainText("Раз в неделю · Понедельник · 08:30");
  await expect(schedule).toContainText("Айгерим Нурланова (свои цифры)");
  await schedule.getByRole("button", { name: "Отправить сейчас" }).click();

  const messages = await smtp.waitFor(2, 30_000);
  const manager = messages.find((message) => to(message) === logins.manager1)!;
  const director = messages.find((message) => to(message) === logins.director)!;
  expect(manager.subject).toMatch(/^Продажи Алматы — неделя — /);
  expect(manager.text).toContain("Здравствуйте, Айгерим Нурланова!");
  expect(manager.text).toMatch(/• Выручка: [\d\s\u00a0]+₸/);
  expect(manager.attachments.map((file) => file.filename?.split(".").pop())).toEqual(["pdf", "xlsx"]);
  expect(manager.attachments[0].content.subarray(0, 5).toString()).toBe("%PDF-");
  // The manager's revenue is her own: below the director's, which is the whole department's.
  const revenue = (message: ParsedMail) => Number(/• Выручка: ([\d\s\u00a0]+)₸/.exec(message.text ?? "")![1].replace(/\D/g, ""));
  expect(revenue(manager)).toBeGreaterThan(0);
  expect(revenue(manager)).toBeLessThan(revenue(director));

  await page.reload();
  await schedule.getByText("История").click();
  await expect(schedule.getByTestId("history")).toContainText("отправлено");

  // The unsubscribe link works signed out.
  const link = /Отписаться: (\S+)/.exec(manager.text ?? "")![1];
  const guest = await browser.newContext();
  const guestPage = await guest.newPage();
  expect(link.startsWith(`http://127.0.0.1:${process.env.E2E_PORT ?? 3100}/unsubscribe?token=`)).toBe(true);
  await guestPage.goto(link);
  await expect(guestPage.getByText(`Больше не получать рассылку «Продажи Алматы — неделя» на ${logins.manager1}?`)).toBeVisible();
  await guestPage.getByRole("button", { name: "Отписаться" }).click();
  await expect(guestPage.getByRole("status")).toContainText("больше не будет приходить");
  await guest.close();
  await page.reload();
  await expect(schedule).toContainText("Айгерим Нурланова (свои цифры, отписан)");
});
