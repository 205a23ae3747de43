// The jStat functions Voronka uses (the package ships no types): the forecast's Student's t, the
// anomaly baseline's median and median absolute deviation, the churn risk's F distribution.
declare module "jstat" {
  export const jStat: {
    studentt: { inv(p: number, dof: number): number };
    centralF: { cdf(x: number, df1: number, df2: number): number };
    median(values: number[]): number;
    meddev(values: number[]): number;
  };
}
