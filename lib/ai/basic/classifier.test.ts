import { describe, expect, it } from "vitest";
import { predict, textFeatures, trainSoftmax, type ClassifierModel } from "./classifier";
import storedModel from "./model.json";
import { trainingModel } from "./training";

describe("the basic analyser's classifier", () => {
  it("marks the words after a negation in the same clause, and pairs neighbouring stems", () => {
    expect(textFeatures("Это не дорого, цена нормальная", "ru")).toEqual(expect.arrayContaining(["¬дор", "цен", "цен нормальн"]));
    expect(textFeatures("Это не дорого, цена нормальная", "ru")).not.toContain("дор");
    expect(textFeatures("It isn't expensive?", "en")).toEqual(expect.arrayContaining(["¬expens", "?"]));
  });

  it("learns which class a feature points to", () => {
    const model = trainSoftmax(
      [
        { features: ["a", "x"], label: 0 },
        { features: ["a", "y"], label: 0 },
        { features: ["b", "x"], label: 1 },
        { features: ["b", "y"], label: 1 },
      ],
      ["first", "second"],
    );
    expect(predict(model, ["a"])[0]).toBeGreaterThan(0.8);
    expect(predict(model, ["b"])[1]).toBeGreaterThan(0.8);
    expect(predict(model, ["unknown"])[0]).toBeCloseTo(0.5, 1);
  });

  it("is stored as the dev and train files give it (regenerate with npm run ai:train)", () => {
    expect(JSON.parse(JSON.stringify(trainingModel()))).toEqual(storedModel as ClassifierModel);
  });
});
