// Prints the CI's closing lines from vitest JSON reports: the storage contract once per
// engine (each suite is named `storage contract: <engine>`), the multi-process (scale-out)
// tests, then each run's totals. Exits 1 when a contract or the scale-out tests did not run at
// all (a skipped engine or a missing redis-server must not look like a pass).
//   node .ci/summary.mjs <main report> [<label>=<extra report> ...]
import console from 'node:console';
import { existsSync, readFileSync } from 'node:fs';
import process from 'node:process';

const [mainReport, ...extraReports] = process.argv.slice(2);
const read = (file) => JSON.parse(readFileSync(file, 'utf8'));
const count = (tests, status) => tests.filter((test) => test.status === status).length;
const line = (tests) =>
  `${count(tests, 'passed')} passed, ${count(tests, 'failed')} failed, ` +
  `${tests.length - count(tests, 'passed') - count(tests, 'failed')} skipped`;

let isIncomplete = false;
if (!existsSync(mainReport)) {
  console.log(`tests: no report (${mainReport})`);
  isIncomplete = true;
} else {
  const report = read(mainReport);
  const tests = report.testResults.flatMap((file) => file.assertionResults);
  for (const engine of ['sqlite', 'mongo']) {
    const suites = new Map();
    for (const test of tests) {
      const suite = test.ancestorTitles[0] ?? '';
      if (!suite.startsWith(`storage contract: ${engine}`)) continue;
      suites.set(suite, [...(suites.get(suite) ?? []), test]);
    }
    if (suites.size === 0) {
      console.log(`storage contract: ${engine}: did not run`);
      isIncomplete = true;
    }
    for (const [suite, suiteTests] of suites) {
      console.log(`${suite}: ${line(suiteTests)}`);
      if (count(suiteTests, 'passed') === 0) isIncomplete = true;
    }
  }
  // The multi-process tests need a real redis-server; they skip (one line) without one, which
  // must not pass unnoticed either.
  const scaleOut = report.testResults
    .filter((file) => file.name.includes('/tests/scaleout/'))
    .flatMap((file) => file.assertionResults);
  console.log(`scale-out (several processes, real redis-server): ${line(scaleOut)}`);
  if (count(scaleOut, 'passed') === 0) isIncomplete = true;
  const skipped = report.numPendingTests + report.numTodoTests;
  console.log(
    `tests: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skipped} skipped`,
  );
}
for (const argument of extraReports) {
  const [label, file] = argument.split('=');
  if (!existsSync(file)) {
    console.log(`${label}: no report`);
    isIncomplete = true;
    continue;
  }
  const report = read(file);
  console.log(`${label}: ${line(report.testResults.flatMap((result) => result.assertionResults))}`);
}
process.exit(isIncomplete ? 1 : 0);
