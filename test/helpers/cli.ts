import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const nivaBin = path.join(repoRoot, 'bin', 'niva');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The environment for a `niva` child process on a test database: silent logs, plus any overrides. */
export function nivaEnv(store: { url: string }, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, DATABASE_URL: store.url, LOG_LEVEL: 'silent', ...extra };
}

function newestSource(dir: string): number {
  return readdirSync(dir).reduce((newest, name) => {
    const full = path.join(dir, name);
    const stat = statSync(full);
    return Math.max(newest, stat.isDirectory() ? newestSource(full) : stat.mtimeMs);
  }, 0);
}

let buildChecked = false;

/** The child-process tests run the compiled binary: refuse to run them on a build older than the sources. */
function assertBuildCurrent(): void {
  if (buildChecked) return;
  const built = path.join(repoRoot, 'dist', 'niva.js');
  const sources = Math.max(newestSource(path.join(repoRoot, 'src')), newestSource(path.join(repoRoot, 'migrations')));
  if (!existsSync(built) || statSync(built).mtimeMs < sources)
    throw new Error('dist/ is older than the sources: run `npm run build` (npm test does) before this test');
  buildChecked = true;
}

/** Starts the compiled `node bin/niva …` without waiting for it (for long-running commands such as `worker`). */
export function spawnNiva(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  assertBuildCurrent();
  return spawn(process.execPath, [nivaBin, ...args], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * Runs `niva …` to completion in this process, through the same program factory as the binary, and collects its exit
 * status and output. `env` is the whole environment the command sees.
 */
export async function runNiva(args: string[], env: NodeJS.ProcessEnv, input = ''): Promise<CliResult> {
  const { runCli } = await import('../../src/app/cli-program.ts');
  let stdout = '';
  let stderr = '';
  const status = await runCli(args, {
    env,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    readStdin: () => input,
  });
  return { status, stdout, stderr };
}

/** Runs the compiled `node bin/niva …` as a child process to completion: the end-to-end check of the binary. */
export function runNivaBinary(
  args: string[],
  env: NodeJS.ProcessEnv,
  options: { timeoutMs?: number } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawnNiva(args, env);
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`niva ${args.join(' ')} did not finish within ${options.timeoutMs ?? 60_000} ms`));
    }, options.timeoutMs ?? 60_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

/** Parses stdout that must be exactly one JSON object on one line. */
export function jsonOutput(result: CliResult): Record<string, unknown> {
  const lines = result.stdout.trimEnd().split('\n');
  if (lines.length !== 1)
    throw new Error(`expected one line of JSON, got ${lines.length}: ${result.stdout}${result.stderr}`);
  const value: unknown = JSON.parse(lines[0] ?? '');
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error(`expected a JSON object, got ${result.stdout}`);
  return value as Record<string, unknown>;
}

/** Stops a child process and waits for it to exit (SIGKILL if it ignores SIGTERM for 5 s). */
export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
