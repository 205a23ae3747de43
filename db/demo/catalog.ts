// Who and what the demo organisation is: departments, people, CRM accounts, pipelines and stages.

export const DEMO_ORG_NAME = "Воронка Демо";
export const DEMO_PASSWORD = "voronka-demo";
export const DEMO_EMAIL_DOMAIN = "voronka.demo";

export const DEPARTMENTS = ["Продажи Алматы", "Продажи Астана", "Онлайн-продажи"] as const;
export type DepartmentName = (typeof DEPARTMENTS)[number];

export type DemoLogin = { email: string; name: string; role: "admin" | "director" | "manager"; department: DepartmentName | null };

export type CrmAccount = {
  source: "bitrix24" | "amocrm";
  externalId: string;
  /** Relative share of the deals this account gets. */
  volume: number;
  /** Multiplies the pipeline's win rate. */
  skill: number;
};

type ManagerSpec = { name: string; department: DepartmentName; accounts: CrmAccount[] };

const bx = (externalId: string, volume: number, skill: number): CrmAccount => ({ source: "bitrix24", externalId, volume, skill });
const amo = (externalId: string, volume: number, skill: number): CrmAccount => ({ source: "amocrm", externalId, volume, skill });

/** manager1 … manager12, in order. */
export const MANAGERS: ManagerSpec[] = [
  { name: "Айгерим Нурланова", department: "Продажи Алматы", accounts: [bx("12", 1.2, 1.15), amo("10584321", 0.25, 1.0)] },
  { name: "Дмитрий Ковалёв", department: "Продажи Алматы", accounts: [bx("14", 1.0, 0.95)] },
  { name: "Асель Жумабекова", department: "Продажи Алматы", accounts: [bx("17", 0.9, 1.2)] },
  { name: "Тимур Ахметов", department: "Продажи Алматы", accounts: [bx("21", 0.8, 0.8)] },
  { name: "Алина Смирнова", department: "Продажи Астана", accounts: [bx("23", 1.1, 1.05)] },
  { name: "Нурсултан Беков", department: "Продажи Астана", accounts: [bx("26", 0.9, 0.9)] },
  { name: "Екатерина Ли", department: "Продажи Астана", accounts: [bx("29", 1.0, 1.1)] },
  { name: "Данияр Касымов", department: "Продажи Астана", accounts: [bx("31", 0.7, 0.85)] },
  { name: "Мадина Оспанова", department: "Онлайн-продажи", accounts: [amo("10584377", 1.3, 1.1)] },
  { name: "Сергей Волков", department: "Онлайн-продажи", accounts: [amo("10584402", 1.0, 0.95)] },
  { name: "Жанна Исмаилова", department: "Онлайн-продажи", accounts: [amo("10584455", 1.1, 1.0)] },
  { name: "Арман Тулегенов", department: "Онлайн-продажи", accounts: [amo("10584519", 0.9, 0.9)] },
];

/** CRM users linked to nobody, so an admin has someone to link: one who left, one who just joined. */
export const UNLINKED_CRM_USERS = [
  { name: "Ольга Петренко", email: "o.petrenko", account: bx("9", 1.0, 0.9), isActive: false, activeDays: { untilFraction: 0.55 } },
  { name: "Бауыржан Алиев", email: "b.aliev", account: amo("10584601", 0.8, 0.8), isActive: true, activeDays: { lastDays: 45 } },
] as const;

export function demoLogins(domain = DEMO_EMAIL_DOMAIN): DemoLogin[] {
  return [
    { email: `admin@${domain}`, name: "Администратор Демо", role: "admin", department: null },
    { email: `director@${domain}`, name: "Ержан Сапаров", role: "director", department: "Продажи Алматы" },
    { email: `director2@${domain}`, name: "Марина Ким", role: "director", department: "Продажи Астана" },
    ...MANAGERS.map((m, i): DemoLogin => ({ email: `manager${i + 1}@${domain}`, name: m.name, role: "manager", department: m.department })),
  ];
}

