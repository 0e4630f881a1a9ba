import { ConfigError } from '../config.ts';
import { isAppError } from '../services/app-error.ts';

/** Thrown for bad command-line usage; exits 2 like other usage errors. */
export class UsageError extends Error {}

export function print(json: boolean, value: Record<string, unknown>, human: string): void {
  process.stdout.write(json ? `${JSON.stringify(value)}\n` : `${human}\n`);
}

/** One readable line on stderr and an exit code: 2 for bad input, 1 for everything else. Never a stack trace. */
export function fail(error: unknown): never {
  let code = 1;
  let message: string;
  if (error instanceof UsageError || error instanceof ConfigError) {
    code = 2;
    message = error.message;
  } else if (isAppError(error)) {
    code = error.code === 'validation' || error.code === 'not-found' || error.code === 'conflict' ? 2 : 1;
    message = error.message;
  } else if (error instanceof Error) {
    message = error.message.split('\n')[0] ?? 'failed';
  } else {
    message = String(error);
  }
  process.stderr.write(`niva: ${message}\n`);
  process.exit(code);
}
