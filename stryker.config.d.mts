import type { PartialStrykerOptions } from '@stryker-mutator/api/core';

/** One Stryker run of `npm run test:mutation`: files mutated together, and the tests that cover them. */
export interface MutationGroup {
  name: string;
  /** Patterns as in Stryker's `mutate` (one directory level: `*` never crosses a `/`). */
  files: string[];
  /** Vitest include patterns: the group's narrowed test set. */
  tests: string[];
  /** Stryker's `timeoutMS` for this group (the config's 30 s when absent). */
  timeoutMS?: number;
}

/** The scope of mutation testing and the test set of each part (stryker.config.mjs). */
export declare const mutationGroups: MutationGroup[];

/** Stryker's options (stryker.config.mjs). */
declare const config: PartialStrykerOptions;
export default config;
