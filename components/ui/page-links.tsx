// The pager of a list whose page is in the address: DataPager with links, under the table, shown
// only when there is more than one page.
import { formatNumber, type Locale } from "@/lib/format";
import { fill } from "@/lib/i18n/fill";
import { DataPager } from "./data-table";

type Props = {
  label: string;
  page: number;
  pages: number;
  href: (page: number) => string;
  /** "Newer" / "Older", and "Page {page} of {pages}". */
  texts: { prev: string; next: string; page: string };
  locale: Locale;
  testId?: string;
};

export function PageLinks({ label, page, pages, href, texts, locale, testId }: Props) {
  if (pages <= 1) return null;
  return (
    <DataPager
      label={label}
      previous={{ text: texts.prev, href: href(page - 1), isDisabled: page <= 1 }}
      next={{ text: texts.next, href: href(page + 1), isDisabled: page >= pages }}
      status={fill(texts.page, { page: formatNumber(page, locale), pages: formatNumber(pages, locale) })}
      testId={testId}
    />
  );
}
