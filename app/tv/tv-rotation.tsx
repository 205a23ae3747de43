"use client";
// Shows one slide of the TV screen at a time and moves on every `seconds`. The slides are drawn on
// the server; a hidden one stays in the page, so turning to it costs nothing.
import { Children, useEffect, useState, type ReactNode } from "react";
import { fill } from "@/lib/i18n/fill";

export function TvRotation({ seconds, children, slideOf }: { seconds: number; children: ReactNode; slideOf: string }) {
  const slides = Children.toArray(children);
  const [index, setIndex] = useState(0);
  useEffect(() => {
    if (slides.length < 2) return;
    const timer = setInterval(() => setIndex((current) => (current + 1) % slides.length), seconds * 1000);
    return () => clearInterval(timer);
  }, [seconds, slides.length]);
  const shown = index % Math.max(slides.length, 1);
  return (
    <>
      {slides.map((slide, position) => (
        <div key={position} hidden={position !== shown} data-testid="tv-slide" data-active={position === shown}>
          {slide}
        </div>
      ))}
      {slides.length > 1 ? (
        <p className="fixed bottom-4 right-6 text-xl text-slate-500" data-testid="tv-slide-counter">
          {fill(slideOf, { index: shown + 1, count: slides.length })}
        </p>
      ) : null}
    </>
  );
}
