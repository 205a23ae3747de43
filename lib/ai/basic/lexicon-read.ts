// The basic analyser's lexicon half: what the lexicon and rules of ./lexicon-ru.ts and ./lexicon-en.ts
// read in a text — the objections their phrases raise (not negated, not waved away), the sentiment,
// the intent their cue phrases point to, and where in the text each was found. ./analyse.ts combines
// it with the trained classifier; the classifier also takes it as features.
import { INTENTS, OBJECTION_TYPES, type Intent, type Objection, type ObjectionType } from "../schema";
import { EN } from "./lexicon-en";
import type { Lexicon } from "./lexicon";
import { RU } from "./lexicon-ru";
import { compilePattern, findMatches, stemWord, tokenize, type Lang, type Match, type Pattern, type Token } from "./tokens";

type Compiled = {
  negators: Set<string>;
  objections: [ObjectionType, Pattern[]][];
  dismissals: Pattern[];
  intents: [Intent, Pattern[]][];
  strongComplaint: Pattern[];
  positive: Pattern[];
  negative: Pattern[];
  sarcasm: Pattern[];
};

const LEXICONS: Record<Lang, Lexicon> = { ru: RU, en: EN };
const compiled = new Map<Lang, Compiled>();

function lexiconFor(lang: Lang): Compiled {
  const cached = compiled.get(lang);
  if (cached) return cached;
  const lex = LEXICONS[lang];
  const all = (phrases: string[]) => phrases.map((p) => compilePattern(p, lang));
  const result: Compiled = {
    negators: new Set(lex.negators.map((w) => stemWord(w, lang))),
    objections: OBJECTION_TYPES.map((type) => [type, all(lex.objections[type])]),
    dismissals: all(lex.dismissals),
    intents: INTENTS.map((intent) => [intent, all(lex.intents[intent])]),
    strongComplaint: all(lex.strongComplaint),
    positive: all(lex.positive),
    negative: all(lex.negative),
    sarcasm: all(lex.sarcasm),
  };
  compiled.set(lang, result);
  return result;
}

