import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { csvCases, parseColumnMap } from '../../../src/modules/cases/cli/case-import.ts';
import { readCsvText } from '../../../src/platform/cli/input-file.ts';
import { UsageError } from '../../../src/platform/cli/output.ts';

const header =
  'external_id,type,category,owner,title,registered_at,work_started_at,workaround_at,resolved_at,feedback_at';
const noMap = parseColumnMap(undefined);

describe('reading an import file', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'niva-csv-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('numbers rows by the line they start on, across CRLF, blank lines and quoted line breaks', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = `\uFEFF${header},description${eol}X-1,incident,A,skd,En,2026-03-02,,,,,"to${eol}linjer"${eol}${eol}X-2,incident,B,skd,To,2026-03-02,,,,,${eol}X-3,incident,C,skd,Tre,2026-03-02,,,,,ok`;
      const { rows } = csvCases('f.csv', text, noMap);
      assert.deepEqual(
        rows.map((r) => [r.line, r.values.external_id]),
        [
          [2, 'X-1'],
          [5, 'X-2'],
          [6, 'X-3'],
        ],
        JSON.stringify(eol),
      );
      assert.equal(rows[0]?.values.description, `to${eol}linjer`);
    }
  });

  it('reads semicolons, header names in any case, and ignores columns it does not know', () => {
    const text = `${header.toUpperCase().replaceAll(',', ';')};Comment\nX-1;incident;A;skd;En;2026-03-02;;;;;fine`;
    const { rows } = csvCases('f.csv', text, noMap);
    assert.deepEqual(rows[0]?.values, {
      external_id: 'X-1',
      type: 'incident',
      category: 'A',
      owner: 'skd',
      title: 'En',
      registered_at: '2026-03-02',
      work_started_at: '',
      workaround_at: '',
      resolved_at: '',
      feedback_at: '',
    });
  });

  it('flags a row with more fields than the header, and treats missing trailing fields as empty', () => {
    const { rows } = csvCases(
      'f.csv',
      `${header}\nX-1,incident,A,skd,En,2026-03-02,,,,,surplus\nX-2,incident,A,skd,To,2026-03-02`,
      noMap,
    );
    assert.equal(rows[0]?.malformed, 'has 11 fields, the header 10');
    assert.equal(rows[1]?.malformed, undefined);
    assert.equal(rows[1]?.values.feedback_at, '');
  });

  const table: [string, string, RegExp][] = [
    ['no header at all', '\n\n', /^f\.csv: not a CSV file \(it is empty\)$/],
    [
      'missing columns, named',
      'external_id,type,owner\n',
      /^f\.csv: not a CSV file of cases \(missing columns category, title, registered_at, work_started_at, workaround_at, resolved_at, feedback_at\)$/,
    ],
    ['an unclosed quote', `${header}\n"X-1,incident`, /^f\.csv: not a CSV file \(Quote Not Closed/],
  ];
  for (const [what, text, message] of table) {
    it(`refuses ${what}`, () =>
      assert.throws(
        () => csvCases('f.csv', text, noMap),
        (e: unknown) => e instanceof UsageError && message.test(e.message),
      ));
  }

  it('makes the type column optional with a default type', () => {
    const { rows } = csvCases('f.csv', header.replace('type,', '') + '\nX-1,,skd,En,2026-03-02,,,,', noMap, {
      typeOptional: true,
    });
    assert.equal(rows[0]?.values.type, undefined);
  });

  it('maps contract columns to other header names, and names them when missing', () => {
    const map = parseColumnMap('external_id=Ticket ID, registered_at = Opened');
    assert.deepEqual(
      [...map],
      [
        ['external_id', 'Ticket ID'],
        ['registered_at', 'Opened'],
      ],
    );
    const renamed = header.replace('external_id', 'Ticket ID').replace('registered_at', 'Opened');
    const { rows, headerOf } = csvCases('f.csv', `${renamed}\nX-1,incident,A,skd,En,2026-03-02,,,,`, map);
    assert.equal(rows[0]?.values.external_id, 'X-1');
    assert.equal(headerOf('registered_at'), 'Opened');
    assert.equal(headerOf('owner'), 'owner');
    assert.throws(
      () => csvCases('f.csv', `${header}\n`, map),
      /missing columns Ticket ID \(external_id\), Opened \(registered_at\)/,
    );
    for (const bad of ['ticket=Ticket ID', 'external_id', 'external_id=A,external_id=B'])
      assert.throws(() => parseColumnMap(bad), UsageError, bad);
  });

  it('refuses binary content and text that is not UTF-8, and reads UTF-8', () => {
    const write = (name: string, bytes: Buffer) => {
      const file = path.join(dir, name);
      writeFileSync(file, bytes);
      return file;
    };
    const zip = write('x.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]));
    const latin1 = write('latin1.csv', Buffer.from('title\nL\xf8st\n', 'latin1'));
    const utf8 = write('utf8.csv', Buffer.from('title\nLøst\n', 'utf8'));
    assert.throws(
      () => readCsvText(zip),
      (e: unknown) => e instanceof UsageError && e.message.startsWith(`${zip}: not a CSV file (binary content`),
    );
    assert.throws(
      () => readCsvText(latin1),
      (e: unknown) => e instanceof UsageError && e.message.startsWith(`${latin1}: not a CSV file (not UTF-8 text`),
    );
    assert.equal(readCsvText(utf8), 'title\nLøst\n');
  });
});
