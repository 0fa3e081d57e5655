// Prints the totals of a ./portal test run: every Jest test, every Playwright
// test, and each whole-repository check step (prettier, type check, lint,
// frontend build, services) counted as one. Exits non-zero when anything failed.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.READINESS_TEST_RESULTS ?? 'test-results';
const read = file =>
  existsSync(join(dir, file))
    ? readFileSync(join(dir, file), 'utf8')
    : undefined;

const steps = (read('steps.tsv') ?? '')
  .trim()
  .split('\n')
  .filter(Boolean)
  .map(line => {
    const [name, status, seconds] = line.split('\t');
    return { name, status, seconds: Number(seconds) };
  });

const rows = [];
let passed = 0;
let failed = 0;

const jestRaw = read('jest.json');
if (jestRaw) {
  const jest = JSON.parse(jestRaw);
  // A suite that fails to load has no test results; count it as one failure
  const brokenSuites = (jest.testResults ?? []).filter(
    s => s.status === 'failed' && (s.assertionResults ?? []).length === 0,
  ).length;
  rows.push([
    'Jest tests',
    jest.numPassedTests,
    jest.numFailedTests + brokenSuites,
  ]);
  passed += jest.numPassedTests;
  failed += jest.numFailedTests + brokenSuites;
} else {
  rows.push(['Jest tests', 0, 1]);
  failed += 1;
}

const pwRaw = read('playwright.json');
if (pwRaw) {
  const pw = JSON.parse(pwRaw);
  const ok = (pw.stats?.expected ?? 0) + (pw.stats?.flaky ?? 0);
  const bad = pw.stats?.unexpected ?? 0;
  const errors = (pw.errors ?? []).length;
  rows.push(['Playwright tests', ok, bad + errors]);
  passed += ok;
  failed += bad + errors;
} else {
  rows.push(['Playwright tests', 0, 1]);
  failed += 1;
}

for (const s of steps) {
  if (
    s.name.startsWith('unit and integration') ||
    s.name.startsWith('browser')
  ) {
    continue;
  }
  rows.push([
    `check: ${s.name}`,
    s.status === 'passed' ? 1 : 0,
    s.status === 'passed' ? 0 : 1,
  ]);
  if (s.status === 'passed') passed += 1;
  else failed += 1;
}
// A test runner that crashed without failing a test still fails the run
const runnerCrashed = steps.some(
  s =>
    (s.name.startsWith('unit and integration') ||
      s.name.startsWith('browser')) &&
    s.status !== 'passed',
);
if (runnerCrashed && failed === 0) {
  rows.push(['test runner exited non-zero', 0, 1]);
  failed += 1;
}

const width = Math.max(...rows.map(r => r[0].length));
for (const [name, p, f] of rows) {
  console.log(
    `    ${name.padEnd(width)}  ${String(p).padStart(4)} passed  ${String(
      f,
    ).padStart(3)} failed`,
  );
}
const total = steps.reduce((sum, s) => sum + s.seconds, 0);
console.log(`    took ${Math.floor(total / 60)} min ${total % 60} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
