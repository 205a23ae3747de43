import Link from "next/link";

export function PageHeader({ title, intro, back }: { title: string; intro?: string; back?: { href: string; label: string } }) {
  return (
    <header>
      {back ? (
        <Link href={back.href} className="text-sm text-slate-500 hover:text-slate-800">
          {back.label}
        </Link>
      ) : null}
      <h1 className="text-2xl font-semibold">{title}</h1>
      {intro ? <p className="mt-1 text-sm text-slate-500">{intro}</p> : null}
    </header>
  );
}
