"use client";
// A conversation text on the deal card: the first few lines, and the rest behind "Show all".
import { useState } from "react";

/** Texts longer than this, or with more lines than LINES, start collapsed. */
const CHARS = 320;
const LINES = 4;

export function CollapsibleText({ text, showAll, showLess }: { text: string; showAll: string; showLess: string }) {
  const [isOpen, setOpen] = useState(false);
  const isLong = text.length > CHARS || text.split("\n").length > LINES;
  return (
    <div>
      <p className={`whitespace-pre-line break-words text-slate-800 ${isLong && !isOpen ? "line-clamp-4" : ""}`} data-testid="conversation-text">
        {text}
      </p>
      {isLong ? (
        <button type="button" className="mt-1 text-xs font-medium text-brand-600 hover:underline" aria-expanded={isOpen} onClick={() => setOpen(!isOpen)} data-testid="conversation-toggle">
          {isOpen ? showLess : showAll}
        </button>
      ) : null}
    </div>
  );
}
