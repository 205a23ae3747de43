// The basic analyser: lexicon and rules for Russian and English, no network, with a small trained
// classifier beside them (./classifier.ts, ./model.json). Sentiment from praise and trouble words
// (negation flips them, the clause after «но»/"but" weighs more, irony turns praise negative); intent
// from the classifier's probabilities with the lexicon's cue phrases' choice added; the seven
// objection classes from the lexicon's phrases and the classifier, each with the clause that raised
// it; and the one sentence that carries most of that as the summary.
import { OBJECTION_TYPES, sentimentSign, type Intent, type TextAnalysis } from "../schema";
import { COMBINATION, lexiconFeatures, predict, strongestClause, textFeatures, TRAINING, type ClassifierModel, type FeatureOptions } from "./classifier";
import { readLexicon, sentenceText, spanText, SUMMARY_MAX } from "./lexicon-read";
import storedModel from "./model.json";
import type { Lang } from "./tokens";

/** A trained classifier and how it combines with the lexicon. */
export type Trained = { model: ClassifierModel; options: FeatureOptions } & typeof COMBINATION;
const STORED: Trained = { model: storedModel as ClassifierModel, options: TRAINING, ...COMBINATION };

export function analyseBasic(text: string, lang: Lang, trained: Trained = STORED): Omit<TextAnalysis, "analyser" | "model"> & { analyser: "basic" } {
  const reading = readLexicon(text, lang);
  const { tokens, cueTokens, sentimentHits } = reading;
  const lexiconIntent = reading.intent;

  // The classifier: its intent probabilities with the lexicon's choice added, and the objection it sees.
  const { model } = trained;
  const features = textFeatures(text, lang, trained.options, reading);
  const intentP = predict(model.intent, features).map((p, c) => p + (model.intent.classes[c] === lexiconIntent ? trained.lexiconIntentWeight : 0));
  const intent = model.intent.classes[intentP.indexOf(Math.max(...intentP))] as Intent;
  const objectionP = predict(model.objection, features);
  const objections = [...reading.objections];
  const objectionTokens = [...reading.objectionTokens];
  OBJECTION_TYPES.forEach((type, c) => {
    if (objectionP[c + 1] <= trained.objectionThreshold || reading.objections.some((o) => o.type === type)) return;
    const clause = strongestClause(model.objection, c + 1, tokens);
    const first = tokens.findIndex((t) => t.clause === clause);
    if (clause === null || first < 0) return;
    objections.push({ type, quote: spanText(text, tokens, (t) => t.clause === clause) });
    objectionTokens.push(first);
  });
  objections.sort((a, b) => OBJECTION_TYPES.indexOf(a.type) - OBJECTION_TYPES.indexOf(b.type));

  // Sentiment: the lexicon's, unless the classifier (with lexiconSentimentWeight on the lexicon's sign) picks another sign.
  const lexiconSign = sentimentSign(reading.sentiment);
  const signP = predict(model.sentiment, trained.options.lexicon ? features : [...features, ...lexiconFeatures(reading)]).map((p, c) => p + (c - 1 === lexiconSign ? trained.lexiconSentimentWeight : 0));
  const sign = signP.indexOf(Math.max(...signP)) - 1;
  const sentiment = sign === lexiconSign ? reading.sentiment : sign * 0.5;

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
