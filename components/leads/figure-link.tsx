// A count on a dashboard that opens the list of what it counted; a zero stays plain text (an empty
// list teaches nothing). `href` null: the figure has no list (a viewer who may not see its rows).
// Like every link behind a figure (Sales, Funnel, Managers, the Overview's KPIs, the deals list), it
// is not prefetched: a dashboard shows dozens, and each prefetch had the server render the signed-in
// frame for a list nobody opened yet, on the cores the page being waited for needed
// (docs/measurements.md, "Page speed in a browser").
import Link from "next/link";
import { formatNumber, type Locale } from "@/lib/format";

export function FigureLink({ count, href, locale, testId = "figure-link" }: { count: number; href: string | null; locale: Locale; testId?: string }) {
  const text = formatNumber(count, locale);
  if (count === 0 || href === null) return <>{text}</>;
  return (
    <Link href={href} prefetch={false} className="text-brand-700 underline decoration-dotted underline-offset-2 hover:decoration-solid" data-testid={testId}>
      {text}
    </Link>
  );
}
