// The type of a value after JSON.stringify and JSON.parse: what a client receives from an API route
// (and a page's first render, which goes through the same round trip): dates become strings.
export type JsonOf<T> = T extends Date
  ? string
  : T extends readonly (infer Item)[]
    ? JsonOf<Item>[]
    : T extends object
      ? { [Key in keyof T]: JsonOf<T[Key]> }
      : T;
