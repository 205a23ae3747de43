// The two-class model of ml-logistic-regression (mljs), which ships no types.
declare module "ml-logistic-regression/src/logreg_2classes.js" {
  import type { Matrix } from "ml-matrix";
  export default class LogisticRegressionTwoClasses {
    constructor(options?: { numSteps?: number; learningRate?: number; weights?: Matrix | number[][] | null });
    weights: Matrix | null;
    train(features: Matrix, target: Matrix): void;
    testScores(features: Matrix): number[];
  }
}
