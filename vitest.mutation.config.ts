import { defineConfig } from 'vitest/config';

/**
 * The test set of `npm run test:mutation` (stryker.config.mjs): every test that can reach the
 * server's guards, without the browser tests (tests/e2e, which build the client), the client's
 * unit tests, the storage contract, the demo seeding and the child-process crash tests (a
 * child process runs the sources without Stryker's active mutant, so it cannot kill one).
 */
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'server/**/*.test.ts', 'shared/**/*.test.ts'],
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
