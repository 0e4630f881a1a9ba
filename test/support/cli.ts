import { type ChildProcess, spawn } from 'node:child_process';
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

/** Starts `node bin/niva …` without waiting for it (for long-running commands such as `worker`). */
export function spawnNiva(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [nivaBin, ...args], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Runs `node bin/niva …` to completion and collects its exit status and output. */
export function runNiva(
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
