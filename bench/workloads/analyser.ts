// `npm run bench -- analyser`: the conversation analysers measured on the labelled set
// (lib/ai/labelled-set): the basic analyser on the dev and the held-out test split, and — when
// AI_BASE_URL and AI_MODEL are set — the configured model on the test split through the same harness.
// No database. Figures and the commands that reproduce them: docs/ai.md.
import { analyseBasic } from "../../lib/ai/basic/analyse";
import { aiConfigFromEnv, hasModel } from "../../lib/ai/config";
import { evaluate, formatScores } from "../../lib/ai/evaluate";
import { loadLabelledSet, type LabelledMessage } from "../../lib/ai/labelled-set/labelled-set";
import { analyseWithModel } from "../../lib/ai/model-provider";
import { prepareText } from "../../lib/ai/prepare";
import { env } from "../../lib/env";
import type { StandaloneWorkload } from "../harness";

export const analyserWorkload: StandaloneWorkload = {
  name: "analyser",
  description: "accuracy of the basic analyser on the labelled set; with AI_BASE_URL + AI_MODEL also the model (no database)",
  isStandalone: true,
  run: async ({ log }) => {
    for (const split of ["dev", "train", "test"] as const) {
      const messages = loadLabelledSet(split);
      const started = performance.now();
      const scores = await evaluate(messages, async (m) => analyseBasic(m.text, m.lang));
      const perMessage = (performance.now() - started) / messages.length;
      console.log(formatScores(`basic analyser, ${split} split${split === "test" ? " (held out)" : ""}`, scores).join("\n"));
      console.log(`  ${perMessage.toFixed(2)} ms per message\n`);
    }

    const config = aiConfigFromEnv(env);
    if (!hasModel(config)) {
      log("AI_BASE_URL and AI_MODEL are not set: the model is not measured (docs/ai.md)");
      return;
    }
    const messages = loadLabelledSet("test");
    let tokensIn = 0;
    let tokensOut = 0;
    let latency = 0;
    const failures = new Map<string, number>();
    log(`model ${config.model} at ${new URL(config.baseUrl).host}: ${messages.length} messages of the test split`);
    const analyse = async (m: LabelledMessage) => {
      const text = prepareText(m.text, { maxChars: config.maxChars, redact: config.redactPii, country: config.country }).text;
      const call = await analyseWithModel(text, config, { lang: m.lang });
      tokensIn += call.tokensIn;
      tokensOut += call.tokensOut;
      latency += call.latencyMs;
      if (call.errorCode) failures.set(call.errorCode, (failures.get(call.errorCode) ?? 0) + 1);
      return call.analysis;
    };
    const scores = await evaluate(messages, analyse);
    console.log(formatScores(`model ${config.model}, test split`, scores).join("\n"));
    console.log(`  tokens ${tokensIn} in / ${tokensOut} out, ${(latency / messages.length).toFixed(0)} ms per message on average`);
    if (failures.size) console.log(`  failed calls: ${[...failures].map(([code, n]) => `${code} × ${n}`).join(", ")}`);
    log(`${scores.mistakes.filter((m) => m.got !== "failed").length} answered messages differ from their label in intent, objections or sentiment sign`);
  },
};
