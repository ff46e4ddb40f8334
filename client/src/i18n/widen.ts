/**
 * A language part's shape from English's: same keys, any text. Languages whose plural rules
 * have a `many` form (French, Italian: "1 million de …") may add `key_many` next to English's
 * `key_one`/`key_other`.
 */
export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> } & {
  [key: `${string}_many`]: string;
};
