import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeMailTransports, hideSecrets, sendMail } from "./mailer";
import { startSmtpSink, type SmtpSink } from "./test/smtp-sink";

let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink({ user: "reports", password: "s3cret-pass" });
});
afterAll(async () => {
  closeMailTransports();
  await sink.close();
});

describe("sendMail", () => {
  it("delivers a message with its attachment to a real SMTP server, signed in", async () => {
    const outcome = await sendMail(
      { to: "alice@example.com", subject: "Отчёт", text: "Выручка: 1 200 ₸", attachments: [{ filename: "report.xlsx", content: Buffer.from("PK-bytes"), contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }] },
      { url: sink.url, from: "Voronka <reports@example.com>" },
    );
    expect(outcome.ok).toBe(true);
    const [message] = await sink.waitFor(1);
    expect(message.subject).toBe("Отчёт");
    expect(message.from?.value).toEqual([{ name: "Voronka", address: "reports@example.com" }]);
    expect(message.text?.trim()).toBe("Выручка: 1 200 ₸");
    expect(message.attachments.map((a) => [a.filename, a.content.toString()])).toEqual([["report.xlsx", "PK-bytes"]]);
  });

  it("sorts refusals into retry later (4xx) and never (5xx), with no password in the description", async () => {
    sink.refuse = () => 451;
    const later = await sendMail({ to: "bob@example.com", subject: "x", text: "x" }, { url: sink.url, from: "reports@example.com" });
    sink.refuse = () => 550;
    const never = await sendMail({ to: "bob@example.com", subject: "x", text: "x" }, { url: sink.url, from: "reports@example.com" });
    sink.refuse = () => null;
    expect(later).toMatchObject({ ok: false, retryable: true, status: 451 });
    expect(never).toMatchObject({ ok: false, retryable: false, status: 550 });
    const wrongPassword = await sendMail({ to: "bob@example.com", subject: "x", text: "x" }, { url: sink.url.replace("s3cret-pass", "wrong-pass"), from: "reports@example.com" });
    expect(wrongPassword).toMatchObject({ ok: false, retryable: false });
    expect(JSON.stringify([later, never, wrongPassword])).not.toMatch(/s3cret-pass|wrong-pass/);
  });

  it("refuses to send without SMTP_URL, for good", async () => {
    expect(await sendMail({ to: "a@example.com", subject: "x", text: "x" }, null)).toMatchObject({ ok: false, retryable: false });
  });

  it("blanks the URL's credentials out of any text", () => {
    expect(hideSecrets("auth failed for reports:p%40ss", "smtp://reports:p%40ss@host")).toBe("auth failed for ***:***");
  });
});
