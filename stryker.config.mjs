// @ts-check
/**
 * Mutation testing of the modules that guard access and input (`npm run test:mutation`, which
 * runs scripts/mutation.ts; see docs/TESTING.md). Each mutant runs only against the tests that
 * cover it (per-test coverage), within its group's narrowed test set.
 * One file at a time: `npm run test:mutation -- server/auth/passwords.ts` (its group's tests).
 * Equivalent mutants are marked in the source with `// Stryker disable next-line <mutator>: <reason>`.
 */

/** Unit-level test sets: a mutant that loops forever costs 8 s, not the 30 s of socket tests. */
const UNIT_TIMEOUT_MS = 8_000;

/**
 * The scope and its map, in one place: each group is one Stryker run over its `files` (patterns
 * as in `mutate`) with its `tests` (Vitest include patterns, passed as MUTATION_TESTS to
 * vitest.mutation.config.ts), so no run's dry run goes through the whole suite.
 * @type {import('./stryker.config.d.mts').MutationGroup[]}
 */
export const mutationGroups = [
  {
    name: 'auth',
    files: ['server/auth/*.ts', 'server/http/originCheck.ts'],
    tests: [
      'server/auth/*.test.ts',
      'server/http/originCheck.test.ts',
      'tests/http/originMethods.test.ts',
      'tests/http/plumbing.test.ts',
      'tests/http/productionHost.test.ts',
    ],
    timeoutMS: UNIT_TIMEOUT_MS,
  },
  {
    name: 'http',
    files: [
      'server/http/validate.ts',
      'server/http/authentication.ts',
      'server/http/rateLimit.ts',
      'server/http/errorHandler.ts',
    ],
    tests: [
      'server/http/validate.test.ts',
      'tests/http/middleware.test.ts',
      'tests/http/errorHandler.test.ts',
    ],
    timeoutMS: UNIT_TIMEOUT_MS,
  },
  {
    name: 'policies',
    files: ['server/policies/*.ts', 'server/collab/access.ts'],
    tests: ['tests/policies/*.test.ts', 'tests/collab/decideAccess.test.ts'],
    timeoutMS: UNIT_TIMEOUT_MS,
  },
  {
    name: 'collab-protocol',
    files: [
      'server/collab/protocol.ts',
      'server/collab/rateLimit.ts',
      'server/collab/awarenessGate.ts',
      'server/collab/syncStep1Limiter.ts',
    ],
    tests: [
      'tests/collab/units.test.ts',
      'tests/collab/protocolCaps.test.ts',
      'tests/collab/awarenessUnits.test.ts',
      'tests/collab/awarenessGate.test.ts',
      'tests/collab/syncStep1Limiter.test.ts',
      'tests/collab/docCap.test.ts',
    ],
    timeoutMS: UNIT_TIMEOUT_MS,
  },
  {
    name: 'collab-guards',
    files: [
      'server/collab/updateGuard.ts',
      'server/collab/suggestGuard.ts',
      'server/collab/accessWatcher.ts',
    ],
    tests: [
      'tests/collab/updateGuard.test.ts',
      'tests/collab/updateGuardDeletions.test.ts',
      'tests/collab/suggestGuard.test.ts',
      'tests/collab/accessWatcher.test.ts',
      'tests/collab/accessWatcherRounds.test.ts',
    ],
    timeoutMS: UNIT_TIMEOUT_MS,
  },
  {
    name: 'collab-authenticate',
    files: ['server/collab/authenticate.ts'],
    tests: ['tests/collab/authenticateUpgrade.test.ts', 'tests/http/expiryBoundaries.test.ts'],
  },
  {
    name: 'realtime-handshake',
    files: ['server/realtime/handshake.ts', 'server/realtime/access.ts'],
    tests: ['tests/realtime/handshakeGate.test.ts', 'tests/realtime/roomAccess.test.ts'],
    timeoutMS: UNIT_TIMEOUT_MS,
  },
  {
    name: 'realtime-requests',
    files: ['server/realtime/requests.ts', 'server/realtime/storedNotices.ts'],
    tests: [
      'tests/realtime/requests.test.ts',
      'tests/realtime/storedNotices.test.ts',
      'tests/realtime/limits.test.ts',
      'tests/realtime/presence.test.ts',
      'tests/realtime/docStored.test.ts',
    ],
  },
];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  coverageAnalysis: 'perTest',
  mutate: [...mutationGroups.flatMap((group) => group.files), '!**/*.test.ts'],
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
