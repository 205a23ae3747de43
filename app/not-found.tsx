// Any address that matches no page, and any page that calls notFound() (a user id of another
// organisation, say): in the viewer's language, with the way back.
import type { Metadata } from "next";
import Link from "next/link";
import { getViewer } from "@/lib/auth/session";
import { getMessages } from "@/lib/i18n/locale";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages(await getViewer());
  return { title: t.notFound.title };
}

export default async function NotFound() {
  const { t } = await getMessages(await getViewer());
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="max-w-md space-y-4 text-center">
        <p className="text-5xl font-bold text-brand-600">404</p>
        <h1 className="text-xl font-semibold">{t.notFound.title}</h1>
        <p className="text-sm text-slate-500">{t.notFound.body}</p>
        <Link href="/" className="inline-flex rounded-lg bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
          {t.notFound.home}
        </Link>
      </div>
    </main>
  );
}
