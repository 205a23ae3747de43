// What the stored classifier (./model.json) is trained on: the labelled set's dev and train files,
// never the test split. Used by `npm run ai:train` and by the test that checks the stored model.
import { BASIC_ANALYSER_VERSION } from "../schema";
import { loadLabelledSet } from "../labelled-set/labelled-set";
import { trainClassifier, type ClassifierModel } from "./classifier";

export function trainingModel(): ClassifierModel {
  return trainClassifier([...loadLabelledSet("dev"), ...loadLabelledSet("train")], BASIC_ANALYSER_VERSION);
}
