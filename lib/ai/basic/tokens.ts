// Tokens of a text for the basic analyser: words with their stems (Snowball), where they stand in the
// original text, and which sentence and clause they belong to; and phrase patterns matched over them.
import { newStemmer, type Stemmer } from "snowball-stemmers";

export type Lang = "ru" | "en";

export type Token = { word: string; stem: string; start: number; end: number; sentence: number; clause: number };

const stemmers: Record<Lang, Stemmer> = { ru: newStemmer("russian"), en: newStemmer("english") };

export const normaliseWord = (word: string) => word.toLowerCase().replace(/ё/g, "е").replace(/[’‘`]/g, "'");

export function stemWord(word: string, lang: Lang): string {
  const w = normaliseWord(word);
  return /^\p{L}+$/u.test(w) ? stemmers[lang].stem(w) : w;
}

// English contractions become two tokens at the same place: "isn't" → is + not.
const CONTRACTIONS: Record<string, string[]> = { "can't": ["can", "not"], "won't": ["will", "not"], "shan't": ["shall", "not"], "cannot": ["can", "not"] };
function expand(word: string, lang: Lang): string[] {
  if (lang !== "en") return [word];
  if (CONTRACTIONS[word]) return CONTRACTIONS[word];
  const nt = /^(\p{L}+)n't$/u.exec(word);
  if (nt) return [nt[1], "not"];
  const suffix = /^(\p{L}+)'(re|m|s|ll|d|ve)$/u.exec(word);
  return suffix ? [suffix[1]] : [word];
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
const SENTENCE_END = /[.!?…\n]/;
// A clause ends at a comma, a semicolon, a colon, a dash, and before "but"/«но»/«а».
const CLAUSE_END = /[,;:—–(){}«»"]|\s-\s/;
const CLAUSE_WORDS = new Set(["но", "а", "однако", "but", "however", "although", "though"]);

export function tokenize(text: string, lang: Lang): Token[] {
  const tokens: Token[] = [];
  let sentence = 0;
  let clause = 0;
  let last = 0;
  for (const match of text.matchAll(WORD)) {
    const between = text.slice(last, match.index);
    if (SENTENCE_END.test(between)) {
      sentence++;
      clause++;
    } else if (CLAUSE_END.test(between)) clause++;
    const word = normaliseWord(match[0]);
    if (CLAUSE_WORDS.has(word)) clause++;
    for (const part of expand(word, lang)) {
      tokens.push({ word: part, stem: stemWord(part, lang), start: match.index, end: match.index + match[0].length, sentence, clause });
    }
    last = match.index + match[0].length;
  }
  return tokens;
}

/** A phrase of the lexicon: words by stem, or by the start of the word when written `word*`; up to `gap` other words may stand between them. */
export type Pattern = { source: string; words: { value: string; isPrefix: boolean }[] };

export function compilePattern(phrase: string, lang: Lang): Pattern {
  const words = phrase
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}*]+|[^\p{L}\p{N}*]+$/gu, ""))
    .filter(Boolean)
    .flatMap((w) => (w.endsWith("*") ? [{ value: normaliseWord(w.slice(0, -1)), isPrefix: true }] : expand(normaliseWord(w), lang).map((p) => ({ value: stemWord(p, lang), isPrefix: false }))));
  return { source: phrase, words };
}

const matchesWord = (token: Token, word: Pattern["words"][number]) => (word.isPrefix ? token.word.startsWith(word.value) : token.stem === word.value);

export type Match = { pattern: Pattern; first: number; last: number };

/** Every place the pattern matches, within one clause (or sentence), with at most `gap` words between its words. */
export function findMatches(tokens: Token[], pattern: Pattern, { gap = 2, within = "clause" }: { gap?: number; within?: "clause" | "sentence" } = {}): Match[] {
  const found: Match[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!matchesWord(tokens[i], pattern.words[0])) continue;
    let at = i;
    let ok = true;
    for (const word of pattern.words.slice(1)) {
      let next = -1;
      for (let j = at + 1; j <= at + 1 + gap && j < tokens.length && tokens[j][within] === tokens[i][within]; j++) {
        if (matchesWord(tokens[j], word)) {
          next = j;
          break;
        }
      }
      if (next < 0) {
        ok = false;
        break;
      }
      at = next;
    }
    if (ok) found.push({ pattern, first: i, last: at });
  }
  return found;
}
