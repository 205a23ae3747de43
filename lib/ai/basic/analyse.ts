// The basic analyser: lexicon and rules for Russian and English, no network, with a small trained
// classifier beside them (./classifier.ts, ./model.json). Sentiment from praise and trouble words
// (negation flips them, the clause after «но»/"but" weighs more, irony turns praise negative); intent
// from the classifier's probabilities with the lexicon's cue phrases' choice added; the seven
// objection classes from the lexicon's phrases and the classifier, each with the clause that raised
// it; and the one sentence that carries most of that as the summary.
import { INTENTS, OBJECTION_TYPES, type Intent, type Objection, type ObjectionType, type TextAnalysis } from "../schema";
import { EN } from "./lexicon-en";
import type { Lexicon } from "./lexicon";
import { RU } from "./lexicon-ru";
import { COMBINATION, predict, strongestClause, textFeatures, type ClassifierModel } from "./classifier";
import storedModel from "./model.json";
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

/** A trained classifier and how it combines with the lexicon. */
export type Trained = { model: ClassifierModel; lexiconIntentWeight: number; objectionThreshold: number };
const STORED: Trained = { model: storedModel as ClassifierModel, ...COMBINATION };

const CONTRAST = new Set(["но", "однако", "but", "however"]);
// On a tie: a grievance outranks a question, and a question about the offer outranks buying words.
const INTENT_PRIORITY: Intent[] = ["complaint", "support", "info", "purchase", "other"];
const SUMMARY_MAX = 240;
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

function spanText(text: string, tokens: Token[], keep: (t: Token) => boolean): string {
  const inside = tokens.filter(keep);
  if (inside.length === 0) return "";
  return text.slice(inside[0].start, inside[inside.length - 1].end);
}

function sentenceText(text: string, tokens: Token[], sentence: number): string {
  const inside = tokens.filter((t) => t.sentence === sentence);
  const start = inside[0].start;
  const rest = text.slice(inside[inside.length - 1].end);
  const end = inside[inside.length - 1].end + (/^[^\p{L}\p{N}\n]*?[.!?…]+/u.exec(rest)?.[0].length ?? 0);
  const sentence_ = text.slice(start, end).replace(/\s+/g, " ").trim();
  return sentence_.length > SUMMARY_MAX ? `${sentence_.slice(0, SUMMARY_MAX - 1).trimEnd()}…` : sentence_;
}

export function analyseBasic(text: string, lang: Lang, trained: Trained = STORED): Omit<TextAnalysis, "analyser" | "model"> & { analyser: "basic" } {
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

  // The classifier: its intent probabilities with the lexicon's choice added, and the objection it sees.
  const { model } = trained;
  const features = textFeatures(text, lang);
  const intentP = predict(model.intent, features).map((p, c) => p + (model.intent.classes[c] === lexiconIntent ? trained.lexiconIntentWeight : 0));
  const intent = model.intent.classes[intentP.indexOf(Math.max(...intentP))] as Intent;
  const objectionP = predict(model.objection, features);
  OBJECTION_TYPES.forEach((type, c) => {
    if (objectionP[c + 1] <= trained.objectionThreshold || objections.some((o) => o.type === type)) return;
    const clause = strongestClause(model.objection, c + 1, tokens);
    const first = tokens.findIndex((t) => t.clause === clause);
    if (clause === null || first < 0) return;
    objections.push({ type, quote: spanText(text, tokens, (t) => t.clause === clause) });
    objectionTokens.push(first);
  });
  objections.sort((a, b) => OBJECTION_TYPES.indexOf(a.type) - OBJECTION_TYPES.indexOf(b.type));

  // Summary: the sentence with most cues, objections and feeling; the first on a tie.
  const sentenceScore = new Map<number, number>();
  const add = (i: number, points: number) => sentenceScore.set(tokens[i].sentence, (sentenceScore.get(tokens[i].sentence) ?? 0) + points);
  cueTokens.forEach((i) => add(i, 1));
  objectionTokens.forEach((i) => add(i, 2));
  sentimentHits.forEach((m) => add(m.first, 0.5));
  let summarySentence = tokens[0]?.sentence ?? 0;
  let top = -1;
  for (const [s, points] of [...sentenceScore].sort((a, b) => a[0] - b[0])) {
    if (points > top) [summarySentence, top] = [s, points];
  }
  const summary = tokens.length ? sentenceText(text, tokens, summarySentence) : text.trim().slice(0, SUMMARY_MAX);

  return { sentiment, intent, objections, summary, language: lang, analyser: "basic" };
}
