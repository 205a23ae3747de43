// Tab titles in the viewer's language: a page exports `generateMetadata = pageTitle("sales")` and the
// root layout's template adds " · Voronka" («Продажи · Voronka»).
import type { Metadata } from "next";
import { getViewer } from "@/lib/auth/session";
import { getMessages } from "./locale";
import type { Messages } from "./messages";

export function pageTitle(page: keyof Messages["titles"]): () => Promise<Metadata> {
  return async function generateMetadata() {
    const { t } = await getMessages(await getViewer());
    return { title: t.titles[page] };
  };
}
