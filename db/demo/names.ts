// Names, phones and e-mails of the demo's clients and companies, and what they buy.
import type { Random } from "./random";

type Name = readonly [cyrillic: string, latin: string];

const FEMALE: Name[] = [
  ["Айгуль", "aigul"], ["Асем", "asem"], ["Дана", "dana"], ["Жансая", "zhansaya"], ["Камила", "kamila"], ["Лаура", "laura"],
  ["Мария", "maria"], ["Анна", "anna"], ["Ольга", "olga"], ["Динара", "dinara"], ["Салтанат", "saltanat"], ["Елена", "elena"],
  ["Томирис", "tomiris"], ["Аружан", "aruzhan"], ["Виктория", "viktoria"], ["Гульнара", "gulnara"],
];
const MALE: Name[] = [
  ["Ерлан", "erlan"], ["Алихан", "alikhan"], ["Бекзат", "bekzat"], ["Руслан", "ruslan"], ["Азамат", "azamat"], ["Андрей", "andrey"],
  ["Максим", "maksim"], ["Нурлан", "nurlan"], ["Санжар", "sanzhar"], ["Игорь", "igor"], ["Ержан", "erzhan"], ["Олжас", "olzhas"],
  ["Даурен", "dauren"], ["Артём", "artem"], ["Канат", "kanat"], ["Павел", "pavel"],
];
/** Surnames in the masculine form; -ов/-ев/-ин take -а for women. */
const SURNAMES: Name[] = [
  ["Абдрахманов", "abdrakhmanov"], ["Байжанов", "baizhanov"], ["Серикбаев", "serikbaev"], ["Ибраев", "ibraev"], ["Муканов", "mukanov"],
  ["Кузнецов", "kuznetsov"], ["Попов", "popov"], ["Омаров", "omarov"], ["Жаксылыков", "zhaksylykov"], ["Тен", "ten"], ["Цой", "tsoi"],
  ["Нургалиев", "nurgaliev"], ["Иванов", "ivanov"], ["Сейткалиев", "seitkaliev"], ["Ким", "kim"], ["Есенов", "esenov"],
  ["Федоров", "fedorov"], ["Калиев", "kaliev"], ["Ахметжанов", "akhmetzhanov"], ["Пак", "pak"], ["Смагулов", "smagulov"],
];
const MAIL_DOMAINS = ["gmail.com", "mail.ru", "inbox.kz", "yandex.kz", "icloud.com"];
/** Kazakhstan mobile operator prefixes after +7. */
const OPERATORS = ["700", "701", "702", "705", "707", "708", "747", "771", "775", "776", "777", "778"];

export type Person = { name: string; phone: string; email: string | null };

export function randomPhone(rnd: Random): string {
  return `+7${rnd.pick(OPERATORS)}${String(rnd.int(0, 9_999_999)).padStart(7, "0")}`;
}

/** A phone unique to index `i` (< 120 million): one customer per phone needs distinct numbers. */
export function uniquePhone(i: number, salt: number): string {
  const operator = OPERATORS[i % OPERATORS.length];
  // Multiplying by a number coprime to 10^7 permutes 0…9 999 999, so distinct i give distinct numbers.
  const number = (Math.floor(i / OPERATORS.length) * 7_919 + salt) % 10_000_000;
  return `+7${operator}${String(number).padStart(7, "0")}`;
}

export function randomPerson(rnd: Random, emailChance = 0.6): Person {
  const female = rnd.chance(0.55);
  const [first, firstLatin] = rnd.pick(female ? FEMALE : MALE);
  let [last, lastLatin] = rnd.pick(SURNAMES);
  if (female && /(ов|ев|ин)$/.test(last)) {
    last += "а";
    lastLatin += "a";
  }
  const email = rnd.chance(emailChance) ? `${firstLatin}.${lastLatin}${rnd.chance(0.5) ? rnd.int(1, 99) : ""}@${rnd.pick(MAIL_DOMAINS)}` : null;
  return { name: `${first} ${last}`, phone: randomPhone(rnd), email };
}

const COMPANY_FORMS = ["ТОО", "ТОО", "ТОО", "ИП", "АО"];
const COMPANY_WORDS: Name[] = [
  ["Алатау", "alatau"], ["Жибек Жолы", "zhibek"], ["Номад", "nomad"], ["Астана Трейд", "astanatrade"], ["Казснаб", "kazsnab"],
  ["Байтерек", "baiterek"], ["Стройинвест", "stroyinvest"], ["Медикал Плюс", "medicalplus"], ["Агро Дала", "agrodala"],
  ["Тулпар", "tulpar"], ["Эко Фуд", "ecofood"], ["Логистик Групп", "logisticgroup"], ["Сункар", "sunkar"], ["Темир", "temir"],
];
const COMPANY_SUFFIXES: Name[] = [["", ""], [" Сервис", "service"], [" KZ", "kz"], [" Групп", "group"], [" Систем", "system"]];

export function randomCompany(rnd: Random): { name: string; phone: string; email: string } {
  const [word, latin] = rnd.pick(COMPANY_WORDS);
  const [suffix, suffixLatin] = rnd.pick(COMPANY_SUFFIXES);
  const phone = `+7727${String(rnd.int(0, 9_999_999)).padStart(7, "0")}`;
  return { name: `${rnd.pick(COMPANY_FORMS)} «${word}${suffix}»`, phone, email: `info@${latin}${suffixLatin}.kz` };
}

/** What Bitrix24 deals are about (B2B) and what the online school sells. */
export const BITRIX_PRODUCTS = [
  "Поставка оборудования", "Абонентское обслуживание", "Внедрение CRM", "Оптовая поставка", "Корпоративное обучение",
  "Монтаж и пусконаладка", "Годовой контракт", "Расходные материалы",
];
export const SCHOOL_PRODUCTS = { express: ["Express Course", "Express Course + куратор"], flagship: ["Flagship", "Flagship VIP", "Flagship рассрочка"] };

export type Product = { sku: string; name: string; price: number };
export const SHOP_PRODUCTS: Product[] = [
  { sku: "OMG-1000", name: "Омега-3 1000 мг, 90 капсул", price: 8_900 },
  { sku: "VD3-5000", name: "Витамин D3 5000 МЕ", price: 5_400 },
  { sku: "MGB6-60", name: "Магний B6, 60 таблеток", price: 6_200 },
  { sku: "COL-300", name: "Коллаген морской, 300 г", price: 14_900 },
  { sku: "WPR-900", name: "Протеин сывороточный, 900 г", price: 24_900 },
  { sku: "SET-IMM", name: "Набор «Иммунитет»", price: 32_000 },
  { sku: "ZNC-25", name: "Цинк хелат 25 мг", price: 4_300 },
  { sku: "BCAA-400", name: "BCAA 2:1:1, 400 г", price: 12_500 },
  { sku: "SET-DTX", name: "Детокс-программа на 21 день", price: 58_000 },
  { sku: "CONS-ONL", name: "Онлайн-консультация нутрициолога", price: 15_000 },
];
