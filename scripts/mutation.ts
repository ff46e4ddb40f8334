/**
 * `npm run test:mutation`: mutation testing of the modules that guard access and input, one
 * Stryker run per group of files, each with the tests that cover that group (`MUTATION_TESTS`,
 * read by vitest.mutation.config.ts). Without the narrowing every run's dry run went through the
 * whole non-browser suite, and a full run could not fit its 20 minutes on two cores.
 * Prints one table of scores per file (from each run's JSON report) and exits non-zero when a
 * file scores below `MINIMUM_SCORE` or a run fails. See docs/TESTING.md, "Mutation testing".
 *
 *   npm run test:mutation                                   every group
 *   npm run test:mutation -- policies realtime-handshake    the named groups
 *   npm run test:mutation -- server/collab/accessWatcher.ts one file, with its group's tests
 *   npm run test:mutation -- --concurrency 1 …              on a machine shared with others
 *   npm run test:mutation -- --list                         the groups, their files and tests
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import strykerConfig, { mutationGroups, type MutationGroup } from '../stryker.config.mjs';

/** Below this, a file fails the run (issue 20). */
const MINIMUM_SCORE = 90;

/** One file's outcome in a run's JSON report (mutation-testing-report-schema). */
interface FileScore {
  file: string;
  group: string;
  detected: number;
  survived: number;
  noCoverage: number;
  score: number;
  /** "line:column Mutator: replacement" of each undetected mutant. */
  undetected: string[];
}

interface ReportMutant {
  status: string;
  mutatorName: string;
  replacement?: string;
  location: { start: { line: number; column: number } };
}

/** The per-file scores of the JSON report at `reportPath`. */
function readScores(reportPath: string, group: string): FileScore[] {
  const report = JSON.parse(readFileSync(reportPath, 'utf8')) as {
    files: Record<string, { mutants: ReportMutant[] }>;
  };
  return Object.entries(report.files).map(([file, { mutants }]) => {
    const count = (...statuses: string[]) =>
      mutants.filter((mutant) => statuses.includes(mutant.status)).length;
    const detected = count('Killed', 'Timeout');
    const survived = count('Survived');
    const noCoverage = count('NoCoverage');
    const total = detected + survived + noCoverage;
    return {
      file,
      group,
      detected,
      survived,
      noCoverage,
      // Stryker's own score: ignored (marked equivalent) and erroring mutants do not count.
      score: total === 0 ? 100 : (100 * detected) / total,
      undetected: mutants
        .filter((mutant) => mutant.status === 'Survived' || mutant.status === 'NoCoverage')
        .map(
          ({ location, mutatorName, replacement, status }) =>
            `${location.start.line}:${location.start.column} ${mutatorName} (${status}): ${(replacement ?? '').replace(/\s+/g, ' ').slice(0, 80)}`,
        ),
    };
  });
}

/** Whether `file` matches a `mutate` pattern (`*` stands for any name within one folder). */
function matchesPattern(file: string, pattern: string): boolean {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]*');
  return new RegExp(`^${source}$`).test(file);
}

/** What the command line asks for: the runs (group and files to mutate) and the concurrency. */
function parseArguments(args: string[]): {
  runs: Array<{ group: MutationGroup; files: string[] }>;
  concurrency: string | null;
  isListing: boolean;
} {
  let concurrency: string | null = null;
  const wanted: string[] = [];
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index]!;
    if (arg === '--concurrency') concurrency = args[++index] ?? null;
    else if (arg.startsWith('--concurrency=')) concurrency = arg.slice('--concurrency='.length);
    else if (arg !== '--list') wanted.push(arg);
  }
  if (concurrency !== null && !/^[1-9][0-9]*$/.test(concurrency)) {
    throw new Error('--concurrency takes a positive whole number');
  }
  const runs = wanted.map((name) => {
    const group = mutationGroups.find((candidate) => candidate.name === name);
    if (group) return { group, files: group.files };
    // A file: its group's tests, that file only.
    const holder = mutationGroups.find((candidate) =>
      candidate.files.some((pattern) => matchesPattern(name, pattern)),
    );
    if (!holder) throw new Error(`${name} is neither a group nor a file of the mutation scope`);
    return { group: holder, files: [name] };
  });
  return {
    runs: runs.length > 0 ? runs : mutationGroups.map((group) => ({ group, files: group.files })),
    concurrency,
    isListing: args.includes('--list'),
  };
}

function main(): number {
  const { runs, concurrency, isListing } = parseArguments(process.argv.slice(2));
  if (isListing) {
    for (const { name, files, tests } of mutationGroups) {
      console.log(`${name}\n  files: ${files.join(' ')}\n  tests: ${tests.join(' ')}`);
    }
    return 0;
  }
  const reportDir = path.join('reports', 'mutation', 'groups');
  mkdirSync(reportDir, { recursive: true });
  const scores: FileScore[] = [];
  const failedRuns: string[] = [];
  const timings: string[] = [];
  const started = Date.now();
  for (const { group, files } of runs) {
    // Globs such as server/auth/*.ts also match the tests next to the sources.
    const args = ['stryker', 'run', '--mutate', [...files, '!**/*.test.ts'].join(',')];
    if (concurrency) args.push('--concurrency', concurrency);
    if (group.timeoutMS) args.push(`--timeoutMS=${group.timeoutMS}`);
    console.log(`\n=== ${group.name}: ${files.join(', ')}\n    tests: ${group.tests.join(', ')}`);
    const groupStarted = Date.now();
    const result = spawnSync('npx', args, {
      stdio: 'inherit',
      env: { ...process.env, MUTATION_TESTS: group.tests.join(',') },
    });
    timings.push(`${group.name}: ${minutes(Date.now() - groupStarted)}`);
    if (result.status !== 0) {
      failedRuns.push(group.name);
      continue;
    }
    // Each run overwrites stryker.config.mjs's report: keep this group's.
    const kept = path.join(reportDir, `${group.name}.json`);
    copyFileSync(strykerConfig.jsonReporter?.fileName ?? 'reports/mutation/mutation.json', kept);
    scores.push(...readScores(kept, group.name));
  }
  printTable(scores);
  console.log(`\nTime: ${minutes(Date.now() - started)} (${timings.join('; ')})`);
  const below = scores.filter((score) => score.score < MINIMUM_SCORE);
  if (failedRuns.length > 0) console.error(`Stryker failed for: ${failedRuns.join(', ')}`);
  if (below.length > 0) {
    console.error(`Below ${MINIMUM_SCORE} %: ${below.map((score) => score.file).join(', ')}`);
  }
  return failedRuns.length > 0 || below.length > 0 ? 1 : 0;
}

function printTable(scores: FileScore[]): void {
  const rows = [...scores]
    .sort((a, b) => a.file.localeCompare(b.file))
    .map((score) => [
      score.file,
      `${score.score.toFixed(1)} %`,
      `${score.detected} / ${score.survived} / ${score.noCoverage}`,
      score.group,
    ]);
  const header = ['file', 'score', 'killed+timeout / survived / no coverage', 'group'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join(' | ')
      .trimEnd();
  console.log(`\n${line(header)}\n${widths.map((width) => '-'.repeat(width)).join('-|-')}`);
  for (const row of rows) console.log(line(row));
  for (const score of scores.filter((candidate) => candidate.undetected.length > 0)) {
    console.log(`\nUndetected in ${score.file}:`);
    for (const mutant of score.undetected) console.log(`  ${mutant}`);
  }
}

function minutes(ms: number): string {
  return `${(ms / 60_000).toFixed(1)} min`;
}

process.exitCode = main();
