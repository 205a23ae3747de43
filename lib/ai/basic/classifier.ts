// The basic analyser's trained part: logistic regression over the Snowball stems of a text, their
// pairs, and negation («не дорого» gives the feature ¬дорог, not дорог). One softmax model for the
// intent, one for the objection a message raises (none or one of the seven classes). Trained on the
// labelled set's dev and train files (never the test split) by `npm run ai:train`, which writes
// ./model.json; analyse.ts combines its answers with the lexicon's.
//
// Written here rather than taken from a library: `natural` brings mongoose, redis and pg with it, and
// wink's classifier an English language model; what is needed is sixty lines of arithmetic.
import { INTENTS, OBJECTION_TYPES, type Intent, type ObjectionType } from "../kinds";
import { readLexicon, type LexiconReading } from "./lexicon-read";
import { stemWord, tokenize, type Lang, type Token } from "./tokens";

const NEGATORS: Record<Lang, Set<string>> = {
  ru: new Set(["не", "нет", "ни", "без", "никак"].map((w) => stemWord(w, "ru"))),
  en: new Set(["not", "no", "never", "without", "hardly"].map((w) => stemWord(w, "en"))),
};
const NEGATION_REACH = 3;

/** Which features a text gives: with `lexicon`, also the lexicon's reading (the sentiment model's). */
export type FeatureOptions = { lexicon: boolean };

/** The features of a text, each once: stems (negated ones marked ¬), pairs of neighbouring stems in a clause, a question mark. */
export function textFeatures(text: string, lang: Lang, options: FeatureOptions = TRAINING, reading?: LexiconReading): string[] {
  const tokens = tokenize(text, lang);
  const features = new Set<string>();
  let negatedUntil = -1;
  let negatedClause = -1;
  tokens.forEach((t, i) => {
    if (NEGATORS[lang].has(t.stem)) {
      negatedUntil = i + NEGATION_REACH;
      negatedClause = t.clause;
      features.add(t.stem);
      return;
    }
    const isNegated = i <= negatedUntil && t.clause === negatedClause;
    features.add(isNegated ? `¬${t.stem}` : t.stem);
    const prev = tokens[i - 1];
    if (prev && prev.clause === t.clause) features.add(`${prev.stem} ${t.stem}`);
  });
  if (text.includes("?")) features.add("?");
  if (options.lexicon) for (const f of lexiconFeatures(reading ?? readLexicon(text, lang))) features.add(f);
  return [...features];
}

/** The lexicon's reading as features: the objections its phrases raise, the intent its cues point to, the sentiment's sign, irony. */
export function lexiconFeatures(reading: LexiconReading): string[] {
  const features = reading.objections.map((o) => `@${o.type}`);
  features.push(`@@${reading.intent}`);
  for (const [intent, score] of Object.entries(reading.intentScores)) if (score > 0) features.push(`@cue:${intent}`);
  features.push(reading.sentiment > 0.2 ? "@+" : reading.sentiment < -0.2 ? "@-" : "@0");
  if (reading.isSarcastic) features.push("@irony");
  return features;
}

/** Weights per class per feature; a feature not in the vocabulary weighs nothing. */
export type SoftmaxModel = { classes: string[]; bias: number[]; weights: Record<string, number[]> };
export type ClassifierModel = {
  version: string;
  intent: SoftmaxModel;
  /** The objection a message raises ("none" or a class). */
  objection: SoftmaxModel;
  /** The sign of its sentiment: "-1", "0", "1". */
  sentiment: SoftmaxModel;
};

export type TrainingMessage = { text: string; lang: Lang; intent: Intent; objections: ObjectionType[]; sentiment: -1 | 0 | 1 };

// Chosen by 5-fold cross-validation on the dev and train files (docs/ai.md), never on the test split.
// A message raising two objections is one objection example per class (everyObjection), and objection
// examples weigh twice a message without one (objectionWeight).
export const TRAINING = { epochs: 40, rate: 1, l2: 0.0001, minCount: 1, lexicon: false, objectionWeight: 2, everyObjection: true };
// How it combines with the lexicon (analyse.ts), chosen the same way: the lexicon's intent adds 0.5 to
// the classifier's probability of it; the classifier adds an objection class the lexicon missed when
// it gives it more than 0.5; the sentiment model's sign wins over the lexicon's when it differs
// (lexiconSentimentWeight 0: the model already sees the lexicon's sign as a feature).
export const COMBINATION = { lexiconIntentWeight: 0.5, objectionThreshold: 0.5, lexiconSentimentWeight: 0 };

