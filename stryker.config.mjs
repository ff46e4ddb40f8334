// @ts-check
/**
 * Mutation testing of the modules that guard access and input (`npm run test:mutation`, see
 * docs/TESTING.md). Each mutant runs only against the tests that cover it (per-test coverage).
 * One file at a time: `npx stryker run --mutate server/auth/passwords.ts`.
 * Equivalent mutants are marked in the source with `// Stryker disable next-line <mutator>: <reason>`.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  coverageAnalysis: 'perTest',
  mutate: [
    'server/auth/*.ts',
    'server/policies/*.ts',
    'server/http/originCheck.ts',
    'server/http/validate.ts',
    'server/http/rateLimit.ts',
    'server/http/errorHandler.ts',
    'server/http/authentication.ts',
    'server/collab/protocol.ts',
    'server/collab/access.ts',
    'server/collab/rateLimit.ts',
    'server/collab/syncStep1Limiter.ts',
    'server/collab/authenticate.ts',
    'server/collab/accessWatcher.ts',
    'server/collab/updateGuard.ts',
    'server/collab/awarenessGate.ts',
    'server/collab/suggestGuard.ts',
    'server/realtime/handshake.ts',
    'server/realtime/access.ts',
    'server/realtime/requests.ts',
    'server/realtime/storedNotices.ts',
    '!**/*.test.ts',
  ],
  // Two cores: one test process per core on an idle machine. On a shared one, pass
  // `--concurrency 1` (docs/TESTING.md).
  concurrency: 2,
  // Real servers and sockets: a mutant that hangs a test is a timeout (counted as killed).
  timeoutMS: 30_000,
  timeoutFactor: 2,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 80, break: null },
};
