// Types for snowball-stemmers (the Snowball project's stemmers compiled to JavaScript; it ships none).
declare module "snowball-stemmers" {
  export type Stemmer = { stem(word: string): string };
  export function newStemmer(language: string): Stemmer;
  export function algorithms(): string[];
}
