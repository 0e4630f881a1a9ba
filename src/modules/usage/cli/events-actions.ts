// `niva events ingest`: loaded when it runs.
import { closeSync, createReadStream, openSync, readFileSync, readSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { ServiceContext } from '../../../platform/services/context.ts';
import { ingestUsageEvents, type IngestItem } from '../services/ingest-usage-events.ts';
import type { UsageSettings } from '../services/usage-settings.ts';
import { usageSettingsFrom } from '../usage-config.ts';
import { type CliRun, UsageError } from '../../../platform/cli/cli-run.ts';
import { withProgress } from '../../../platform/cli/progress.ts';
import { inputFileSize } from '../../../platform/cli/input-file.ts';

const batchSize = 1000;

interface Totals {
  accepted: number;
  duplicates: number;
  rejected: number;
  /** `line 12: data.count: must not be negative`, at most `maxListed` of them. */
  problems: string[];
}

const maxListed = 50;

/** `[` first means one JSON array; anything else is read as NDJSON, one event per line. */
function startsWithArray(file: string): boolean {
  // Only the head is read: an NDJSON file may be far larger than memory, and it is streamed afterwards.
  const buffer = Buffer.alloc(4096);
  const fd = openSync(file, 'r');
  let length: number;
  try {
    length = readSync(fd, buffer, 0, buffer.length, 0);
  } finally {
    closeSync(fd);
  }
  const head = buffer.subarray(0, length);
  if (head.includes(0)) throw new UsageError(`${file}: not JSON (binary content)`);
  return head.toString('utf8').trimStart().startsWith('[');
}

async function sendBatch(
  ctx: ServiceContext,
  settings: UsageSettings,
  items: IngestItem[],
  labels: string[],
  totals: Totals,
): Promise<void> {
  if (items.length === 0) return;
  const result = await ingestUsageEvents(ctx, { items, settings });
  totals.accepted += result.accepted;
  totals.duplicates += result.duplicates;
  totals.rejected += result.rejected.length;
  for (const r of result.rejected) {
    if (totals.problems.length < maxListed)
      totals.problems.push(`${labels[r.index] ?? `event ${r.index}`}: ${r.field}: ${r.reason}`);
  }
}

async function ingestNdjson(
  ctx: ServiceContext,
  settings: UsageSettings,
  file: string,
  size: number,
  update: (done: number, total: number) => void,
  totals: Totals,
): Promise<void> {
  const stream = createReadStream(file, { encoding: 'utf8' });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let items: IngestItem[] = [];
  let labels: string[] = [];
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    try {
      items.push({ value: JSON.parse(line) as unknown });
    } catch {
      items.push({ unparsable: 'the line is not valid JSON' });
    }
    labels.push(`line ${lineNumber}`);
    if (items.length === batchSize) {
      await sendBatch(ctx, settings, items, labels, totals);
      update(stream.bytesRead, size);
      items = [];
      labels = [];
    }
  }
  await sendBatch(ctx, settings, items, labels, totals);
  update(size, size);
}

async function ingestArray(
  ctx: ServiceContext,
  settings: UsageSettings,
  file: string,
  update: (done: number, total: number) => void,
  totals: Totals,
): Promise<void> {
  let events: unknown;
  try {
    events = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (error) {
    throw new UsageError(`${file}: not valid JSON (${error instanceof Error ? error.message : 'parse error'})`);
  }
  if (!Array.isArray(events)) throw new UsageError(`${file}: expected a JSON array of events or NDJSON`);
  for (let start = 0; start < events.length; start += batchSize) {
    const slice = events.slice(start, start + batchSize) as unknown[];
    await sendBatch(
      ctx,
      settings,
      slice.map((value) => ({ value })),
      slice.map((_, i) => `event ${start + i}`),
      totals,
    );
    update(Math.min(start + batchSize, events.length), events.length);
  }
}

export interface IngestOptions {
  json?: boolean;
}

export async function ingest(run: CliRun, file: string, opts: IngestOptions): Promise<void> {
  const size = inputFileSize(file);
  const settings = usageSettingsFrom(await run.config());
  const array = startsWithArray(file);
  const totals: Totals = { accepted: 0, duplicates: 0, rejected: 0, problems: [] };
  await run.withStore((store) =>
    withProgress(run, !!opts.json, async (update) => {
      const ctx = await run.context(store);
      return array
        ? ingestArray(ctx, settings, file, update, totals)
        : ingestNdjson(ctx, settings, file, size, update, totals);
    }),
  );
  if (!opts.json) for (const problem of totals.problems) run.io.stderr.write(`${problem}\n`);
  if (!opts.json && totals.rejected > totals.problems.length)
    run.io.stderr.write(`… and ${totals.rejected - totals.problems.length} more rejected\n`);
  run.print(
    !!opts.json,
    { accepted: totals.accepted, duplicates: totals.duplicates, rejected: totals.rejected },
    `${file}: ${totals.accepted} counted, ${totals.duplicates} already counted, ${totals.rejected} rejected`,
  );
  // Counted events stay counted; a non-zero exit tells a script that some events need attention.
  if (totals.rejected > 0) run.exitCode = 1;
}
