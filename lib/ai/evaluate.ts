// Scores an analyser against labelled messages: intent accuracy, per-class and macro F1 over the seven
// objection classes (a class counts once per message), and sentiment-sign accuracy. The test and the
// bench (`npm run bench -- analyser`) both use it.
import { OBJECTION_TYPES, sentimentSign, type ObjectionType, type TextAnalysis } from "./analysis";
import type { LabelledMessage } from "./labelled-set/labelled-set";

export type Scores = {
  messages: number;
  failed: number;
  intentAccuracy: number;
  sentimentSignAccuracy: number;
  objectionMacroF1: number;
  objectionF1: Record<ObjectionType, number>;
  mistakes: { id: string; text: string; expected: string; got: string }[];
};

type Analyse = (message: LabelledMessage) => Promise<Pick<TextAnalysis, "intent" | "objections" | "sentiment"> | null>;

export async function evaluate(messages: LabelledMessage[], analyse: Analyse): Promise<Scores> {
  const counts = Object.fromEntries(OBJECTION_TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }])) as Record<ObjectionType, { tp: number; fp: number; fn: number }>;
  let intents = 0;
  let signs = 0;
  let failed = 0;
  const mistakes: Scores["mistakes"] = [];
  for (const message of messages) {
    const got = await analyse(message);
    const expectedObjections = new Set(message.objections);
    const gotObjections = new Set(got?.objections.map((o) => o.type) ?? []);
    if (!got) failed++;
    if (got?.intent === message.intent) intents++;
    if (got && sentimentSign(got.sentiment) === message.sentiment) signs++;
    for (const type of OBJECTION_TYPES) {
      if (expectedObjections.has(type) && gotObjections.has(type)) counts[type].tp++;
      else if (gotObjections.has(type)) counts[type].fp++;
      else if (expectedObjections.has(type)) counts[type].fn++;
    }
    const sameObjections = expectedObjections.size === gotObjections.size && [...expectedObjections].every((t) => gotObjections.has(t));
    if (!got || got.intent !== message.intent || !sameObjections || sentimentSign(got.sentiment) !== message.sentiment) {
      mistakes.push({
        id: message.id,
        text: message.text,
        expected: `${message.intent} [${message.objections.join(",")}] ${message.sentiment}`,
        got: got ? `${got.intent} [${[...gotObjections].join(",")}] ${sentimentSign(got.sentiment)} (${got.sentiment})` : "failed",
      });
    }
  }
  const f1 = ({ tp, fp, fn }: { tp: number; fp: number; fn: number }) => (tp === 0 ? (fp + fn === 0 ? 1 : 0) : (2 * tp) / (2 * tp + fp + fn));
  const objectionF1 = Object.fromEntries(OBJECTION_TYPES.map((t) => [t, f1(counts[t])])) as Record<ObjectionType, number>;
  const n = messages.length;
  return {
    messages: n,
    failed,
    intentAccuracy: intents / n,
    sentimentSignAccuracy: signs / n,
    objectionMacroF1: OBJECTION_TYPES.reduce((sum, t) => sum + objectionF1[t], 0) / OBJECTION_TYPES.length,
    objectionF1,
    mistakes,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

/** The figures as lines of text, for the bench and the docs. */
export function formatScores(label: string, s: Scores): string[] {
  return [
    `${label}: ${s.messages} messages${s.failed ? `, ${s.failed} failed` : ""}`,
    `  intent accuracy        ${pct(s.intentAccuracy)}`,
    `  objection macro-F1     ${s.objectionMacroF1.toFixed(3)}   (${OBJECTION_TYPES.map((t) => `${t} ${s.objectionF1[t].toFixed(2)}`).join(", ")})`,
    `  sentiment-sign accuracy ${pct(s.sentimentSignAccuracy)}`,
  ];
}