export type StageSpec = { externalId: string; name: string; semantic: "open" | "won" | "lost"; color: string };
export type PipelineProfile = {
  /** Median deal amount in KZT and the spread of its logarithm. */
  amountMedian: number;
  amountSigma: number;
  /** Median days from creation to won/lost. */
  cycleDays: number;
  winRate: number;
};
export type PipelineSpec = { source: "bitrix24" | "amocrm"; externalId: string; name: string; share: number; profile: PipelineProfile; stages: StageSpec[] };

const open = (externalId: string, name: string, color: string): StageSpec => ({ externalId, name, semantic: "open", color });
const AMO_WON: StageSpec = { externalId: "142", name: "Успешно реализовано", semantic: "won", color: "#ccff66" };
const AMO_LOST: StageSpec = { externalId: "143", name: "Закрыто и не реализовано", semantic: "lost", color: "#d5d8db" };

export const PIPELINES: PipelineSpec[] = [
  {
    source: "bitrix24",
    externalId: "0",
    name: "Общая",
    share: 1,
    profile: { amountMedian: 240_000, amountSigma: 0.65, cycleDays: 12, winRate: 0.4 },
    stages: [
      open("NEW", "Новая", "#39A8EF"),
      open("PREPARATION", "Подготовка документов", "#2FC6F6"),
      open("PREPAYMENT_INVOICE", "Счёт на предоплату", "#55D0E0"),
      open("EXECUTING", "В работе", "#47E4C2"),
      open("FINAL_INVOICE", "Финальный счёт", "#FFA900"),
      { externalId: "WON", name: "Сделка успешна", semantic: "won", color: "#7BD500" },
      { externalId: "LOSE", name: "Сделка провалена", semantic: "lost", color: "#FF5752" },
    ],
  },
  {
    source: "amocrm",
    externalId: "7841236",
    name: "Express Course",
    share: 0.7,
    profile: { amountMedian: 120_000, amountSigma: 0.45, cycleDays: 4, winRate: 0.45 },
    stages: [
      open("61234501", "Неразобранное", "#c1c1c1"),
      open("61234504", "заявка с профтеста", "#99ccff"),
      open("61234507", 'нажал "каспи оплата"', "#ffff99"),
      open("61234510", "прошёл 1-й урок", "#ffcc66"),
      open("61234513", "прошёл 3-й урок", "#ff9966"),
      open("61234516", "ждёт оплату", "#ccc8f9"),
      AMO_WON,
      AMO_LOST,
    ],
  },
  {
    source: "amocrm",
    externalId: "7841239",
    name: "Flagship",
    share: 0.3,
    profile: { amountMedian: 950_000, amountSigma: 0.45, cycleDays: 21, winRate: 0.3 },
    stages: [
      open("61234601", "Неразобранное", "#c1c1c1"),
      open("61234604", "Первичный контакт", "#99ccff"),
      open("61234607", "Переговоры", "#ffff99"),
      open("61234610", "Принимают решение", "#ffcc66"),
      open("61234613", "Согласование договора", "#ff9966"),
      AMO_WON,
      AMO_LOST,
    ],
  },
];

/** The demo CRMs, with the account each one reported when it was "connected" (webhooks are checked against it). */
export const SOURCES = {
  amocrm: { kind: "amocrm", name: "amoCRM — онлайн-школа", baseUrl: "https://voronka-demo.amocrm.ru", account: { id: "29638927", domain: "voronka-demo" } },
  bitrix24: { kind: "bitrix24", name: "Bitrix24 — отдел продаж", baseUrl: "https://voronka-demo.bitrix24.kz", account: { id: "a223c6b3710f85df22e9377d6c4f7553", domain: "voronka-demo.bitrix24.kz" } },
  shop: { kind: "shop", name: "Интернет-магазин", baseUrl: null, account: null },
} as const;

/** The Bitrix24 lead source field (SOURCE_ID named through crm.status.list), with its share; null = empty. */
export const CHANNELS: { name: string | null; weight: number; utmChance: number }[] = [
  { name: "Звонок", weight: 20, utmChance: 0.05 },
  { name: "Веб-сайт", weight: 25, utmChance: 0.6 },
  { name: "Реклама", weight: 20, utmChance: 0.95 },
  { name: "Рекомендация", weight: 10, utmChance: 0 },
  { name: "Instagram", weight: 15, utmChance: 0.9 },
  { name: null, weight: 10, utmChance: 0.3 },
];
