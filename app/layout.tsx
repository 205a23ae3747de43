import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import { resolveLocale } from "@/lib/i18n/locale";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Voronka", template: "%s · Voronka" },
  description: "Sales analytics for Bitrix24, amoCRM and online shops",
};

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
