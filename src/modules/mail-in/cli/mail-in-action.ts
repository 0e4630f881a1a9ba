// `niva mail-in`: the SMTP intake, loaded when it runs (the SMTP and MIME libraries are slow to load).
import { createLogger } from '../../../platform/logging/logger.ts';
import { isIncidentCategory } from '../../cases/index.ts';
import { openStore } from '../../../platform/db/database.ts';
import { migrateToLatest } from '../../../platform/db/migrate.ts';
import { type CliRun, UsageError } from '../../../platform/cli/cli-run.ts';
import { numberOption } from '../../../platform/cli/args.ts';
import { defaultMaxMailBytes, startMailListener } from './mail-listener.ts';

/** A whole number option within `min`–`max`, or undefined when it is not given. */
function wholeOption(name: string, value: string | undefined, min: number, max: number): number | undefined {
  return value === undefined ? undefined : numberOption(name, value, { min, max }, `a whole number ${min}–${max}`);
}

export interface MailInOptions {
  port?: string;
  host?: string;
  caseType: string;
  category?: string;
  maxSize?: string;
  json?: boolean;
}

export async function mailIn(run: CliRun, opts: MailInOptions): Promise<void> {
  if (opts.caseType !== 'support-request' && opts.caseType !== 'incident')
    throw new UsageError('--case-type: support-request or incident');
  const given = opts.category?.toUpperCase();
  if (given !== undefined && !isIncidentCategory(given)) throw new UsageError('--category: A, B or C');
  const category = given !== undefined && isIncidentCategory(given) ? given : undefined;
  if (opts.caseType === 'incident' && category === undefined)
    throw new UsageError('--category: an incident needs category A, B or C');
  if (opts.caseType !== 'incident' && category !== undefined)
    throw new UsageError('--category: only with --case-type incident');
  const config = await run.config();
  const port = wholeOption('--port', opts.port, 0, 65535) ?? config.mailInPort;
  const maxBytes = wholeOption('--max-size', opts.maxSize, 1024, 1024 * 1024 * 1024) ?? defaultMaxMailBytes;
  const logger = createLogger(config.logLevel, 'niva-mail-in');
  const store = openStore(config.databaseUrl, { poolSize: 4 });
  const ctx = await run.context(store, 'mail-in');
  let listener: Awaited<ReturnType<typeof startMailListener>>;
  try {
    await migrateToLatest(store);
    listener = await startMailListener({
      ctx,
      port,
      host: opts.host ?? config.host,
      kind: opts.caseType,
      ...(category ? { category } : {}),
      maxBytes,
      auth: config.mailInAuth,
      logger,
    });
  } catch (error) {
    await store.close();
    throw error;
  }
  run.print(
    !!opts.json,
    {
      listening: true,
      host: listener.host,
      port: listener.port,
      caseType: opts.caseType,
      category: category ?? null,
      maxBytes,
    },
    `Nivå mail intake is listening on ${listener.host}:${listener.port} (new mail becomes: ${opts.caseType}${category ? ` ${category}` : ''}; database: ${store.dialect})`,
  );
  const shutdown = () => {
    void listener
      .close()
      .then(() => store.close())
      .then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}
