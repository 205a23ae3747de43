import { describe, expect, it } from "vitest";
import { describeHealth } from "@/lib/i18n/source-health-messages";
import { sourceHealth, type HealthInput } from "./source-health";

const now = new Date("2026-12-06T12:00:00Z");
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
const working: HealthInput = {
  kind: "bitrix24",
  hasApplicationToken: true,
  lastCheckAt: hoursAgo(5),
  lastCheckFailure: null,
  lastFinishedRun: { status: "succeeded", finishedAt: hoursAgo(1), failure: null, error: null },
  lastSuccessAt: hoursAgo(1),
};

describe("a source's health", () => {
  it("is green when the last check passed and it synced within a day", () => {
    expect(sourceHealth(working, now)).toEqual({ level: "ok", problem: null, lastSyncedAt: "2026-12-06T11:00:00.000Z" });
  });

  it("is red when the later of the last check and the last finished sync failed", () => {
    const checkFailed = { ...working, lastCheckAt: hoursAgo(0.5), lastCheckFailure: { code: "bad_credentials", params: { host: "p.bitrix24.kz" } } };
    expect(sourceHealth(checkFailed, now)).toMatchObject({ level: "broken", problem: { kind: "check_failed", failure: { code: "bad_credentials" } } });
    // A sync that succeeded after the failed check says the connection works again.
    expect(sourceHealth({ ...checkFailed, lastCheckAt: hoursAgo(2) }, now).level).toBe("ok");

    const syncFailed = { ...working, lastFinishedRun: { status: "failed", finishedAt: hoursAgo(0.2), failure: { code: "crm_bad_token" }, error: "token" }, lastSuccessAt: hoursAgo(30) };
    expect(sourceHealth(syncFailed, now)).toMatchObject({ level: "broken", problem: { kind: "sync_failed", failure: { code: "crm_bad_token" } } });
    // A passing check after the failed sync: no longer red, but a day without a sync is amber.
    expect(sourceHealth({ ...syncFailed, lastCheckAt: hoursAgo(0.1) }, now)).toMatchObject({ level: "attention", problem: { kind: "stale" } });
  });

  it("is amber without Bitrix24's application token, before the first sync, and after a day without one", () => {
    expect(sourceHealth({ ...working, hasApplicationToken: false }, now).problem).toEqual({ kind: "no_application_token" });
    expect(sourceHealth({ ...working, kind: "amocrm", hasApplicationToken: false }, now).level).toBe("ok");
    expect(sourceHealth({ ...working, lastFinishedRun: null, lastSuccessAt: null }, now).problem).toEqual({ kind: "never_synced" });
    expect(sourceHealth({ ...working, lastSuccessAt: hoursAgo(25) }, now).problem).toEqual({ kind: "stale", lastSyncedAt: "2026-12-05T11:00:00.000Z" });
    expect(sourceHealth({ ...working, lastSuccessAt: hoursAgo(23) }, now).level).toBe("ok");
  });

  it("says in Russian and English what went wrong and what to do next", () => {
    const failed = sourceHealth({ ...working, lastCheckAt: hoursAgo(0.5), lastCheckFailure: { code: "bad_credentials", params: { host: "p.bitrix24.kz" }, details: "NO_AUTH_FOUND" } }, now);
    const ru = describeHealth(failed, "ru", now);
    expect(ru.level).toBe("Не работает");
    expect(ru.problem).toMatch(/^Проверка подключения не прошла: /);
    expect(ru.problem).toContain("NO_AUTH_FOUND");
    expect(ru.next).toBe("Исправьте подключение в CRM и нажмите «Проверить подключение».");
    expect(String(ru.problem).replace("NO_AUTH_FOUND", "")).not.toMatch(/the|cannot|failed/i);
    const stale = describeHealth(sourceHealth({ ...working, lastSuccessAt: hoursAgo(50) }, now), "en", now);
    expect(stale).toEqual({ level: "Needs attention", problem: "The data has not been refreshed for a while: synced 2 days ago.", next: "Run a sync; if this happens again, check that the scheduler calls /api/cron/sync." });
    const sync = describeHealth(sourceHealth({ ...working, lastFinishedRun: { status: "failed", finishedAt: hoursAgo(0.2), failure: { code: "crm_bad_token" }, error: "x" } }, now), "ru", now);
    expect(sync.problem).toMatch(/^Последняя синхронизация завершилась ошибкой: \S/);
  });
});
