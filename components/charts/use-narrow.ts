"use client";
// Whether the screen is narrower than Tailwind's `md` (768 px), as the page's layout sees it: a
// phone's charts get thinner value axes, shorter category labels and fewer ticks.
import { useSyncExternalStore } from "react";

const narrowQuery = "(max-width: 767.98px)";

function subscribe(onChange: () => void) {
  const list = window.matchMedia(narrowQuery);
  list.addEventListener("change", onChange);
  return () => list.removeEventListener("change", onChange);
}

export function useIsNarrow(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(narrowQuery).matches, () => false);
}
