// The labelled sales messages (ru + en) that measure the analysers: a dev split the basic analyser's
// lexicon was built from, and a test split written before it that is only ever measured.
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { INTENTS, OBJECTION_TYPES } from "../analysis";

export const labelledMessageSchema = z.object({
  id: z.string(),
  lang: z.enum(["ru", "en"]),
  channel: z.enum(["call", "email", "chat"]),
  text: z.string().min(1),
  intent: z.enum(INTENTS),
  objections: z.array(z.enum(OBJECTION_TYPES)),
  sentiment: z.union([z.literal(-1), z.literal(0), z.literal(1)]),
  tags: z.array(z.enum(["negation", "sarcasm"])).optional(),
});

export type LabelledMessage = z.infer<typeof labelledMessageSchema>;
/** dev: the lexicon was built on it; train: written later for the classifier, the lexicon never saw it; test: held out. */
export type Split = "dev" | "train" | "test";

const DIR = path.join(process.cwd(), "lib/ai/labelled-set");

// dev2 was the first test split and train2 the second: each measured once (docs/ai.md), then seen, so
// dev2 became dev data and train2 training data (the lexicon was never built on train2). test2 is held out.
const FILES: Record<Split, string[]> = { dev: ["dev", "dev2"], train: ["train", "train2"], test: ["test2"] };

export function loadLabelledSet(split: Split): LabelledMessage[] {
  return FILES[split].flatMap((file) => (["ru", "en"] as const).map((lang) => `${file}-${lang}.jsonl`)).flatMap((name) =>
    readFileSync(path.join(DIR, name), "utf8")
      .split("\n")
      .filter((line) => line.trim())
      .map((line) => labelledMessageSchema.parse(JSON.parse(line))),
  );
}
