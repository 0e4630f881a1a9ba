// The files a command reads (imports, interval and event files): refused in one wording when they cannot be read.
import { readFileSync, type Stats, statSync } from 'node:fs';
import { UsageError } from './cli-run.ts';

function unreadable(file: string, code: string | undefined): UsageError {
  return new UsageError(
    `${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : 'cannot be read'}`,
  );
}

const codeOf = (error: unknown): string | undefined => (error as NodeJS.ErrnoException).code;

/** The file's bytes, or a usage error: `FILE: no such file`, `FILE: is a directory`, `FILE: cannot be read`. */
export function readInputFile(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    throw unreadable(file, codeOf(error));
  }
}

/** The file's size in bytes, for a file that is streamed rather than read whole; refused as `readInputFile` does. */
export function inputFileSize(file: string): number {
  let stat: Stats;
  try {
    stat = statSync(file);
  } catch (error) {
    throw unreadable(file, codeOf(error));
  }
  if (stat.isDirectory()) throw unreadable(file, 'EISDIR');
  return stat.size;
}

/** The file's text, or a usage error when it cannot be a CSV file at all. */
export function readCsvText(file: string): string {
  const bytes = readInputFile(file);
  // Text never holds NUL bytes; spreadsheets (.xlsx), archives and images do within their first bytes.
  if (bytes.includes(0))
    throw new UsageError(`${file}: not a CSV file (binary content; export the sheet as CSV UTF-8)`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError(`${file}: not a CSV file (not UTF-8 text; export it as CSV UTF-8)`);
  }
}

/** Semicolons when the header has more of them than commas: what spreadsheets write in a Norwegian locale. */
export function csvDelimiter(text: string): ',' | ';' {
  const header = text.split(/\r\n|\r|\n/, 1)[0] ?? '';
  const count = (c: string) => header.split(c).length - 1;
  return count(';') > count(',') ? ';' : ',';
}
