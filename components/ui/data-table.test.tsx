// DataTable as a person sees it: the rows in the order asked for, the header that says how the
// table is sorted, the empty text instead of an empty grid, and the pages of a long list.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DataPager, DataTable, type Column } from "./data-table";
import { nextSort, pageOf, sortRows } from "./data-table-rows";

type Deal = { id: string; title: string; amount: number | null };
const deals: Deal[] = [
  { id: "a", title: "Окна", amount: 1_200 },
  { id: "b", title: "Двери", amount: null },
  { id: "c", title: "Арки", amount: 500 },
  { id: "d", title: "Бани", amount: 8_000 },
];
const columns: Column<Deal>[] = [
  { key: "title", label: "Сделка", sortValue: (deal) => deal.title, render: (deal) => deal.title },
  { key: "amount", label: "Сумма", isNumeric: true, sortValue: (deal) => deal.amount, render: (deal) => String(deal.amount ?? "—"), testId: "amount" },
];
const titles = (rows: Deal[]) => rows.map((deal) => deal.title);

describe("sorting", () => {
  it("puts the largest amount first when sorted down, and a deal without an amount last either way", () => {
    expect(titles(sortRows(deals, (deal) => deal.amount, "desc"))).toEqual(["Бани", "Окна", "Арки", "Двери"]);
    expect(titles(sortRows(deals, (deal) => deal.amount, "asc"))).toEqual(["Арки", "Окна", "Бани", "Двери"]);
  });

  it("sorts names in Russian alphabetical order", () => {
    expect(titles(sortRows(deals, (deal) => deal.title, "asc"))).toEqual(["Арки", "Бани", "Двери", "Окна"]);
  });

  it("turns the current column round on a second click; a new column starts A→Z for text, largest first for figures", () => {
    expect(nextSort({ sort: "amount", order: "desc" }, "amount", false)).toEqual({ sort: "amount", order: "asc" });
    expect(nextSort({ sort: "amount", order: "asc" }, "title", true)).toEqual({ sort: "title", order: "asc" });
    expect(nextSort({ sort: "title", order: "asc" }, "amount", false)).toEqual({ sort: "amount", order: "desc" });
  });

  it("marks the sorted column with aria-sort and an arrow, the others as unsorted", () => {
    const html = renderToStaticMarkup(<DataTable columns={columns} rows={deals} rowKey={(deal) => deal.id} label="Сделки" sorting={{ sort: "amount", order: "desc", sortBy: () => {} }} />);
    expect(html).toMatch(/<th scope="col"[^>]*aria-sort="descending"><button[^>]*data-testid="sort-amount">Сумма<span aria-hidden="true" class="w-2">↓<\/span>/);
    expect(html).toMatch(/<th scope="col"[^>]*aria-sort="none"><button[^>]*data-testid="sort-title">Сделка/);
  });

  it("draws plain headers when the table does not sort", () => {
    const html = renderToStaticMarkup(<DataTable columns={columns} rows={deals} rowKey={(deal) => deal.id} label="Сделки" />);
    expect(html).not.toContain("<button");
    expect(html).toContain('<caption class="sr-only">Сделки</caption>');
  });
});

describe("grouped headers", () => {
  it("puts a group's heading over its columns and lets the other headings span both rows", () => {
    const grouped: Column<Deal>[] = [columns[0], { ...columns[1], group: "Сейчас" }, { key: "count", label: "Штук", group: "Сейчас", isNumeric: true, render: () => "1" }];
    const html = renderToStaticMarkup(<DataTable columns={grouped} rows={deals} rowKey={(deal) => deal.id} label="Сделки" />);
    expect(html).toContain('<th scope="col" rowSpan="2"');
    expect(html).toContain('<th scope="colgroup" colSpan="2" class="pt-2 pr-4 text-center font-medium">Сейчас</th>');
    expect(html.match(/<tr>/g)).toHaveLength(2);
  });
});

describe("rows and the empty state", () => {
  it("draws one row per deal in the given order, figures right-aligned", () => {
    const html = renderToStaticMarkup(<DataTable columns={columns} rows={deals} rowKey={(deal) => deal.id} label="Сделки" rowProps={() => ({ "data-testid": "deal-row" })} />);
    expect(html.match(/data-testid="deal-row"/g)).toHaveLength(4);
    expect([...html.matchAll(/data-testid="amount">([^<]*)</g)].map((match) => match[1])).toEqual(["1200", "—", "500", "8000"]);
    expect(html).toMatch(/<td class="[^"]*text-right[^"]*" data-testid="amount">1200</);
  });

  it("says the list is empty instead of drawing an empty grid", () => {
    const html = renderToStaticMarkup(<DataTable columns={columns} rows={[]} rowKey={(deal) => deal.id} label="Сделки" testId="deals" empty="Сделок нет" />);
    expect(html).toBe('<p class="text-sm text-slate-500" data-testid="deals-empty">Сделок нет</p>');
  });
});

describe("paging", () => {
  const rows = Array.from({ length: 120 }, (_, index) => index + 1);

  it("shows rows 51–100 of 120 on page 2 of 3 when a page holds 50", () => {
    const page = pageOf(rows, 2, 50);
    expect({ page: page.page, pages: page.pages, from: page.from, to: page.to, total: page.total, first: page.rows[0], count: page.rows.length }).toEqual({ page: 2, pages: 3, from: 51, to: 100, total: 120, first: 51, count: 50 });
  });

  it("shows the last 20 rows (101–120) on the last page, and the last page for a page number past the end", () => {
    expect(pageOf(rows, 3, 50)).toMatchObject({ from: 101, to: 120 });
    expect(pageOf(rows, 99, 50)).toMatchObject({ page: 3, from: 101, to: 120 });
    expect(pageOf(rows, Number.NaN, 50)).toMatchObject({ page: 1, from: 1, to: 50 });
  });

  it("has one page with nothing on it for no rows", () => {
    expect(pageOf([], 1, 50)).toEqual({ rows: [], page: 1, pages: 1, from: 0, to: 0, total: 0 });
  });

  it("disables the step that leads nowhere and links the one that does", () => {
    const html = renderToStaticMarkup(<DataPager label="Курсы" previous={{ text: "Назад", isDisabled: true }} next={{ text: "Дальше", href: "/admin/rates?page=3" }} status="Страница 2" testId="rates-page" />);
    expect(html).toMatch(/<button type="button"[^>]*disabled="">← Назад<\/button>/);
    expect(html).toContain('href="/admin/rates?page=3"');
    expect(html).toContain('<span class="px-2 text-slate-500" data-testid="rates-page">Страница 2</span>');
  });
});
