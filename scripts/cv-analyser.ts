// `npx tsx scripts/cv-analyser.ts`: k-fold cross-validation of the basic analyser (lexicon + classifier)
// over the labelled set's dev and train files only — never the test split. Each fold's classifier is
// trained on the other folds; the figures are over every message and over the train files alone (which
// the lexicon was not built on). How docs/ai.md's settings were chosen; CV_OPTIONS='{"epochs":30}'
// overrides TRAINING and the combination for an experiment.
import { analyseBasic, type Trained } from "../lib/ai/basic/analyse";
import { COMBINATION, TRAINING, trainClassifier } from "../lib/ai/basic/classifier";
import { evaluate, formatScores } from "../lib/ai/evaluate";
import { loadLabelledSet, type LabelledMessage } from "../lib/ai/labelled-set/labelled-set";
import type { TextAnalysis } from "../lib/ai/schema";

const FOLDS = 5;
const REPEATS = Number(process.env.CV_REPEATS ?? 3);
type Answer = Pick<TextAnalysis, "intent" | "objections" | "sentiment">;

async function main(): Promise<void> {
  const overrides = JSON.parse(process.env.CV_OPTIONS ?? "{}") as Partial<typeof TRAINING & typeof COMBINATION>;
  const options = { ...TRAINING, ...overrides };
  const combination = { ...COMBINATION, ...overrides };
  const dev = loadLabelledSet("dev");
  const train = loadLabelledSet("train");
  const all = [...dev, ...train];
  console.log(JSON.stringify({ options, combination }));
  // REPEATS different assignments of messages to folds (message i goes to fold (i * step) mod FOLDS … shifted), pooled.
  const pooled: { m: LabelledMessage; a: Answer }[] = [];
  for (let repeat = 0; repeat < REPEATS; repeat++) {
    const foldOf = (i: number) => Math.floor(((i * 7919 + repeat * 104729) % all.length) / (all.length / FOLDS));
    for (let fold = 0; fold < FOLDS; fold++) {
      const model = trainClassifier(all.filter((_, i) => foldOf(i) !== fold), "cv", options);
      const trained: Trained = { model, options, ...combination };
      all.forEach((m, i) => {
        if (foldOf(i) === fold) pooled.push({ m: { ...m, id: `${repeat}:${m.id}` }, a: analyseBasic(m.text, m.lang, trained) });
      });
    }
  }
  const answers = new Map(pooled.map(({ m, a }) => [m.id, a]));
  const answer = async (m: { id: string }) => answers.get(m.id) ?? null;
  if (process.env.CV_CONFUSION) {
    const confusion = new Map<string, number>();
    for (const { m, a } of pooled) if (m.intent !== a.intent) confusion.set(`${m.intent} → ${a.intent}`, (confusion.get(`${m.intent} → ${a.intent}`) ?? 0) + 1);
    console.log([...confusion].sort((x, y) => y[1] - x[1]).map(([k, n]) => `${k} ${n}`).join(", "));
  }
  const trainIds = new Set(train.map((m) => m.id));
  const label = `${FOLDS}-fold × ${REPEATS}`;
  console.log(formatScores(`${label}, dev + train`, await evaluate(pooled.map(({ m }) => m), answer)).join("\n"));
  console.log(formatScores(`${label}, train files only`, await evaluate(pooled.map(({ m }) => m).filter((m) => trainIds.has(m.id.split(":")[1])), answer)).join("\n"));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
