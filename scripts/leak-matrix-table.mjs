#!/usr/bin/env node
/*
 * Rewrites the matrix table of docs/access/leak-suite.md from the last run of
 * the leak suite (test-results/leak-matrix.json): one row per route, one
 * column per caller, each cell `internal target / partner-facing target /
 * missing target` (`–` where the suite does not call it).
 *
 *   node scripts/leak-matrix-table.mjs [matrix.json]
 *
 * Run `yarn prettier --write docs/access/leak-suite.md` afterwards.
 */
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const source =
  process.argv[2] ??
  path.join(
    root,
    process.env.READINESS_TEST_RESULTS ?? 'test-results',
    'leak-matrix.json',
  );
const doc = path.join(root, 'docs/access/leak-suite.md');

const CALLERS = {
  internal: 'internal user',
  acme: 'Acme',
  globex: 'Globex',
  anonymous: 'anonymous',
  'perf-token': 'perf token',
  'dr-token': 'DR token',
  'compliance-token': 'compliance token',
  'scorecards-token': 'scorecards token',
  'events-token': 'partner events token',
  'ci-token': 'CI token',
};
const TARGETS = ['internal', 'partner', 'missing'];

if (!fs.existsSync(source)) {
  process.stderr.write(
    `No ${path.relative(
      root,
      source,
    )}: run the leak suite first (yarn playwright test --project=leaks)\n`,
  );
  process.exit(1);
}
const matrix = JSON.parse(fs.readFileSync(source, 'utf8'));
const seen = new Set(
  Object.values(matrix).flatMap(cells => Object.keys(cells)),
);
const unknown = [...seen].filter(id => !CALLERS[id]);
if (unknown.length > 0) {
  process.stderr.write(
    `Callers without a column name: ${unknown.join(
      ', ',
    )} (add them to CALLERS)\n`,
  );
  process.exit(1);
}
const columns = Object.keys(CALLERS).filter(id => seen.has(id));

const cell = variants =>
  TARGETS.map(target => variants?.[target]?.status ?? '–').join('/');
const rows = Object.keys(matrix)
  .sort()
  .map(
    route =>
      `| \`${route}\` | ${columns
        .map(id => cell(matrix[route][id]))
        .join(' | ')} |`,
  );
const table = [
  `| route | ${columns.map(id => CALLERS[id]).join(' | ')} |`,
  `| --- | ${columns.map(() => '---').join(' | ')} |`,
  ...rows,
].join('\n');

const text = fs.readFileSync(doc, 'utf8');
const lines = text.split('\n');
const start = lines.findIndex(line => line.startsWith('| route '));
if (start < 0) {
  process.stderr.write(`No matrix table in ${path.relative(root, doc)}\n`);
  process.exit(1);
}
let end = start;
while (end < lines.length && lines[end].startsWith('|')) end++;
lines.splice(start, end - start, table);
fs.writeFileSync(doc, lines.join('\n'));
process.stdout.write(
  `${path.relative(root, doc)}: ${rows.length} routes × ${
    columns.length
  } callers\n`,
);