function softmax(scores: number[]): number[] {
  const max = Math.max(...scores);
  const exp = scores.map((s) => Math.exp(s - max));
  const sum = exp.reduce((a, b) => a + b, 0);
  return exp.map((e) => e / sum);
}

/** Class probabilities of a softmax model for a text's features. */
export function predict(model: SoftmaxModel, features: string[]): number[] {
  const scores = [...model.bias];
  for (const f of features) {
    const w = model.weights[f];
    if (w) for (let c = 0; c < scores.length; c++) scores[c] += w[c];
  }
  return softmax(scores);
}

/** Multinomial logistic regression by gradient descent over the whole set, L2-regularised; deterministic. */
export function trainSoftmax(examples: { features: string[]; label: number; weight?: number }[], classes: string[], options = TRAINING): SoftmaxModel {
  const counts = new Map<string, number>();
  for (const e of examples) for (const f of e.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  const vocabulary = [...counts].filter(([, n]) => n >= options.minCount).map(([f]) => f).sort();
  const index = new Map(vocabulary.map((f, i) => [f, i]));
  const k = classes.length;
  const w = new Float64Array(vocabulary.length * k);
  const bias = new Float64Array(k);
  const rows = examples.map((e) => ({ ids: e.features.map((f) => index.get(f)).filter((i): i is number => i !== undefined), label: e.label, weight: e.weight ?? 1 }));
  // Stochastic gradient descent in a fixed shuffled order (a seeded generator: the same data give the same model).
  let seed = 20261207;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const order = rows.map((_, i) => i);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const rate = options.rate / (1 + epoch * 0.1);
    for (const r of order) {
      const row = rows[r];
      const scores = Array.from(bias);
      for (const i of row.ids) for (let c = 0; c < k; c++) scores[c] += w[i * k + c];
      const p = softmax(scores);
      for (let c = 0; c < k; c++) {
        const g = rate * row.weight * (p[c] - (c === row.label ? 1 : 0));
        bias[c] -= g;
        for (const i of row.ids) w[i * k + c] -= g;
      }
    }
    const decay = 1 - rate * options.l2 * rows.length;
    for (let j = 0; j < w.length; j++) w[j] *= decay;
  }
  // Three decimals, and features whose every weight is below 0.005 dropped: the stored model stays small.
  const round = (x: number) => Math.round(x * 1e3) / 1e3;
  const weights: Record<string, number[]> = {};
  vocabulary.forEach((f, i) => {
    const row = Array.from(w.subarray(i * k, i * k + k), round);
    if (row.some((x) => Math.abs(x) >= 0.005)) weights[f] = row;
  });
  return { classes, bias: Array.from(bias, round), weights };
}

export function trainClassifier(messages: TrainingMessage[], version: string, options = TRAINING): ClassifierModel {
  const featured = messages.map((m) => ({ m, features: textFeatures(m.text, m.lang, options) }));
  // A message raising two objections is one example per objection when `everyObjection`, else one for its first.
  const objectionExamples = featured.flatMap(({ m, features }) =>
    m.objections.length === 0
      ? [{ features, label: 0 }]
      : (options.everyObjection ? m.objections : m.objections.slice(0, 1)).map((type) => ({ features, label: 1 + OBJECTION_TYPES.indexOf(type), weight: options.objectionWeight })),
  );
  return {
    version,
    intent: trainSoftmax(featured.map(({ m, features }) => ({ features, label: INTENTS.indexOf(m.intent) })), [...INTENTS], options),
    objection: trainSoftmax(objectionExamples, ["none", ...OBJECTION_TYPES], options),
    // The sentiment model always sees the lexicon's reading (its sign, irony).
    sentiment: trainSoftmax(messages.map((m) => ({ features: textFeatures(m.text, m.lang, { ...options, lexicon: true }), label: m.sentiment + 1 })), ["-1", "0", "1"], options),
  };
}

/** Where in the text a class's evidence lies: the clause whose stems weigh most towards it (its quote). */
export function strongestClause(model: SoftmaxModel, classIndex: number, tokens: Token[]): number | null {
  const byClause = new Map<number, number>();
  for (const t of tokens) {
    const w = model.weights[t.stem] ?? model.weights[`¬${t.stem}`];
    if (w) byClause.set(t.clause, (byClause.get(t.clause) ?? 0) + w[classIndex] - w[0]);
  }
  let best: number | null = null;
  for (const [clause, weight] of byClause) if (best === null || weight > byClause.get(best)!) best = clause;
  return best;
}
