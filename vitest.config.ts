import { defineConfig } from 'vitest/config';

// One runner for the whole suite: unit, contract, integration and browser tests.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'server/**/*.test.ts', 'shared/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // expect.poll without its own timeout: generous, for two shared cores ("Saved" now waits
    // for the server's doc:stored notice, after the flush).
    expect: { poll: { timeout: 15_000 } },
    pool: 'forks',
    // Builds the client once for the browser tests (tests/e2e), which serve the real bundle.
    globalSetup: ['tests/e2e/globalSetup.ts'],
  },
});