const CONTRAST = new Set(["но", "однако", "but", "however"]);
// On a tie: a grievance outranks a question, and a question about the offer outranks buying words.
const INTENT_PRIORITY: Intent[] = ["complaint", "support", "info", "purchase", "other"];
export const SUMMARY_MAX = 240;
// A word or two in quotes — «починили», 'fixed' — said of the supplier's work is mostly irony.
const SCARE_QUOTES = /(^|\s)[«"'‘“][^«»"'“”‘’\s]+(?:\s[^«»"'“”‘’\s]+)?[»"'’”](?=[\s.,!?:;—–-]|$)/u;

function matchAll(tokens: Token[], patterns: Pattern[], within: "clause" | "sentence" = "clause"): Match[] {
  return patterns.flatMap((p) => findMatches(tokens, p, { within }));
}

/** A negator up to three words before the phrase, in its clause — unless the phrase carries its own («не нужно»). */
function isNegated(tokens: Token[], m: Match, negators: Set<string>): boolean {
  if (negators.has(m.pattern.words[0].value)) return false;
  for (let k = m.first - 1; k >= Math.max(0, m.first - 3); k--) {
    if (tokens[k].clause !== tokens[m.first].clause) break;
    if (negators.has(tokens[k].stem)) return true;
  }
  return false;
}

/** Drops matches lying inside a longer one: «работает» inside «не работает». */
function outermost(matches: Match[]): Match[] {
  return matches.filter((m) => !matches.some((o) => o !== m && o.first <= m.first && o.last >= m.last && o.last - o.first > m.last - m.first));
}

export function spanText(text: string, tokens: Token[], keep: (t: Token) => boolean): string {
  const inside = tokens.filter(keep);
  if (inside.length === 0) return "";
  return text.slice(inside[0].start, inside[inside.length - 1].end);
}

export function sentenceText(text: string, tokens: Token[], sentence: number): string {
  const inside = tokens.filter((t) => t.sentence === sentence);
  const start = inside[0].start;
  const rest = text.slice(inside[inside.length - 1].end);
  const end = inside[inside.length - 1].end + (/^[^\p{L}\p{N}\n]*?[.!?…]+/u.exec(rest)?.[0].length ?? 0);
  const sentence_ = text.slice(start, end).replace(/\s+/g, " ").trim();
  return sentence_.length > SUMMARY_MAX ? `${sentence_.slice(0, SUMMARY_MAX - 1).trimEnd()}…` : sentence_;
}

export type LexiconReading = {
  tokens: Token[];
  objections: Objection[];
  /** Where each of `objections` was found (a token index). */
  objectionTokens: number[];
  sentiment: number;
  isSarcastic: boolean;
  intent: Intent;
  intentScores: Record<Intent, number>;
  cueTokens: number[];
  sentimentHits: Match[];
};

export function readLexicon(text: string, lang: Lang): LexiconReading {
  const lex = lexiconFor(lang);
  const tokens = tokenize(text, lang);
  const dismissedClauses = new Set(matchAll(tokens, lex.dismissals).map((m) => tokens[m.first].clause));

  // Objections: the first clause per class that raises it, not negated, not waved away.
  const objections: Objection[] = [];
  const objectionTokens: number[] = [];
  for (const [type, patterns] of lex.objections) {
    const hit = matchAll(tokens, patterns)
      .filter((m) => !isNegated(tokens, m, lex.negators) && !dismissedClauses.has(tokens[m.first].clause))
      .sort((a, b) => a.first - b.first)[0];
    if (!hit) continue;
    const clause = tokens[hit.first].clause;
    objections.push({ type, quote: spanText(text, tokens, (t) => t.clause === clause) });
    objectionTokens.push(hit.first);
  }

  // Sentiment.
  const contrastAt = new Map<number, number>();
  tokens.forEach((t, i) => {
    if (CONTRAST.has(t.word) && !contrastAt.has(t.sentence)) contrastAt.set(t.sentence, i);
  });
  const weight = (i: number) => {
    const at = contrastAt.get(tokens[i].sentence);
    if (at === undefined) return 1;
    return i > at ? 1.5 : 0.5;
  };
  const sentimentHits = outermost([...matchAll(tokens, lex.positive).map((m) => ({ ...m, polarity: 1 })), ...matchAll(tokens, lex.negative).map((m) => ({ ...m, polarity: -1 }))]) as (Match & { polarity: number })[];
  const complaintCues = matchAll(tokens, lex.intents.find(([i]) => i === "complaint")![1]);
  const hasTrouble = complaintCues.length > 0 || sentimentHits.some((m) => m.polarity < 0 && !isNegated(tokens, m, lex.negators));
  const isSarcastic = hasTrouble && (matchAll(tokens, lex.sarcasm, "sentence").length > 0 || SCARE_QUOTES.test(text));
  let score = 0;
  for (const m of sentimentHits) {
    const negated = isNegated(tokens, m, lex.negators);
    let value = m.polarity > 0 ? (negated ? -0.5 : 1) : negated ? 0.5 : -1;
    if (m.polarity > 0 && isSarcastic) value = -1;
    score += value * weight(m.first);
  }
  // Emoji are not words to the tokenizer: a thumbs-up or a smile counts as one word of praise.
  score += (text.match(/[👍🙂😊😀😃👏🔥❤]/gu) ?? []).length - (text.match(/[👎😡😠😞🤬]/gu) ?? []).length;
  score -= 0.2 * objections.length;
  const sentiment = Math.round(Math.tanh(score / 2) * 100) / 100;

  // Intent.
  const scores: Record<Intent, number> = { purchase: 0, support: 0, complaint: 0, info: 0, other: 0 };
  const cueTokens: number[] = [];
  for (const [intent, patterns] of lex.intents) {
    for (const m of matchAll(tokens, patterns)) {
      scores[intent] += 1;
      cueTokens.push(m.first);
    }
  }
  scores.complaint += 2 * matchAll(tokens, lex.strongComplaint).length;
  if (isSarcastic) scores.complaint += 2;
  if (text.includes("?")) scores.info += 0.5;
  scores.purchase += 1.5 * objections.length;
  const best = Math.max(...Object.values(scores));
  const lexiconIntent: Intent = best > 0 ? INTENT_PRIORITY.find((i) => scores[i] === best)! : text.includes("?") ? "info" : "other";


  return { tokens, objections, objectionTokens, sentiment, isSarcastic, intent: lexiconIntent, intentScores: scores, cueTokens, sentimentHits };
}
