#!/usr/bin/env node
// Runs every test file under test/ with Node's test runner (TypeScript through tsx), files in parallel.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';

function find(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'helpers' || name === 'fixtures' ? [] : find(full);
    return /\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

// The files that take longest start first, so that no long file starts last and leaves the other lanes idle.
const slowFirst = [
  'test/app/security/',
  'test/app/route-matrix',
  'test/app/browser/',
  'test/app/cli/',
  'test/app/demo/',
  'test/platform/domain/calendar-property',
  'test/reports/',
  'test/usage/',
];
const rank = (file) => {
  const at = slowFirst.findIndex((part) => file.split(path.sep).join('/').startsWith(part));
  return at === -1 ? slowFirst.length : at;
};

// A file that opens no database proves nothing more on a second dialect: with TEST_DATABASE_FILES_ONLY set (the
// PostgreSQL pass of CI) only files that reach a database run. The browser test drives the same pages over either.
const reachesDatabase = (file) =>
  !file.includes(`${path.sep}browser${path.sep}`) &&
  /test-store|test-app|demo-store|openRuntime|runNiva|spawnNiva|openStore|createThrowaway|DATABASE_URL/.test(
    readFileSync(file, 'utf8'),
  );

const filter = process.argv.slice(2);
const files = find('test')
  .filter((f) => filter.length === 0 || filter.some((part) => f.includes(part)))
  .filter((f) => !process.env.TEST_DATABASE_FILES_ONLY || reachesDatabase(f))
  .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
if (files.length === 0) {
  console.error('no test files matched');
  process.exit(1);
}
// Two test files per core: a file spends much of its time waiting on its database, a server it started or a browser,
// so one per core leaves the cores idle (measured in docs/benchmarks.md, "The test suite's own speed").
const concurrency = process.env.TEST_CONCURRENCY ?? String(2 * availableParallelism());
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...files],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
