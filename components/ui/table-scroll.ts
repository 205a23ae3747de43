// The box of a wide table: it scrolls sideways inside its card instead of widening the page, and the
// first column (what a row is: a deal, a month, a manager) stays in view while the figures scroll.
// Sticky cells need their own background, or the scrolled figures show through them.
export const tableScroll =
  "overflow-x-auto [&_tr>*:first-child]:sticky [&_tr>*:first-child]:left-0 [&_tr>*:first-child]:z-[1] [&_tr>*:first-child]:bg-white";
