import { notFound } from "next/navigation";
import { DealCardView } from "@/components/deals/deal-card-view";
import { getDb } from "@/db/client";
import { scopeOf } from "@/lib/auth/scope";
import { requireViewer } from "@/lib/auth/session";
import { getDealCard } from "@/lib/deals/deal-card";
import { NotFoundError } from "@/lib/errors";
import { dealCardMessages } from "@/lib/i18n/deal-card-messages";
import { resolveLocale } from "@/lib/i18n/locale";
import { pageTitle } from "@/lib/i18n/page-title";
import { isUuid } from "@/lib/uuid";

export const generateMetadata = pageTitle("deal");

// The deal card: the same getDealCard as GET /api/deals/:id. A page has no 400: an id that is not
// one, a deleted deal and a deal outside the viewer's scope all show the card's "not found".
export default async function DealPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requireViewer();
  const locale = await resolveLocale(viewer);
  if (!isUuid(id)) notFound();
  const card = await getDealCard(await getDb(), scopeOf(viewer), id, new Date(), { viewerLang: locale }).catch((error: unknown) => (error instanceof NotFoundError ? null : Promise.reject(error)));
  if (!card) notFound();
  return <DealCardView card={card} t={dealCardMessages[locale]} locale={locale} />;
}
