// The basic analyser measured on the labelled set (lib/ai/labelled-set/*.jsonl, 776 ru + en messages).
// The lexicon was built on the dev split (dev + dev2, 320 messages); its classifier was trained on the
// dev and train splits (616); the test split (test2, 160) was written before the classifier's last
// tuning (basic-4) and measured once after it.
// The figures are in docs/ai.md; the same harness runs against a model with `npm run bench -- analyser`.
import { describe, expect, it } from "vitest";
import { analyseBasic } from "../basic/analyse";
import { evaluate } from "../evaluate";
import { loadLabelledSet } from "./labelled-set";

const basic = async (m: { text: string; lang: "ru" | "en" }) => analyseBasic(m.text, m.lang);

describe("the labelled set", () => {
  it("holds at least 300 messages in both languages, every intent and objection class at least 10 times", () => {
    const all = [...loadLabelledSet("dev"), ...loadLabelledSet("train"), ...loadLabelledSet("test")];
    expect(all.length).toBe(776);
    expect(all.filter((m) => m.lang === "ru").length).toBe(388);
    expect(new Set(all.map((m) => m.id)).size).toBe(776);
    for (const intent of ["purchase", "support", "complaint", "info", "other"]) expect(all.filter((m) => m.intent === intent).length).toBeGreaterThanOrEqual(72);
    for (const type of ["price", "timing", "competitor", "trust", "need", "authority", "other"]) expect(all.filter((m) => m.objections.includes(type as never)).length).toBeGreaterThanOrEqual(10);
    expect(all.filter((m) => m.tags?.includes("negation")).length).toBeGreaterThanOrEqual(20);
    expect(all.filter((m) => m.tags?.includes("sarcasm")).length).toBeGreaterThanOrEqual(10);
  });
});

describe("basic analyser accuracy", () => {
  it("meets the targets on the dev and train splits it was built and trained on: intent ≥ 80 %, objection macro-F1 ≥ 0.7", async () => {
    const scores = await evaluate([...loadLabelledSet("dev"), ...loadLabelledSet("train")], basic);
    expect(scores.messages).toBe(616);
    expect(scores.intentAccuracy).toBeGreaterThanOrEqual(0.8);
    expect(scores.objectionMacroF1).toBeGreaterThanOrEqual(0.7);
    expect(scores.sentimentSignAccuracy).toBeGreaterThanOrEqual(0.8);
  });

  // Held out, basic-4 measured once: 80.0 % intent (128 of 160), 0.649 objection macro-F1, 75.0 %
  // sentiment sign (120 of 160) — docs/ai.md. The intent target is just met; the objection target
  // (0.7) is not. This guards the measured figures against regressions; it does not claim the
  // objection target, which on unseen phrasing needs the model provider.
  it("on the held-out test split keeps at least the measured 128 of 160 intents, 0.645 macro-F1 and 120 of 160 sentiment signs", async () => {
    const scores = await evaluate(loadLabelledSet("test"), basic);
    expect(scores.messages).toBe(160);
    expect(scores.intentAccuracy).toBeGreaterThanOrEqual(128 / 160);
    expect(scores.objectionMacroF1).toBeGreaterThanOrEqual(0.645);
    expect(scores.sentimentSignAccuracy).toBeGreaterThanOrEqual(120 / 160);
  });
});
