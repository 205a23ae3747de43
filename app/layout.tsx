import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import { getViewer } from "@/lib/auth/session";
import { getMessages, resolveLocale } from "@/lib/i18n/locale";
import "./globals.css";

// Each page names itself in the viewer's language (lib/i18n/page-title.ts); the brand stays Latin.
export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages(await getViewer());
  return { title: { default: "Voronka", template: "%s · Voronka" }, description: t.login.subtitle };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await resolveLocale();
  return (
    <html lang={locale}>
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
