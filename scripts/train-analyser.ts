// `npm run ai:train`: trains the basic analyser's classifier (lib/ai/basic/classifier.ts) on the
// labelled set's dev and train files — never the test split — and writes lib/ai/basic/model.json.
// Deterministic: the same files give the same model; lib/ai/basic/classifier.test.ts checks that the
// stored model is the one these files give.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { trainingModel } from "../lib/ai/basic/training";

const file = path.join(process.cwd(), "lib/ai/basic/model.json");
const model = trainingModel();
writeFileSync(file, `${JSON.stringify(model)}\n`);
console.log(`${file}: ${Object.keys(model.intent.weights).length} intent, ${Object.keys(model.objection.weights).length} objection and ${Object.keys(model.sentiment.weights).length} sentiment features`);
