import { pino, type Logger } from 'pino';
import type { Config } from '../config/config.ts';

/** The process's JSON logger: one line per entry, ISO timestamps, and the service that wrote it. */
export function createLogger(level: Config['logLevel'], service = 'niva'): Logger {
  return pino({ level, base: { service }, timestamp: pino.stdTimeFunctions.isoTime });
}
