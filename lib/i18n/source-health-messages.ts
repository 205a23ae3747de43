// A source's health in words: the light's label, what went wrong (the check's reason or the sync's
// error, translated by code) and the next step. Client-safe.
import type { Locale } from "@/lib/format";
import type { HealthLevel, SourceHealth } from "@/lib/sources/source-health";
import { fill } from "./fill";
import { errorText } from "./describe-error";
import { describeTestFailure, sourcesMessages } from "./sources-messages";
import { freshnessText } from "@/lib/sync/freshness-text";

type Texts = {
  levels: Record<HealthLevel, string>;
  problems: { check_failed: string; sync_failed: string; no_application_token: string; never_synced: string; stale: string };
  next: { check_failed: string; sync_failed: string; no_application_token: string; never_synced: string; stale: string };
  banner: string;
  bannerLink: string;
};

const ru: Texts = {
  levels: { ok: "Работает", attention: "Требует внимания", broken: "Не работает" },
  problems: {
    check_failed: "Проверка подключения не прошла:",
    sync_failed: "Последняя синхронизация завершилась ошибкой:",
    no_application_token: "Нет токена приложения: события из Bitrix24 не принимаются.",
    never_synced: "Источник ещё ни разу не синхронизирован.",
    stale: "Данные давно не обновлялись: {ago}.",
  },
  next: {
    check_failed: "Исправьте подключение в CRM и нажмите «Проверить подключение».",
    sync_failed: "Нажмите «Проверить подключение», исправьте причину и запустите синхронизацию снова.",
    no_application_token: "Вставьте токен приложения исходящего вебхука ниже.",
    never_synced: "Нажмите «Синхронизировать».",
    stale: "Запустите синхронизацию; если это повторяется, проверьте, что планировщик вызывает /api/cron/sync.",
  },
  banner: "Источник «{name}» не работает: цифры на панелях могут быть неполными.",
  bannerLink: "Открыть источники",
};

const en: Texts = {
  levels: { ok: "Working", attention: "Needs attention", broken: "Not working" },
  problems: {
    check_failed: "The connection check failed:",
    sync_failed: "The last sync failed:",
    no_application_token: "No application token: events from Bitrix24 are refused.",
    never_synced: "The source has never been synced.",
    stale: "The data has not been refreshed for a while: {ago}.",
  },
  next: {
    check_failed: "Correct the connection in the CRM and click “Test connection”.",
    sync_failed: "Click “Test connection”, fix the cause and run the sync again.",
    no_application_token: "Paste the outgoing webhook's application token below.",
    never_synced: "Click “Sync now”.",
    stale: "Run a sync; if this happens again, check that the scheduler calls /api/cron/sync.",
  },
  banner: "The source “{name}” is not working: the dashboards' figures may be incomplete.",
  bannerLink: "Open sources",
};

export const sourceHealthMessages = { ru, en };

export type HealthWords = { level: string; problem: string | null; next: string | null };

export function describeHealth(health: SourceHealth, locale: Locale, now: Date): HealthWords {
  const t = sourceHealthMessages[locale];
  const problem = health.problem;
  if (!problem) return { level: t.levels[health.level], problem: null, next: null };
  let text: string;
  switch (problem.kind) {
    case "check_failed": {
      const { params = {}, details } = problem.failure;
      text = `${t.problems.check_failed} ${describeTestFailure(sourcesMessages[locale], { reason: problem.failure.code, params, ...(details ? { details } : {}) })}`;
      break;
    }
    case "sync_failed":
      text = `${t.problems.sync_failed} ${problem.failure ? errorText(locale, problem.failure) : (problem.error ?? "")}`.trim();
      break;
    case "stale":
      text = fill(t.problems.stale, { ago: freshnessText(problem.lastSyncedAt, now, locale) });
      break;
    default:
      text = t.problems[problem.kind];
  }
  return { level: t.levels[health.level], problem: text, next: t.next[problem.kind] };
}
