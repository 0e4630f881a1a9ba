#!/usr/bin/env node
// Runs every test file under test/ with Node's test runner (TypeScript through tsx), files in parallel.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';

function find(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'helpers' || name === 'fixtures' ? [] : find(full);
    return /\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

const filter = process.argv.slice(2);
const files = find('test')
  .filter((f) => filter.length === 0 || filter.some((part) => f.includes(part)))
  .sort();
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
