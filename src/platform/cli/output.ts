import { ConfigError } from '../config/config-error.ts';
import { isAppError } from '../services/app-error.ts';
import { UsageError } from './cli-run.ts';

export { UsageError };

/** What a failed command says and its exit code: 2 for bad input, 1 for everything else. Never a stack trace. */
export function errorOutcome(error: unknown): { code: number; message: string } {
  if (error instanceof UsageError || error instanceof ConfigError) return { code: 2, message: error.message };
  if (isAppError(error)) {
    const badInput = error.code === 'validation' || error.code === 'not-found' || error.code === 'conflict';
    return { code: badInput ? 2 : 1, message: error.message };
  }
  if (error instanceof Error) return { code: 1, message: error.message.split('\n')[0] ?? 'failed' };
  return { code: 1, message: String(error) };
}
