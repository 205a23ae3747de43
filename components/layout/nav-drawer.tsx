"use client";
// The sidebar's frame. From `md` up it is a column as tall as the window that stays in place while
// the page scrolls (its foot used to ride down with the page's length: the layout shift the page
// bench measured whenever a dashboard's figures arrived, docs/measurements.md); below, it folds into a
// drawer behind a top bar's menu button, so a phone's whole width goes to the page. It closes on a
// link, on Escape and on the backdrop; opening it moves the focus to its first link.
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState, type ReactNode } from "react";

type Props = { brand: ReactNode; menuLabel: string; children: ReactNode };

const drawerId = "app-drawer";

export function NavDrawer({ brand, menuLabel, children }: Props) {
  const [isOpen, setIsOpen] = useState(false);
  const pathname = usePathname();
  const button = useRef<HTMLButtonElement>(null);
  const drawer = useRef<HTMLElement>(null);

  // A new page closes the drawer (a link to the page already shown closes it through onClick).
  const [shownPath, setShownPath] = useState(pathname);
  if (shownPath !== pathname) {
    setShownPath(pathname);
    setIsOpen(false);
  }

  useEffect(() => {
    if (!isOpen) return;
    drawer.current?.querySelector<HTMLElement>("a, button")?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setIsOpen(false);
      button.current?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [isOpen]);

  return (
    <>
      <div className="sticky top-0 z-20 flex items-center justify-between border-b border-slate-200 bg-white px-4 py-2 md:hidden">
        {brand}
        <button
          ref={button}
          type="button"
          aria-expanded={isOpen}
          aria-controls={drawerId}
          onClick={() => setIsOpen((open) => !open)}
          className="inline-flex items-center gap-2 rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50"
        >
          <MenuIcon />
          {menuLabel}
        </button>
      </div>
      {isOpen ? <div className="fixed inset-0 z-30 bg-slate-900/40 md:hidden" aria-hidden onClick={() => setIsOpen(false)} /> : null}
      <aside
        ref={drawer}
        id={drawerId}
        aria-label={menuLabel}
        onClick={(event) => {
          if ((event.target as Element).closest("a")) setIsOpen(false);
        }}
        className={`shrink-0 flex-col border-r border-slate-200 bg-white md:sticky md:top-0 md:flex md:h-screen md:w-60 md:overflow-y-auto md:shadow-none ${
          isOpen ? "fixed inset-y-0 left-0 z-40 flex w-72 overflow-y-auto shadow-xl" : "hidden"
        }`}
      >
        <div className="px-5 py-5">{brand}</div>
        {children}
      </aside>
    </>
  );
}

function MenuIcon() {
  return (
    <svg aria-hidden viewBox="0 0 20 20" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.8">
      <path d="M3 5h14M3 10h14M3 15h14" strokeLinecap="round" />
    </svg>
  );
}
