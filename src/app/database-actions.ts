// `niva migrate` and `niva seed`: prepare the database the other commands run on, without loading the web app.
import type { CliRun } from '../platform/cli/cli-run.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { systemClock } from '../platform/domain/clock.ts';
import { demoPassword, seedDemo } from './demo/seed-demo.ts';

export async function migrate(run: CliRun, opts: { json?: boolean }): Promise<void> {
  const { applied } = await run.withStore((store) => migrateToLatest(store), { migrate: false });
  run.print(!!opts.json, { applied }, applied.length ? `applied: ${applied.join(', ')}` : 'the database is up to date');
}

export async function seed(run: CliRun, opts: { json?: boolean }): Promise<void> {
  const result = await run.withStore((store) => seedDemo({ store, clock: systemClock }));
  run.print(
    !!opts.json,
    { seeded: result.seeded, logins: result.logins.map((l) => l.email), password: demoPassword },
    result.seeded
      ? `demo data created; logins use the password ${demoPassword}`
      : 'the database already has data; nothing seeded',
  );
}
