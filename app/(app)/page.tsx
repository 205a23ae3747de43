// `/`, where sign-in lands: a person with a default view goes on to it (in their own scope);
// everyone else sees the Overview, which also has its own address, /overview.
import { redirect } from "next/navigation";
import type { SearchParams } from "@/components/dashboard/dashboard-page";
import { getDb } from "@/db/client";
import { requireViewer } from "@/lib/auth/session";
import { defaultViewHref } from "@/lib/saved-views/open";
import OverviewPage from "./overview/page";

export { generateMetadata } from "./overview/page";

export default async function LandingPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  // Only the bare address: `/?preset=…` is the Overview being filtered, not a landing.
  if (Object.keys(params).length === 0) {
    const href = await defaultViewHref(await getDb(), await requireViewer());
    if (href) redirect(href);
  }
  return <OverviewPage searchParams={Promise.resolve(params)} />;
}
