import { defineConfig } from 'vitest/config';

/**
 * The test set of `npm run test:mutation` (stryker.config.mjs): every test that can reach the
 * server's guards, without the browser tests (tests/e2e, which build the client), the client's
 * unit tests, the storage contract, the demo seeding and the child-process crash tests (a
 * child process runs the sources without Stryker's active mutant, so it cannot kill one).
 * MUTATION_TESTS narrows it: `npm run test:mutation` (scripts/mutation.ts) sets it to each
 * group's tests (stryker.config.mjs), and by hand, e.g.
 * `MUTATION_TESTS=server/auth/passwords.test.ts npx stryker run --mutate server/auth/passwords.ts`.
 */
const narrowed = process.env.MUTATION_TESTS?.split(',').filter(Boolean);

export default defineConfig({
  test: {
    include: narrowed ?? ['tests/**/*.test.ts', 'server/**/*.test.ts', 'shared/**/*.test.ts'],
    exclude: [
      'tests/e2e/**',
      'tests/client/**',
      'tests/storage/**',
      'tests/demo/**',
      'tests/collab/process.test.ts',
      '**/node_modules/**',
    ],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
