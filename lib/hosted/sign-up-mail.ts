// The confirmation e-mail of a sign-up, in the language the person signed up in.
type Locale = "ru" | "en";

const texts = {
  ru: {
    subject: "Подтвердите регистрацию в Воронке",
    body: (org: string, link: string, hours: number) =>
      `Здравствуйте!\n\nЧтобы создать организацию «${org}» в Воронке, откройте ссылку:\n${link}\n\nСсылка действует ${hours} ч. Если вы не регистрировались, просто удалите это письмо.`,
  },
  en: {
    subject: "Confirm your Voronka sign-up",
    body: (org: string, link: string, hours: number) =>
      `Hello,\n\nTo create the organisation “${org}” in Voronka, open this link:\n${link}\n\nThe link works for ${hours} hours. If you did not sign up, just delete this message.`,
  },
} as const;

export function signUpMail(locale: Locale, organisation: string, link: string, hours = 48): { subject: string; text: string } {
  const t = texts[locale];
  return { subject: t.subject, text: t.body(organisation, link, hours) };
}
