// `npx tsx scripts/cv-analyser.ts`: k-fold cross-validation of the basic analyser (lexicon + classifier)
// over the labelled set's dev and train files only — never the test split. Each fold's classifier is
// trained on the other folds; the figures are over every message and over the train files alone (which
// the lexicon was not built on). How docs/ai.md's settings were chosen; CV_OPTIONS='{"epochs":30}'
// overrides TRAINING and the combination for an experiment.
import { analyseBasic, type Trained } from "../lib/ai/basic/analyse";
import { COMBINATION, TRAINING, trainClassifier } from "../lib/ai/basic/classifier";
import { evaluate, formatScores } from "../lib/ai/evaluate";
import { loadLabelledSet } from "../lib/ai/labelled-set/labelled-set";
import type { TextAnalysis } from "../lib/ai/schema";

const FOLDS = 5;

async function main(): Promise<void> {
  const overrides = JSON.parse(process.env.CV_OPTIONS ?? "{}") as Record<string, number>;
  const options = { ...TRAINING, ...overrides };
  const combination = { ...COMBINATION, ...overrides };
  const dev = loadLabelledSet("dev");
  const train = loadLabelledSet("train");
  const all = [...dev, ...train];
  const answers = new Map<string, Pick<TextAnalysis, "intent" | "objections" | "sentiment">>();
  for (let fold = 0; fold < FOLDS; fold++) {
    const model = trainClassifier(all.filter((_, i) => i % FOLDS !== fold), "cv", options);
    const trained: Trained = { model, ...combination };
    all.forEach((m, i) => {
      if (i % FOLDS === fold) answers.set(m.id, analyseBasic(m.text, m.lang, trained));
    });
  }
  const answer = async (m: { id: string }) => answers.get(m.id) ?? null;
  console.log(JSON.stringify({ options, combination }));
  console.log(formatScores(`${FOLDS}-fold, dev + train`, await evaluate(all, answer)).join("\n"));
  console.log(formatScores(`${FOLDS}-fold, train files only`, await evaluate(train, answer)).join("\n"));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
