// One invocation of the command line: its input and output, its environment and its exit code. Commands write through
// it rather than to `process`, so the same program runs as the `niva` binary and in-process in the tests.
// Kept light on purpose: `niva --help` loads this file, so heavy modules are imported only where they are used.
import { userInfo } from 'node:os';
import type { Config } from '../config/config.ts';
import type { Calendar } from '../domain/calendar/calendar.ts';
import type { CalendarRegistry } from '../domain/calendar/calendar-registry.ts';
import type { ServiceContext } from '../services/context.ts';
import type { Store } from '../db/database.ts';

export interface CliStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface CliIo {
  env: Readonly<Record<string, string | undefined>>;
  stdout: CliStream;
  stderr: CliStream;
  /** All of standard input as text (for `--password-stdin`). */
  readStdin(): string;
}

/** Thrown for bad command-line usage; exits 2 like other usage errors. */
export class UsageError extends Error {}

export class CliRun {
  exitCode = 0;
  private loadedConfig: Config | null = null;
  private calendarRegistry: CalendarRegistry | null = null;
  private messagesLoaded: Promise<void> | null = null;

  /**
   * `installMessages` is the composition's: it loads every module's UI texts and installs them for `translator`. It
   * is called only by commands that lay out translated text, so the others (and `--help`) never load the catalogues.
   */
  constructor(
    readonly io: CliIo,
    private readonly installMessages: () => Promise<void> = () =>
      Promise.reject(new Error('this program has no UI texts to install')),
  ) {}

  /** The configuration from this run's environment, validated once; a bad value is a ConfigError (exit 2). */
  async config(): Promise<Config> {
    if (!this.loadedConfig) {
      const { loadConfig } = await import('../config/config.ts');
      this.loadedConfig = loadConfig({ ...this.io.env });
    }
    return this.loadedConfig;
  }

  /** The built-in calendars plus those of NIVA_CALENDARS_FILE, read once per run; a bad file is a ConfigError. */
  async calendars(): Promise<CalendarRegistry> {
    if (!this.calendarRegistry) {
      const file = (await this.config()).calendarsFile;
      // Without a calendars file only the built-in calendars are needed, not the file parser and its schemas: this
      // keeps `calendar due` and the other calculators quick to start.
      this.calendarRegistry =
        file === null
          ? (await import('../domain/calendar/calendar-registry.ts')).builtInCalendars()
          : (await import('../calendar-config.ts')).calendarRegistryFrom(file);
    }
    return this.calendarRegistry;
  }

  /** The calendar `id`; an unknown one is a usage error naming --calendar and the known ids. */
  async calendar(id: string): Promise<Calendar> {
    return (await this.calendarLookup())(id);
  }

  /** Looks calendars up by id as `calendar` does, for what takes a lookup (notice rules, availability). */
  async calendarLookup(): Promise<(id: string) => Calendar> {
    const registry = await this.calendars();
    return (id) => {
      const calendar = registry.get(id);
      if (!calendar) throw new UsageError(`--calendar: unknown calendar ${id} (known: ${registry.ids().join(', ')})`);
      return calendar;
    };
  }

  /** Installs the program's UI texts (the platform's and every module's) once per run, before a command translates. */
  async loadMessages(): Promise<void> {
    this.messagesLoaded ??= this.installMessages();
    await this.messagesLoaded;
  }

  /** One JSON line with `--json`, the human text otherwise. */
  print(json: boolean, value: Record<string, unknown> | unknown[], human: string): void {
    this.io.stdout.write(json ? `${JSON.stringify(value)}\n` : `${human}\n`);
  }

  /** Opens the configured database (migrated unless told otherwise), runs `work`, and always closes it. */
  async withStore<T>(work: (store: Store) => Promise<T>, options: { migrate?: boolean } = {}): Promise<T> {
    const [{ openStore }, { migrateToLatest }] = await Promise.all([
      import('../db/database.ts'),
      import('../db/migrate.ts'),
    ]);
    const store = openStore((await this.config()).databaseUrl, { poolSize: 2 });
    try {
      if (options.migrate !== false) await migrateToLatest(store);
      return await work(store);
    } finally {
      await store.close();
    }
  }

  /**
   * The operation context of a command: the system clock, and an actor named after the person at the terminal or,
   * for a long-running listener, after what it is (`label`).
   */
  async context(store: Store, label = `cli:${userInfo().username}`): Promise<ServiceContext> {
    const [{ systemClock }, { systemActor }] = await Promise.all([
      import('../domain/clock.ts'),
      import('../services/actor.ts'),
    ]);
    return {
      db: store.db,
      dialect: store.dialect,
      clock: systemClock,
      calendars: await this.calendars(),
      limits: (await this.config()).limits,
      actor: systemActor(label),
      requestId: null,
    };
  }
}
