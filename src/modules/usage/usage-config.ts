import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { ConfigError, type Config } from '../../platform/config/config.ts';
import { metricIdPattern } from './domain/metric-catalogue.ts';
import { builtInCatalogue, type UsageCatalogue, type UsageSettings } from './services/usage-settings.ts';

const fileSchema = z
  .object({
    metrics: z
      .array(
        z.strictObject({
          id: z.string().regex(metricIdPattern, 'snake_case, 2–63 characters'),
          names: z.strictObject({ nb: z.string().min(1), nn: z.string().min(1), en: z.string().min(1) }),
        }),
      )
      .default([]),
    eventTypes: z.record(z.string().min(1), z.string().regex(metricIdPattern, 'a metric id')).default({}),
  })
  .strict();

/** The built-in catalogue plus the metrics and event types of `file`; a problem stops start-up in one line. */
export function usageCatalogueFrom(file: string | null): UsageCatalogue {
  if (file === null) return builtInCatalogue;
  let value: unknown;
  try {
    value = parse(readFileSync(file, 'utf8')) as unknown;
  } catch (error) {
    const reason =
      error instanceof Error && 'code' in error
        ? String(error.code)
        : error instanceof Error
          ? error.message.split('\n')[0]
          : 'unreadable';
    throw new ConfigError(`${file}: cannot read the usage file (${reason})`);
  }
  const parsed = fileSchema.safeParse(value ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`${file}: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
  }
  const metrics = [...builtInCatalogue.metrics];
  for (const [index, metric] of parsed.data.metrics.entries()) {
    if (metrics.some((m) => m.id === metric.id))
      throw new ConfigError(`${file}: metrics.${index}.id: ${metric.id} is already defined`);
    metrics.push(metric);
  }
  const known = new Set(metrics.map((m) => m.id));
  for (const [type, metric] of Object.entries(parsed.data.eventTypes)) {
    if (!known.has(metric)) throw new ConfigError(`${file}: eventTypes.${type}: unknown metric ${metric}`);
  }
  return { metrics, eventTypes: { ...builtInCatalogue.eventTypes, ...parsed.data.eventTypes } };
}

export function usageSettingsFrom(config: Config): UsageSettings {
  const { file, ...rest } = config.usage;
  return { catalogue: usageCatalogueFrom(file), ...rest };
}
